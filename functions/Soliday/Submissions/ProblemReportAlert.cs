using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Mail;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>
/// Tells curators at once that a problem was reported: one email to every curator address, saying
/// why (in the form's words) and where to act, never what the reporter wrote or their address, so
/// the email holds nothing personal. Someone in a photo without having agreed should not wait for
/// a curator to happen to open the page. Off where no mail or no curator address is set; a failed
/// email never loses the report, which waits on the curators' page either way.
/// </summary>
public sealed class ProblemReportAlert(MailSender sender, IOptions<NotificationOptions> notifications, IOptions<SiteOptions> site, ILogger<ProblemReportAlert> logger)
{
    public async Task TellCuratorsAsync(ProblemReport report, CancellationToken cancellationToken)
    {
        if (!sender.IsConfigured)
        {
            return;
        }

        var reportsPage = new Uri(new Uri(site.Value.PublicRoot, site.Value.SubmitUrl), Routes.CurationReportsUrl());
        var subject = report.IsUrgent
            ? "#Soliday, urgent: someone says they are in a photo without having agreed"
            : "#Soliday: a problem was reported with an entry";
        var body = $"""
            Someone reported a problem with a published entry: "{ReportReasons.WordsFor(report.Reason)}".

            Read the report, and take the entry off or dismiss the report, on the curators' reports page:
            {reportsPage}
            """;
        foreach (var address in notifications.Value.CuratorAddresses.Where(a => !string.IsNullOrWhiteSpace(a)))
        {
            try
            {
                await sender.SendAsync(new MailMessage(address.Trim(), subject, body), cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Curators could not be emailed about problem report {ReportId}; it waits on the reports page", report.Id);
            }
        }
    }
}
