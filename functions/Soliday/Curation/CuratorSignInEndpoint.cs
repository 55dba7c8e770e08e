using Microsoft.AspNetCore.Http;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>
/// Signing in to the curation page with the curator token and one's own name (for the audit log),
/// for a session cookie; and signing out. Wrong tokens are counted per address.
/// </summary>
public sealed class CuratorSignInEndpoint(
    CuratorAuthenticator authenticator,
    CuratorTokenThrottle tokenThrottle,
    FormTokens formTokens,
    CurationPages pages)
{
    public async Task<IResult> SignInForm(HttpRequest request) => await pages.SignInAsync(request, error: null, StatusCodes.Status200OK);

    /// <summary>The curator token, and the curator's own name for the audit log, for a session cookie.</summary>
    public async Task<IResult> SignIn(HttpRequest request)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (formTokens.Validate(form["form-token"], request.Cookies[FormTokens.CookieName]) is null)
        {
            return await pages.SignInAsync(request, "This page was open too long. Please sign in again.", StatusCodes.Status400BadRequest);
        }

        var curator = authenticator.CuratorWithToken(form["token"].ToString().Trim());
        var allowance = await tokenThrottle.AllowAsync(request, rightToken: curator is not null);
        if (!allowance.Allowed)
        {
            return request.PrefersHtml()
                ? await TooManyWrongTokensPageAsync(request, allowance)
                : CuratorTokenThrottle.TooMany(request.HttpContext, allowance);
        }

        if (curator is null)
        {
            return await pages.SignInAsync(request, "That code is not one we know. Check it against the one the organisers gave you, typed or pasted whole. If you have lost it, ask the organisers for a new one.", StatusCodes.Status401Unauthorized);
        }

        var (session, options) = authenticator.NewSession(request, curator);
        request.HttpContext.Response.Cookies.Append(CuratorAuthenticator.SessionCookie, session, options);
        return new SeeOtherResult(Routes.CurationUrl());
    }

    /// <summary>Ends the browser's session; with the page's form token, so another site cannot sign a curator out.</summary>
    public async Task<IResult> SignOut(HttpRequest request)
    {
        var input = await CurationInput.ReadAsync(request);
        if (input is null || pages.ForgedFromBrowser(request, input))
        {
            return Problems.Of(400, "Please sign out from the curation page", "This sign-out did not come from the curation page (or the page was open too long). Reload the page and sign out again.", "form-token");
        }

        request.HttpContext.Response.Cookies.Delete(CuratorAuthenticator.SessionCookie, new CookieOptions { Path = "/api" });
        return new SeeOtherResult(Routes.CurationSignInUrl);
    }

    private async Task<IResult> TooManyWrongTokensPageAsync(HttpRequest request, AddressAllowance allowance)
    {
        request.HttpContext.Response.Headers.RetryAfter = allowance.RetryAfterSeconds;
        return await pages.SignInAsync(request, CuratorTokenThrottle.TooManyDetail, StatusCodes.Status429TooManyRequests);
    }
}
