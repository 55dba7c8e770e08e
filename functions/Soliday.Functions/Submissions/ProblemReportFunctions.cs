using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Soliday.Functions.Web;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Functions.Submissions;

/// <summary>The public's form to report a problem with a published entry, as Azure Functions.</summary>
public sealed class ProblemReportFunctions(ReportFormEndpoint form, ReportProblemEndpoint report)
{
    [Function("ReportForm")]
    public Task<IActionResult> ReportForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Report)] HttpRequest request,
        string id) =>
        form.Form(request, id).AsAction();

    [Function("ReportProblem")]
    public Task<IActionResult> ReportProblem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Report)] HttpRequest request,
        string id) =>
        report.Report(request, id).AsAction();
}
