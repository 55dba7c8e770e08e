using System.Text.RegularExpressions;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Notifications;

/// <summary>Curators are told when entries have waited past <c>Notifications:DigestAfter</c>: one digest, then none for an hour.</summary>
public sealed partial class CuratorDigestTests
{
    private const string Curators = "curators@example.org";

    /// <summary>Several of the host's timer ticks (one a second here): time for a second digest to come, were the hourly limit broken.</summary>
    private static readonly TimeSpan SeveralTicks = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Entries_waiting_past_the_threshold_bring_one_digest_and_no_second_within_the_hour()
    {
        await using var mail = await LocalMailServer.StartAsync();
        var settings = mail.Settings;
        settings["Notifications__CuratorAddresses__0"] = Curators;
        settings["Notifications__DigestAfter"] = "00:00:02";
        settings["Timers__Tick"] = "00:00:01";
        await using var host = await SolidayHost.StartAsync(settings);

        var first = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "The first of the morning"));
        var second = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "The second of the morning"));
        await host.Curator.WaitForQueueAsync(first);
        await host.Curator.WaitForQueueAsync(second);
        var digest = (await mail.WaitForAsync(Curators, 1)).Single();
        await Task.Delay(SeveralTicks);

        Assert.Matches("^#Soliday: (1 entry is|2 entries are) waiting for a curator$", digest.Subject);
        Assert.Equal($"{host.Http.BaseAddress}api/curation", Link().Match(digest.TextBody ?? "").Value);
        Assert.DoesNotContain("of the morning", digest.TextBody); // counted, never described
        Assert.Single(mail.To(Curators)); // the entries still wait, but a digest comes at most once an hour
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
