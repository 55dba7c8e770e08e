using System.Net;
using Azure.Storage.Blobs.Specialized;
using Soliday.Acceptance.Tests.Support;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Testing;
using Soliday.Timeline;

namespace Soliday.Acceptance.Tests.Curation;

/// <summary>
/// A change to a published entry that cannot reach the site. Its own host: the test holds a lease
/// on the day page, which would stop every other test's publishing too.
/// </summary>
public sealed class RepublishFailureTests
{
    [Fact]
    public async Task A_change_that_cannot_be_published_again_is_flagged_for_curators_until_it_is()
    {
        await using var host = await SolidayHost.StartAsync(new() { ["Soliday__Day"] = SharedHost.Day });
        var id = await host.Http.SubmitAsync(new SubmissionBuilder().WithoutPhoto().With("caption", "Before the change, at the Core")); // words: what the day page shows of it
        await host.Curator.WaitForQueueAsync(id);
        using var approval = await host.Curator.ApproveAsync(id);
        await host.Http.WaitForStatusAsync(id, "published");
        var dayPage = host.Blobs.GetBlobContainerClient(StorageLayout.Site).GetBlobClient(SitePaths.DayPage);
        var lease = dayPage.GetBlobLeaseClient();
        await lease.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration); // the day page cannot be written without the lease id

        try
        {
            using var edit = await host.Curator.EditAsync(id, new { text = "After the change, at the Core theatre" });

            Assert.Equal(HttpStatusCode.Accepted, edit.StatusCode);
            await SolidayApi.EventuallyAsync(async () => (await host.Curator.QueueIdsAsync($"state=published&flag={FlagCodes.NotRepublished}")).Contains(id), "the board flags the entry");
            Assert.Contains("Before the change, at the Core", await host.Http.DayPageAsync());
            Assert.Contains("could not be published", await host.Curator.CurationPageAsync($"state=published&flag={FlagCodes.NotRepublished}"));
        }
        finally
        {
            await lease.ReleaseAsync();
        }

        using var again = await host.Curator.EditAsync(id, new { text = "After the change, at the Core theatre" }); // saving again retries
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        await SolidayApi.EventuallyAsync(async () => (await host.Http.DayPageAsync()).Contains("After the change, at the Core theatre"), "the change reaches the site");
        await SolidayApi.EventuallyAsync(async () => !(await host.Curator.QueueIdsAsync($"state=published&flag={FlagCodes.NotRepublished}")).Contains(id), "the flag goes");
        Assert.Equal("published", (await host.Http.StatusAsync(id))["status"]!.GetValue<string>());
    }
}
