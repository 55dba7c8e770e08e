using Microsoft.AspNetCore.Http;

namespace Soliday.Submissions;

/// <summary><c>GET</c> the form to report a problem with a published entry: what "Report a problem" on an entry page opens.</summary>
public sealed class ReportFormEndpoint(ReportPages pages)
{
    public async Task<IResult> Form(HttpRequest request, string id) =>
        await pages.PublishedAsync(id, request) is { } entry
            ? await pages.FormAsync(request, entry, ProblemReportValues.Empty, new Dictionary<string, string>(), StatusCodes.Status200OK)
            : await pages.NotFoundAsync(request);
}
