using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Soliday.Imaging;
using Soliday.Mail;
using Soliday.Pages;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>The form, empty or as it was sent back with what to fix; its form token set as it goes.</summary>
public sealed class SubmissionFormPage(
    FormTokens formTokens,
    PageRenderer pages,
    IOptions<SiteOptions> site,
    IOptions<ImagingOptions> imaging,
    MailSender mail)
{
    public async Task<IResult> RenderAsync(HttpRequest request, SubmissionFormValues values, IReadOnlyDictionary<string, string> errors, int status)
    {
        // Keep a genuine token (the same form sent again is the same entry); otherwise issue one.
        var cookie = request.Cookies[FormTokens.CookieName];
        var token = formTokens.Validate(values.FormToken, cookie) is not null ? (values.FormToken!, cookie!) : formTokens.Issue(cookie);
        request.HttpContext.Response.Cookies.Append(FormTokens.CookieName, token.Item2, FormTokens.CookieOptions(request));
        var view = new SubmitView(values with { FormToken = token.Item1 }, errors, site.Value, imaging.Value.MaxUploadBytes, mail.IsConfigured);
        return new HtmlPage(await pages.RenderAsync<SubmitPage, SubmitView>(view), status);
    }
}
