using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Soliday.Words;

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

    /// <summary>The code of <see cref="Starting"/>: the app is up, but a part it needs is not ready yet.</summary>
    public const string StartingCode = "starting";

    /// <summary>
    /// 503 while a part the request needs is not ready yet (a freshly deployed app's access to its
    /// storage or Key Vault takes minutes to come into effect); <c>/api/health</c> says which. Said in
    /// the site's language, as a resident sending the form may be the one who meets it.
    /// </summary>
    public static IResult Starting() => new StartingProblem();

    /// <summary>Its words are looked up as it is answered: where it is made (any endpoint) has none at hand.</summary>
    private sealed class StartingProblem : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var words = httpContext.RequestServices.GetRequiredService<SiteWords>();
            return Of(503, words["error.starting.title"], words["error.starting.detail"], StartingCode).ExecuteAsync(httpContext);
        }
    }
}
