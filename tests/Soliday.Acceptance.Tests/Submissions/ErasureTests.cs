using System.Net;
using Soliday.Acceptance.Tests.Support;
using Soliday.Curation;
using Soliday.Imaging;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>
/// A removal removes everything: after a take-down, or a curator's removal long after the entry's
/// workflow has ended, no blob, queue message or table row of the host's storage holds anything
/// the resident sent. Each test has its own host, so what the scan finds can only be that entry's.
/// </summary>
public sealed class ErasureTests
{
    /// <summary>The corpus photo of the day the host is set to: it is published into that day's timeline.</summary>
    private static readonly byte[] Photo = Corpus.Read("real-exif", "EX__jpg_gps_DSCN0042.jpg");

    [Fact]
    public async Task A_taken_down_entry_leaves_nothing_of_what_was_sent_in_any_blob_queue_or_table()
    {
        await using var host = await StartHostAsync();
        var sent = SentWords.New();
        var (id, key) = await SendAsync(host, sent);
        await PublishAsync(host, id);
        var secrets = await SecretsAsync(host, id, sent);
        await AssertStoredAsync(host, secrets); // the scan finds them while the entry is there: it cannot pass by finding nothing

        await host.Http.TakeDownAsync($"/api/submissions/{id}/takedown?key={key}");

        await AssertErasedAsync(host, secrets);
        Assert.Equal("withdrawn", (await host.Http.StatusAsync(id, key))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_curator_removes_an_entry_long_after_its_changes_ended_and_nothing_of_it_stays()
    {
        await using var host = await StartHostAsync(new() { ["Curation__ChangesAfterPublication"] = "00:00:01" });
        var sent = SentWords.New();
        var (id, key) = await SendAsync(host, sent);
        await PublishAsync(host, id);
        await SolidayApi.EventuallyAsync(async () => await DurableInstances.RuntimeStatusAsync(host, $"submission-{id}") == "Completed", "the entry's workflow has ended");
        var secrets = await SecretsAsync(host, id, sent);
        await AssertStoredAsync(host, secrets);

        using var removal = await host.Curator.RemoveAsync(id, "Shows a neighbour's car number plate.");

        Assert.Equal(HttpStatusCode.Accepted, removal.StatusCode);
        await AssertErasedAsync(host, secrets);
        var status = await host.Http.StatusAsync(id, key);
        Assert.Equal("removed", status["status"]!.GetValue<string>());
        Assert.Equal("Shows a neighbour's car number plate.", status["reason"]!.GetValue<string>());
        Assert.False(await host.Http.SiteHasAsync($"entries/{id}.html"));
    }

    /// <summary>Strings nobody else sends, one in every field of the form.</summary>
    private sealed record SentWords(string Caption, string Hashtag, string Credit, string Place, string Email, string Alt)
    {
        public static SentWords New()
        {
            var n = Guid.NewGuid().ToString("N")[..12];
            return new($"Caption{n} over the lake", $"Tagged{n}", $"Credit{n} Smith", $"Place{n} Park", $"mail{n}@example.org", $"Alt{n} ducks in mist");
        }

        public IEnumerable<string> All => [Caption, Hashtag, Credit, Place, Email, Alt];
    }

    private static Task<SolidayHost> StartHostAsync(Dictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? [])
        {
            ["Soliday__Day"] = SharedHost.Day,
            ["Logging__LogLevel__Default"] = "Information", // every line the host logs, to check none carries the entry
        };
        return SolidayHost.StartAsync(all);
    }

    private static async Task<(string Id, string Key)> SendAsync(SolidayHost host, SentWords sent)
    {
        var id = await host.Http.SubmitAsync(new SubmissionBuilder()
            .With("caption", $"{sent.Caption} #{sent.Hashtag}")
            .With("credit", sent.Credit)
            .With("place", sent.Place)
            .With("email", sent.Email)
            .With("alt", sent.Alt)
            .WithPhotoBytes(Photo, "DSCN0042.jpg"));
        return (id, SolidayApi.SendersKey(id));
    }

    private static async Task PublishAsync(SolidayHost host, string id)
    {
        await host.Curator.WaitForQueueAsync(id);
        using var approval = await host.Curator.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);
        await host.Http.WaitForStatusAsync(id, "published");
        await SolidayApi.EventuallyAsync(async () => (await host.Http.SiteFileAsync("feed.json")).Contains(id), "the entry is in the feed");
    }

    /// <summary>What was sent, and what was made of the photo: its SHA-256 and perceptual hash as the duplicate check keeps them.</summary>
    private static async Task<IReadOnlyList<string>> SecretsAsync(SolidayHost host, string id, SentWords sent)
    {
        var hashes = (await new PhotoHashIndex(host.Blobs).ReadAsync()).Single(h => h.SubmissionId == id);
        Assert.Equal(StorageScan.Sha256(Photo), hashes.Sha256);
        return [.. sent.All, hashes.Sha256, hashes.PerceptualHash];
    }

    private static async Task AssertStoredAsync(SolidayHost host, IReadOnlyList<string> secrets)
    {
        var scan = await StorageScan.TakeAsync(host);
        foreach (var secret in secrets)
        {
            Assert.True(scan.PlacesHolding(secret).Count > 0, $"'{secret}' is stored somewhere before the removal");
        }

        Assert.NotEmpty(scan.PlacesHoldingBytes(Photo));
        Assert.True(scan.TableRowCount > 0, "the durable engine's tables were read");
    }

    private static async Task AssertErasedAsync(SolidayHost host, IReadOnlyList<string> secrets)
    {
        var scan = await StorageScan.TakeAsync(host);
        var left = secrets.SelectMany(secret => scan.PlacesHolding(secret).Select(place => $"'{secret}' in {place}")).ToList();
        Assert.True(left.Count == 0, "Still stored:\n" + string.Join("\n", left));
        Assert.Empty(scan.PlacesHoldingBytes(Photo));
        Assert.True(scan.TableRowCount > 0, "the durable engine's tables were read");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, host.Output, StringComparison.OrdinalIgnoreCase);
        }
    }
}
