using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Soliday.Web;

/// <summary>
/// Error responses as RFC 9457 problem details (<c>application/problem+json</c>), one shape for
/// every error: a title, a detail, and where a field is at fault, its message under <c>errors</c>.
/// </summary>
public static class Problems
{
    public static IResult Of(int status, string title, string? detail = null, string? code = null, IReadOnlyDictionary<string, string>? fieldErrors = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }

        if (fieldErrors is { Count: > 0 })
        {
            problem.Extensions["errors"] = fieldErrors.ToDictionary(e => e.Key, e => new[] { e.Value });
        }

        return Results.Problem(problem);
    }

    public static IResult NotFound(string detail) => Of(404, "Not found", detail);

    public const string UnavailableDetail = "We could not save this just now. Nothing was kept, so it is safe to send it again.";

    public static IResult Unavailable() => Of(503, "Please try again in a minute", UnavailableDetail);

    /// <summary>The code of <see cref="Starting"/>: the app is up, but a part it needs is not ready yet.</summary>
    public const string StartingCode = "starting";

    public const string StartingDetail = "Soliday has just started and is still getting ready. Nothing was kept, so please try again in a minute.";

    /// <summary>
    /// 503 while a part the request needs is not ready yet (a freshly deployed app's access to its
    /// storage or Key Vault takes minutes to come into effect); <c>/api/health</c> says which.
    /// </summary>
    public static IResult Starting() => Of(503, "Soliday is starting up", StartingDetail, StartingCode);
}
