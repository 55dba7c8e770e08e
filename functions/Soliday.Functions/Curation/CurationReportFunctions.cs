using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Soliday.Curation;
using Soliday.Functions.Web;
using Soliday.Web;

namespace Soliday.Functions.Curation;

/// <summary>Curators' endpoints for the problems the public reported, as Azure Functions.</summary>
public sealed class CurationReportFunctions(CurationReportsEndpoint reports, DismissReportEndpoint dismissal)
{
    [Function("CurationReports")]
    public Task<IActionResult> Reports(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CurationReports)] HttpRequest request) =>
        reports.Reports(request).AsAction();

    [Function("CurationDismissReport")]
    public Task<IActionResult> DismissReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CurationDismissReport)] HttpRequest request,
        string id,
        string report) =>
        dismissal.Dismiss(request, id, report).AsAction();
}
