using System.Net;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>
/// Entry ids are public (every published entry's page shows one): the status of an entry that is
/// not on the timeline tells anyone its state only; its take-down key shows its sender the rest.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class StatusPrivacyTests(SharedHost shared)
{
    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task A_rejected_entry_shows_anyone_its_state_only_and_its_sender_what_they_sent_and_why()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder()
            .With("caption", "My neighbour's garden party").With("credit", "Lee Neighbour").With("alt", "People at a long table on a lawn"));
        await Host.Curator.WaitForQueueAsync(id);
        using var rejection = await Host.Curator.RejectAsync(id, "We cannot ask everyone in it.");
        await Host.Http.WaitForStatusAsync(id, "rejected");

        var anyone = await Host.Http.PublicStatusAsync(id);
        var withAnotherEntrysKey = await Host.Http.StatusAsync(id, SolidayApi.SendersKey(await Host.Http.SubmitAsync(new SubmissionBuilder())));
        var sender = await Host.Http.StatusAsync(id, SolidayApi.SendersKey(id));

        foreach (var stranger in new[] { anyone, withAnotherEntrysKey })
        {
            Assert.Equal("rejected", stranger["status"]!.GetValue<string>());
            Assert.Equal(["id", "status", "receivedAt"], stranger.AsObject().Select(p => p.Key));
            foreach (var word in new[] { "garden party", "Lee Neighbour", "long table", "cannot ask" })
            {
                Assert.DoesNotContain(word, stranger.ToJsonString());
            }
        }

        Assert.Equal("My neighbour's garden party", sender["text"]!.GetValue<string>());
        Assert.Equal("Lee Neighbour", sender["credit"]!.GetValue<string>());
        Assert.Equal("People at a long table on a lawn", sender["photos"]![0]!["alt"]!.GetValue<string>());
        Assert.Equal("We cannot ask everyone in it.", sender["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_published_entry_shows_anyone_what_the_timeline_shows()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Bunting on the High Street"));
        await Host.Curator.WaitForQueueAsync(id);
        using var approval = await Host.Curator.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);
        await Host.Http.WaitForStatusAsync(id, "published");

        var anyone = await Host.Http.PublicStatusAsync(id);

        Assert.Equal("Bunting on the High Street", anyone["text"]!.GetValue<string>());
        Assert.EndsWith($"entries/{id}.html", anyone["siteUrl"]!.GetValue<string>());
    }
}
