using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Soliday.Acceptance.Tests.Support;
using Soliday.Storage;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Curation;

/// <summary><c>POST /api/curation/{id}/remove</c>: a curator takes an entry off for good, whatever its state.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class RemoveEntryTests(SharedHost shared)
{
    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task A_removal_answers_202_and_again_202_and_the_audit_log_says_who_when_and_why_once()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Removed while it waited").With("credit", "Jo Removable"));
        await Host.Curator.WaitForQueueAsync(id);

        using var first = await Host.Curator.RemoveAsync(id, "A stranger's face, close up.");
        using var second = await Host.Curator.RemoveAsync(id, "Sent twice by a double click.");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal("remove", (await first.Content.ReadFromJsonAsync<JsonNode>())!["decision"]!.GetValue<string>());
        var forSender = await Host.Http.StatusAsync(id);
        Assert.Equal("removed", forSender["status"]!.GetValue<string>());
        Assert.Equal("A stranger's face, close up.", forSender["reason"]!.GetValue<string>());
        Assert.Null(forSender["text"]); // nothing of what was sent, even to its sender
        Assert.Equal("complete", forSender["erasure"]!.GetValue<string>()); // a curator's removal is done before it answers
        Assert.DoesNotContain(id, await Host.Curator.QueueJsonAsync("state=all"));

        var lines = (await AuditLinesAsync()).Where(l => l["submissionId"]!.GetValue<string>() == id).ToList();
        var line = Assert.Single(lines);
        Assert.Equal("remove", line["action"]!.GetValue<string>());
        Assert.Equal("A stranger's face, close up.", line["reason"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(line["curator"]!.GetValue<string>()));
        Assert.True(DateTimeOffset.UtcNow - line["at"]!.GetValue<DateTimeOffset>() < TimeSpan.FromMinutes(5));
        Assert.DoesNotContain("Removed while it waited", line.ToJsonString());
        Assert.DoesNotContain("Jo Removable", line.ToJsonString());
    }

    [Fact]
    public async Task Removing_an_entry_that_does_not_exist_is_a_404_problem()
    {
        using var removal = await Host.Curator.RemoveAsync("0123456789abcdef0123456789abcdef", "Not here.");

        Assert.Equal(HttpStatusCode.NotFound, removal.StatusCode);
        Assert.Equal("application/problem+json", removal.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Only_a_signed_in_curator_can_remove_and_only_with_a_reason()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Still waiting after all this"));
        await Host.Curator.WaitForQueueAsync(id);

        using var anonymous = await Host.Http.PostAsJsonAsync($"/api/curation/{id}/remove", new { reason = "I do not like it." });
        using var reasonless = await Host.Curator.RemoveAsync(id, " ");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reasonless.StatusCode);
        Assert.Equal("awaiting-curation", (await Host.Http.StatusAsync(id))["status"]!.GetValue<string>());
        Assert.Equal("Still waiting after all this", (await Host.Curator.WaitForQueueAsync(id))["caption"]!.GetValue<string>());
    }

    private async Task<List<JsonNode>> AuditLinesAsync()
    {
        var log = Host.Blobs.GetBlobContainerClient(StorageLayout.Curation).GetBlobClient(StorageLayout.AuditLog(DateOnly.FromDateTime(DateTime.UtcNow)));
        var text = (await log.DownloadContentAsync()).Value.Content.ToString();
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)];
    }
}
