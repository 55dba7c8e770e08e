using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Mail;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday.Notifications;

/// <summary>
/// Tells curators that work is waiting: when entries have waited longer than
/// <see cref="NotificationOptions.DigestAfter"/>, one email to every curator address with how many
/// and since when, at most one an hour. Entries are counted, never described: a digest holds
/// nothing a take-down would have to chase. Off where no curator address is set, as the reminders are.
/// Read from the board's index of waiting entries (their cards' names, oldest first), never from the
/// durable engine's list of every workflow: a look every five minutes costs the same with 50 or
/// 10,000 waiting.
/// </summary>
public sealed class CuratorDigest(
    WaitingIndex waiting,
    MailSender sender,
    BlobServiceClient blobs,
    IOptions<NotificationOptions> options,
    IOptions<SiteOptions> site,
    IOptions<SolidayOptions> soliday,
    TimeProvider clock,
    ILogger<CuratorDigest> logger)
{
    public const string FunctionName = "EmailCuratorDigest";

    /// <summary>Every five minutes: a wait past the threshold is noticed within five minutes of it (Soliday.Local's <c>Timers:Tick</c> may look more often).</summary>
    public const string Schedule = "0 */5 * * * *";

    /// <summary>At most one digest in this long, however much waits: a reminder, not a stream.</summary>
    public static readonly TimeSpan AtMostEvery = TimeSpan.FromHours(1);

    /// <summary>When the last digest went, in the curation container: shared by every instance.</summary>
    private const string LastSentBlob = "digests/last-sent.json";

    public async Task SendAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (count, oldest) = await waiting.WaitingSinceAsync(now - options.Value.DigestAfter, cancellationToken);
        if (oldest is not { } longest || !await ClaimThisHourAsync(now, cancellationToken))
        {
            return;
        }

        var curationPage = new Uri(new Uri(site.Value.PublicRoot, site.Value.SubmitUrl), Routes.CurationUrl());
        var subject = count == 1 ? "#Soliday: 1 entry is waiting for a curator" : $"#Soliday: {count} entries are waiting for a curator";
        var body = $"""
            {(count == 1 ? "1 entry has" : $"{count} entries have")} waited longer than {Minutes(options.Value.DigestAfter)} for a curator, the longest since {Display.DateAndTime(longest, soliday.Value.Zone)}.

            The curation page:
            {curationPage}

            The next of these emails comes in an hour at the soonest.
            """;
        foreach (var address in options.Value.CuratorAddresses.Where(a => !string.IsNullOrWhiteSpace(a)))
        {
            await sender.SendAsync(new MailMessage(address.Trim(), subject, body), cancellationToken);
        }

        logger.LogInformation("Curators emailed a digest: {Count} entries waiting", count);
    }

    /// <summary>
    /// True for the one caller that may send now: the last digest is an hour old (or there is none),
    /// and this caller's conditional write of the new time won. Claimed before sending, so a failed
    /// send skips an hour rather than risk two digests.
    /// </summary>
    private async Task<bool> ClaimThisHourAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var blob = blobs.GetBlobContainerClient(StorageLayout.Curation).GetBlobClient(LastSentBlob);
        BlobRequestConditions conditions;
        try
        {
            var last = await blob.DownloadContentAsync(cancellationToken);
            if (now - SolidayJson.Deserialize<DateTimeOffset>(last.Value.Content) < AtMostEvery)
            {
                return false;
            }

            conditions = new BlobRequestConditions { IfMatch = last.Value.Details.ETag };
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            conditions = new BlobRequestConditions { IfNoneMatch = ETag.All };
        }

        try
        {
            await blob.UploadAsync(SolidayJson.Serialize(now), new BlobUploadOptions { Conditions = conditions }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false; // another instance sent it
        }
    }

    private static string Minutes(TimeSpan wait) => wait.TotalMinutes >= 1 ? $"{wait.TotalMinutes:0} minutes" : $"{wait.TotalSeconds:0} seconds";
}
