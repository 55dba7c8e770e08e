using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Mail;
using Soliday.Pages;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>The form page's token, the cookie it is bound to, and the entry id it stands for.</summary>
public sealed record FormTokenGrant(string Token, string Cookie, string SubmissionId);

/// <summary>The form, empty or as it was sent back with what to fix; its form token set as it goes.</summary>
public sealed class SubmissionFormPage(
    FormTokens formTokens,
    PageRenderer pages,
    IOptions<SiteOptions> site,
    IOptions<ImagingOptions> imaging,
    IOptions<SolidayOptions> soliday,
    MailSender mail,
    HelperSessions helpers)
{
    /// <summary>The token the page will carry: the one sent, when genuine (the same form sent again is the same entry); otherwise a new one.</summary>
    public FormTokenGrant Grant(HttpRequest request, string? sentToken)
    {
        var cookie = request.Cookies[FormTokens.CookieName];
        var (token, boundTo) = formTokens.Validate(sentToken, cookie) is not null ? (sentToken!, cookie!) : formTokens.Issue(cookie);
        return new FormTokenGrant(token, boundTo, formTokens.SubmissionIdFor(formTokens.Validate(token, boundTo)!));
    }

    /// <param name="kept">Photos kept from this try, shown in their places with a note (see <see cref="KeptPhotos"/>).</param>
    /// <param name="grant">The token already granted for the page (its id names the kept photos); one is granted when none is given.</param>
    public async Task<IResult> RenderAsync(
        HttpRequest request, SubmissionFormValues values, IReadOnlyDictionary<string, string> errors, int status,
        IReadOnlyList<KeptPhoto>? kept = null, FormTokenGrant? grant = null)
    {
        grant ??= Grant(request, values.FormToken);
        request.HttpContext.Response.Cookies.Append(FormTokens.CookieName, grant.Cookie, FormTokens.CookieOptions(request));
        var view = new SubmitView(values with { FormToken = grant.Token }, errors, site.Value, imaging.Value.MaxUploadBytes, mail.IsConfigured)
        {
            Kept = kept ?? [],
            KeptFor = grant.SubmissionId,
            Moment = MomentCheck.For(soliday.Value),
            Helper = helpers.Current(request),
        };
        return new HtmlPage(await pages.RenderAsync<SubmitPage, SubmitView>(view), status);
    }
}
