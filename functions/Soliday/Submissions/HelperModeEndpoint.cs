using Microsoft.AspNetCore.Http;
using Soliday.Pages;
using Soliday.Web;

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
    PageRenderer pages)
{
    /// <summary>The field that carries the volunteer's code.</summary>
    public const string CodeField = "code";

    /// <summary>Sent by the "start helping" button a signed-in curator sees instead of the code field.</summary>
    public const string AsCuratorField = "as-curator";

    /// <summary>Sent by the "stop helping" button.</summary>
    public const string StopField = "stop";

    private const string WrongCode = "That helper code is not one we know. Check it against the one the organisers gave you, typed whole. If you have lost it, ask the organisers.";
    private const string NotSignedIn = "You are no longer signed in as a curator. Sign in to curate first, or use a helper code.";
    private const string Expired = "This page was open too long. Please try again.";

    public async Task<IResult> Page(HttpRequest request) => await RenderAsync(request, error: null, StatusCodes.Status200OK);

    public async Task<IResult> Change(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return await RefusedAsync(request, StatusCodes.Status415UnsupportedMediaType, "Please use the page", "This needs to be sent from the helping page.", "form");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (formTokens.Validate(form[SubmissionFormFields.FormToken], request.Cookies[FormTokens.CookieName]) is null)
        {
            return await RefusedAsync(request, StatusCodes.Status400BadRequest, "Please start again from the page", Expired, "form-token");
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
                return await RefusedAsync(request, StatusCodes.Status401Unauthorized, "Not signed in as a curator", NotSignedIn, "not-a-curator");
            }
        }
        else
        {
            helper = helpers.HelperWithCode(form[CodeField]);
            var allowance = await throttle.AllowAsync(request, rightCode: helper is not null);
            if (!allowance.Allowed)
            {
                request.HttpContext.Response.Headers.RetryAfter = allowance.RetryAfterSeconds;
                return await RefusedAsync(request, StatusCodes.Status429TooManyRequests, "Too many wrong helper codes", HelperCodeThrottle.TooManyDetail, "too-many-wrong-codes");
            }

            if (helper is null)
            {
                return await RefusedAsync(request, StatusCodes.Status401Unauthorized, "Helper code not known", WrongCode, "wrong-helper-code");
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
