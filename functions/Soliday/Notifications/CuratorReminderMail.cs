using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Mail;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday.Notifications;

/// <summary>
/// The reader of the <c>curator-reminders</c> queue: each reminder (an entry has waited longer than
/// <c>Curation:ReminderAfter</c>) goes to the curators' addresses, with a link to the curation page.
/// It names the entry by id only, as the reminder does: nothing a take-down would have to chase.
/// Switched off (<see cref="FunctionName"/>'s Disabled setting) where there are no addresses to send to.
/// </summary>
public sealed class CuratorReminderMail(MailSender sender, IOptions<NotificationOptions> options, IOptions<SiteOptions> site, IOptions<SolidayOptions> soliday, ILogger<CuratorReminderMail> logger)
{
    public const string FunctionName = "EmailCuratorReminder";

    public const string QueueName = CurationSteps.RemindersQueue;

    /// <summary>True when reminders can go anywhere: a mail server, a sender and at least one curator's address.</summary>
    public static bool IsSetUp(NotificationOptions notifications) =>
        notifications.CanSend && notifications.CuratorAddresses.Any(a => !string.IsNullOrWhiteSpace(a));

    public async Task SendAsync(string message, CancellationToken cancellationToken)
    {
        var reminder = SolidayJson.Deserialize<CuratorReminder>(BinaryData.FromString(message));
        if (!IsSetUp(options.Value))
        {
            throw new InvalidOperationException($"{FunctionName} runs only with Notifications:Acs:Endpoint or Notifications:Smtp:Host, Notifications:From and Notifications:CuratorAddresses set; switch it off otherwise.");
        }

        var curationPage = new Uri(new Uri(site.Value.PublicRoot, site.Value.SubmitUrl), Routes.CurationUrl());
        var body = $"""
            An entry has waited for a curator since {Display.DateAndTime(reminder.WaitingSince, soliday.Value.Zone)}: entry {reminder.SubmissionId}.

            Please look at it on the curation page:
            {curationPage}
            """;
        foreach (var address in options.Value.CuratorAddresses.Where(a => !string.IsNullOrWhiteSpace(a)))
        {
            await sender.SendAsync(new MailMessage(address.Trim(), "#Soliday: an entry is waiting for a curator", body), cancellationToken);
        }

        logger.LogInformation("Submission {SubmissionId}: curators emailed that it is waiting", reminder.SubmissionId);
    }
}
