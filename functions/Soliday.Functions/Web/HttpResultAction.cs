using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

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
    public static async Task<IActionResult> AsAction(this Task<IResult> result) => new HttpResultAction(await result);

    public static IActionResult AsAction(this IResult result) => new HttpResultAction(result);
}
