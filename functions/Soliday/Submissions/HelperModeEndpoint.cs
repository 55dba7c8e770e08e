using Microsoft.AspNetCore.Http;
using Soliday.Pages;
using Soliday.Web;
using Soliday.Words;

namespace Soliday.Submissions;

/// <summary>
/// Volunteer mode on the form, for the Social Council's cafés: <c>GET</c> the page a volunteer starts it
/// on (with their helper code, or as the curator signed in), <c>POST</c> to start or stop it. Wrong codes
/// are counted per address (<see cref="HelperCodeThrottle"/>); a code is never echoed back into the page.
/// </summary>
public sealed class HelperModeEndpoint(
    HelperSessions helpers,
    HelperCodeThrottle throttle,
    FormTokens formTokens,
    PageRenderer pages,
    SiteWords words)
{
    /// <summary>The field that carries the volunteer's code.</summary>
    public const string CodeField = "code";

    /// <summary>Sent by the "start helping" button a signed-in curator sees instead of the code field.</summary>
    public const string AsCuratorField = "as-curator";

    /// <summary>Sent by the "stop helping" button.</summary>
    public const string StopField = "stop";

    public async Task<IResult> Page(HttpRequest request) => await RenderAsync(request, error: null, StatusCodes.Status200OK);

    public async Task<IResult> Change(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return await RefusedAsync(request, StatusCodes.Status415UnsupportedMediaType, words["helper.error.notAForm.title"], words["helper.error.notAForm"], "form");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (formTokens.Validate(form[SubmissionFormFields.FormToken], request.Cookies[FormTokens.CookieName]) is null)
        {
            return await RefusedAsync(request, StatusCodes.Status400BadRequest, words["helper.error.expired.title"], words["helper.error.expired"], "form-token");
        }

        if (form.ContainsKey(StopField))
        {
            HelperSessions.End(request.HttpContext.Response);
            return new SeeOtherResult(Routes.SubmitFormUrl);
        }

        Helper? helper;
        if (form.ContainsKey(AsCuratorField))
        {
            helper = helpers.SignedInCurator(request);
            if (helper is null)
            {
                return await RefusedAsync(request, StatusCodes.Status401Unauthorized, words["helper.error.notSignedIn.title"], words["helper.error.notSignedIn"], "not-a-curator");
            }
        }
        else
        {
            helper = helpers.HelperWithCode(form[CodeField]);
            var allowance = await throttle.AllowAsync(request, rightCode: helper is not null);
            if (!allowance.Allowed)
            {
                request.HttpContext.Response.Headers.RetryAfter = allowance.RetryAfterSeconds;
                return await RefusedAsync(request, StatusCodes.Status429TooManyRequests, words["helper.error.tooMany.title"], words["helper.error.tooMany"], "too-many-wrong-codes");
            }

            if (helper is null)
            {
                return await RefusedAsync(request, StatusCodes.Status401Unauthorized, words["helper.error.wrongCode.title"], words["helper.error.wrongCode"], "wrong-helper-code");
            }
        }

        var (session, options) = helpers.NewSession(request, helper);
        request.HttpContext.Response.Cookies.Append(HelperSessions.CookieName, session, options);
        return new SeeOtherResult(Routes.SubmitFormUrl);
    }

    /// <summary>The page again with what went wrong for a browser; problem details for anything else.</summary>
    private async Task<IResult> RefusedAsync(HttpRequest request, int status, string title, string detail, string code) =>
        request.PrefersHtml() ? await RenderAsync(request, detail, status) : Problems.Of(status, title, detail, code);

    private async Task<IResult> RenderAsync(HttpRequest request, string? error, int status)
    {
        var (token, cookie) = formTokens.Issue(request.Cookies[FormTokens.CookieName]);
        request.HttpContext.Response.Cookies.Append(FormTokens.CookieName, cookie, FormTokens.CookieOptions(request));
        var view = new HelperModeView(token, helpers.Current(request), helpers.SignedInCurator(request)?.Name, error);
        return new HtmlPage(await pages.RenderAsync<HelperModePage, HelperModeView>(view), status);
    }
}
