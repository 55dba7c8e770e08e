using System.Net;
using System.Net.Http.Headers;
using Azure.Storage.Blobs.Models;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>
/// The process holds only so many posts at once, whatever addresses they come from: the rest wait a
/// while, then are turned away before their body is read, and nothing of them is kept.
/// </summary>
public sealed class UploadSlotTests
{
    [Fact]
    public async Task A_post_beyond_the_uploads_held_at_once_is_turned_away_then_taken_when_a_turn_is_free()
    {
        await using var host = await SolidayHost.StartAsync(new()
        {
            ["Submissions__MaxConcurrentUploads"] = "1",
            ["Submissions__UploadSlotWait"] = "00:00:01",
        });
        var slow = new HeldBackContent(new SubmissionBuilder().With("caption", "Sent on a slow connection").Build());
        var slowPost = host.Http.PostAsync("/api/submissions", slow);
        await slow.HalfSent.WaitAsync(TimeSpan.FromSeconds(30));
        await AttemptCountedAsync(host); // the host has its headers and has counted it: it takes its turn at once after

        using var meanwhile = await host.Http.PostAsync("/api/submissions", new SubmissionBuilder().With("caption", "Sent while the other was on its way").Build());
        slow.SendTheRest();
        using var slowAnswer = await slowPost;
        using var afterwards = await host.Http.PostAsync("/api/submissions", new SubmissionBuilder().With("caption", "Sent again a moment later").Build());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, meanwhile.StatusCode);
        Assert.Equal("busy", (await meanwhile.ProblemAsync())["code"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromSeconds(60), meanwhile.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Accepted, slowAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, afterwards.StatusCode);
        Assert.Equal(2, await host.Blobs.GetBlobContainerClient("entries").GetBlobsAsync().CountAsync(b => b.Name.Split('.').Length == 2)); // {id}.json, not its claims
    }

    /// <summary>
    /// Waits until storage holds the slow post's attempt: the host asks for its upload turn straight
    /// after that count, in the same process, so a post sent from here on arrives after the turn was
    /// taken. Half the body being sent is not enough: on a busy machine the count can still be on
    /// its way, and the second post could take the only turn first.
    /// </summary>
    private static async Task AttemptCountedAsync(SolidayHost host)
    {
        var limits = host.Blobs.GetBlobContainerClient("limits");
        using var waited = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await limits.GetBlobsAsync(BlobTraits.None, BlobStates.None, "submission-attempt/", waited.Token).AnyAsync(b => b.Properties.ContentLength >= 1, waited.Token))
        {
            await Task.Delay(20, waited.Token);
        }
    }

    /// <summary>A form body sent in two halves, the second only when the test says: a resident's slow upload.</summary>
    private sealed class HeldBackContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly TaskCompletionSource _halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _rest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldBackContent(HttpContent form)
        {
            _body = form.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            Headers.ContentType = MediaTypeHeaderValue.Parse(form.Headers.ContentType!.ToString());
        }

        public Task HalfSent => _halfSent.Task;

        public void SendTheRest() => _rest.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_body.AsMemory(0, _body.Length / 2));
            await stream.FlushAsync();
            _halfSent.TrySetResult();
            await _rest.Task;
            await stream.WriteAsync(_body.AsMemory(_body.Length / 2));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
