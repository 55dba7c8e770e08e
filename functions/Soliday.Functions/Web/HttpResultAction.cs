using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Soliday.Storage;
using Soliday.Web;

namespace Soliday.Functions.Web;

/// <summary>
/// Soliday's handlers return ASP.NET Core's <see cref="IResult"/> (what minimal APIs in Soliday.Local
/// take); the Functions ASP.NET Core integration executes only <see cref="IActionResult"/>. This is
/// the whole bridge between the two.
/// </summary>
public sealed class HttpResultAction(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context) => Result.ExecuteAsync(context.HttpContext);
}

public static class HttpResultActionExtensions
{
    /// <summary>
    /// Also where both hosts turn "not ready yet" into 503 <c>starting</c> instead of 500: a secret
    /// still an unresolved Key Vault reference, or storage that does not yet answer or let the app in
    /// (both usual for minutes after a first deployment). Every HTTP function ends here, on either host.
    /// </summary>
    public static async Task<IActionResult> AsAction(this Task<IResult> result)
    {
        try
        {
            return new HttpResultAction(await result);
        }
        catch (Exception e) when (e is NotReadyException || StorageFailures.IsNotReady(e))
        {
            return new HttpResultAction(Problems.Starting());
        }
    }

    public static IActionResult AsAction(this IResult result) => new HttpResultAction(result);
}
