using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Mail;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Timeline;
using Soliday.Web;
using Soliday.Words;

namespace Soliday.Notifications;

/// <summary>Which of a resident's two emails: the receipt when the entry arrives, or the note of its outcome.</summary>
public enum ResidentNote
{
    Receipt,
    Outcome,
}

/// <summary>
/// The only emails a resident ever gets, and only when they ticked "Email me a receipt": a receipt
/// with the links to their status page and to take the entry down, and one note when it is published
/// or not, with the reason in the words the status page uses. They are in the site's language, as
/// the pages the links lead to. An erased entry has no address, so nothing goes after a take-down.
/// The address and the text are never logged.
/// </summary>
public sealed class ResidentNotes(
    EntryStore entries,
    TakedownLinks takedownLinks,
    MailSender sender,
    IOptions<SiteOptions> site,
    IOptions<SolidayOptions> soliday,
    TimeProvider clock,
    SiteWords words,
    ILogger<ResidentNotes> logger)
{
    /// <summary>
    /// What the workflow's <c>NotifyResident</c> step does: sends the note once, then marks it sent
    /// on the entry. Whether an email went: false when it was not wanted, already sent, or had no
    /// address left to go to.
    /// </summary>
    public async Task<bool> SendAsync(string id, ResidentNote note)
    {
        // Taken down or removed: its address goes with the erasure, and nothing is sent meanwhile.
        if (await entries.FindAsync(id) is not { ContactEmail: { } address, ResidentMail: { } mail } entry || entry.State.IsErased() || !sender.IsConfigured)
        {
            return false;
        }

        var alreadySent = note == ResidentNote.Receipt ? mail.ReceiptSentAt : mail.OutcomeSentAt;
        if (alreadySent is not null || Compose(entry, note) is not { } body)
        {
            return false;
        }

        if (!MailSender.CanSendTo(address))
        {
            logger.LogWarning("Submission {SubmissionId}: the {Note} was not sent, the address cannot take mail", id, note);
            return false;
        }

        try
        {
            await sender.SendAsync(new MailMessage(address, body.Subject, body.Text), CancellationToken.None);
        }
        catch (MailNotSentException e) when (e.Permanent)
        {
            logger.LogWarning("Submission {SubmissionId}: the {Note} was not sent: {Reason}", id, note, e.Message);
            return false;
        }

        // Marked after sending: a failure in between sends it again (at least once, never lost).
        var now = clock.GetUtcNow();
        await entries.UpdateAsync(id, e => e with
        {
            ResidentMail = note == ResidentNote.Receipt
                ? (e.ResidentMail ?? new()) with { ReceiptSentAt = now }
                : (e.ResidentMail ?? new()) with { OutcomeSentAt = now },
        });
        logger.LogInformation("Submission {SubmissionId}: {Note} emailed", id, note);
        return true;
    }

    private (string Subject, string Text)? Compose(Entry entry, ResidentNote note)
    {
        var key = takedownLinks.Issue(entry.Id);
        var status = Absolute($"{Routes.SubmissionStatusUrl(entry.Id)}?{SubmissionFormFields.TakedownKey}={key}");
        var takedown = Absolute(Routes.TakedownUrl(entry.Id, key));
        var received = words.DateAndTime(entry.ReceivedAt, soliday.Value.Zone);
        return note switch
        {
            ResidentNote.Receipt => (words["mail.receipt.subject"], words.Say("mail.receipt.text",
                ("received", received), ("status", status), ("takedown", takedown))),
            ResidentNote.Outcome when entry.State == EntryState.Published => (words["mail.published.subject"], words.Say("mail.published.text",
                ("received", received), ("entry", new Uri(site.Value.PublicRoot, SitePaths.EntryPage(entry.Id))), ("takedown", takedown))),
            ResidentNote.Outcome when entry.State is EntryState.Rejected or EntryState.Failed => (words["mail.notPublished.subject"], words.Say("mail.notPublished.text",
                ("received", received), ("reason", entry.Reason), ("status", status))),
            _ => null, // taken down or removed: the resident knows, or there is nothing to say
        };
    }

    /// <summary>
    /// An address on this app, whole: <c>Site:SubmitUrl</c> is absolute in Azure (the API's own
    /// host), and relative on the local host, which serves the site and the API from one address.
    /// </summary>
    private Uri Absolute(string path) => new(new Uri(site.Value.PublicRoot, site.Value.SubmitUrl), path);
}
