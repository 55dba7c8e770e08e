using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Pages;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>
/// <c>GET</c> the slip a volunteer prints for the resident they helped: the short reference, and the
/// status and take-down links as QR codes and in words. Only with the entry's take-down key, as the
/// sender's status page: the take-down link is the resident's secret, so nobody else gets the slip
/// (an unknown entry and a wrong key get the same "not found"), and it is never cached (<see cref="HtmlPage"/>).
/// </summary>
public sealed class ReceiptSlipEndpoint(LinkedEntries linked, TakedownLinks takedownLinks, PageRenderer pages, IOptions<SiteOptions> site)
{
    public async Task<IResult> Slip(HttpRequest request, string id)
    {
        var key = request.Query[SubmissionFormFields.TakedownKey].ToString();
        if (!takedownLinks.IsValid(id, key) || await linked.FindAsync(id, request) is not { } entry)
        {
            return await linked.NotFoundAsync(request);
        }

        // Absolute, beside the form's own address: a phone that scans the slip has no page to be relative to.
        var form = site.Value.SubmitAddress;
        var view = new ReceiptSlipView(
            EntryReference.Of(entry.Id),
            new Uri(form, $"{Routes.SubmissionStatusUrl(entry.Id)}?{SubmissionFormFields.TakedownKey}={key}"),
            new Uri(form, Routes.TakedownUrl(entry.Id, key)),
            entry.HelpedBy);
        return new HtmlPage(await pages.RenderAsync<ReceiptSlipPage, ReceiptSlipView>(view));
    }
}

/// <summary>What the receipt slip shows.</summary>
/// <param name="HelpedBy">The volunteer who helped, named on the screen only (the slip is the resident's).</param>
public sealed record ReceiptSlipView(string Reference, Uri Status, Uri Takedown, string? HelpedBy);
