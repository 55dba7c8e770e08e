using System.Net;
using System.Text.Json.Nodes;
using Soliday.Acceptance.Tests.Support;
using Soliday.Entries;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Curation;

/// <summary>Curators' changes through the real durable engine: before a decision, and after publication.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class CurationWorkflowTests(SharedHost shared)
{
    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task An_entry_edited_then_approved_is_published_as_edited()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Sent with a typo in Shirly").With("alt", "A war memorial"));
        await Host.Curator.WaitForQueueAsync(id);

        using var edit = await Host.Curator.EditAsync(id, new { text = "Remembrance at the Shirley war memorial", alts = new[] { "Poppy wreaths at the foot of a stone war memorial" }, tags = new[] { "#remembrance", "place:Shirley" } });
        Assert.Equal(HttpStatusCode.Accepted, edit.StatusCode);
        await SolidayApi.EventuallyAsync(async () => (await Host.Curator.WaitForQueueAsync(id))["caption"]!.GetValue<string>().StartsWith("Remembrance", StringComparison.Ordinal), "the edit shows in the queue");
        var tags = (await Host.Curator.WaitForQueueAsync(id))["tags"]!.AsArray().Select(t => t!.GetValue<string>());
        Assert.Equal(["#remembrance", "place:Shirley"], tags);

        using var approval = await Host.Curator.ApproveAsync(id);
        await Host.Http.WaitForStatusAsync(id, "published");

        var page = await Host.Http.EntryPageAsync(id);
        Assert.Contains("Remembrance at the Shirley war memorial", page);
        Assert.Contains("href=\"../tags/remembrance.html\"", page);
        Assert.Contains("Remembrance at the Shirley war memorial", await Host.Http.SiteFileAsync("tags/remembrance.html"));
        Assert.Contains("alt=\"Poppy wreaths at the foot of a stone war memorial\"", page);
        Assert.DoesNotContain("Sent with a typo", page);
    }

    [Fact]
    public async Task A_description_mended_by_a_curator_is_no_longer_flagged_as_weak()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().With("alt", "DSC_0042"));
        Assert.Contains("alt-weak", FlagCodes(await Host.Curator.WaitForQueueAsync(id)));

        using var edit = await Host.Curator.EditAsync(id, new { alts = new[] { "A brass band playing on the bandstand in Malvern Park" } });

        Assert.Equal(HttpStatusCode.Accepted, edit.StatusCode);
        await SolidayApi.EventuallyAsync(async () => !FlagCodes(await Host.Curator.WaitForQueueAsync(id)).Contains("alt-weak"), "the weak-description flag goes");
        Assert.DoesNotContain(id, await Host.Curator.QueueIdsAsync("flag=alt-weak"));
    }

    [Fact]
    public async Task An_edit_after_publication_publishes_that_entry_again()
    {
        var id = await PublishedEntryAsync("Before the edit, at the Core");

        using var edit = await Host.Curator.EditAsync(id, new { text = "After the edit, at the Core theatre" });

        Assert.Equal(HttpStatusCode.Accepted, edit.StatusCode);
        // The entry's page, its hour, the day page and the feeds are written side by side: one may be
        // on the site a moment before another, so the test waits for all of them.
        await SolidayApi.EventuallyAsync(async () =>
        {
            string[] pages = [await Host.Http.EntryPageAsync(id), await Host.Http.WholeDayTextAsync()];
            return pages.All(page => page.Contains("After the edit, at the Core theatre") && !page.Contains("Before the edit, at the Core"));
        }, "the edited caption replaces the old one on the entry's page and everything made from the whole day");
        Assert.Equal("published", (await Host.Http.StatusAsync(id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_published_entry_taken_off_the_timeline_leaves_every_page()
    {
        var id = await PublishedEntryAsync("Published, then taken off");

        using var unpublish = await Host.Curator.UnpublishAsync(id, "The people in it asked us to remove it.");
        using var again = await Host.Curator.UnpublishAsync(id, "Twice");

        Assert.Equal(HttpStatusCode.Accepted, unpublish.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var status = await Host.Http.WaitForStatusAsync(id, "removed");
        Assert.Equal("The people in it asked us to remove it.", status["reason"]!.GetValue<string>());
        Assert.Null(status["text"]); // erased: not shown to the sender either
        Assert.DoesNotContain("Published, then taken off", await Host.Http.WholeDayTextAsync());
        Assert.False(await Host.Http.SiteHasAsync($"entries/{id}.html"));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_the_resident_will_read()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder());
        await Host.Curator.WaitForQueueAsync(id);

        using var rejection = await Host.Curator.RejectAsync(id, " ");

        Assert.Equal(HttpStatusCode.BadRequest, rejection.StatusCode);
        Assert.Equal("awaiting-curation", (await Host.Http.StatusAsync(id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_curator_is_told_who_decided_and_when()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder());
        await Host.Curator.WaitForQueueAsync(id);
        using var first = await Host.Curator.ApproveAsync(id);

        using var second = await Host.Curator.ApproveAsync(id);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Matches("Local curator approved this entry on .+ at", (await second.ProblemAsync())["detail"]!.GetValue<string>());
    }

    private static List<string> FlagCodes(JsonNode item) => [.. item["flags"]!.AsArray().Select(f => f!["code"]!.GetValue<string>())];

    private async Task<string> PublishedEntryAsync(string caption)
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", caption));
        await Host.Curator.WaitForQueueAsync(id);
        using var approval = await Host.Curator.ApproveAsync(id);
        await Host.Http.WaitForStatusAsync(id, "published");
        return id;
    }
}
