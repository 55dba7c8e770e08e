using Microsoft.Extensions.Options;

namespace Soliday.Submissions;

/// <summary>
/// Bounds how many posts this process reads and holds at once (<see cref="SubmissionOptions.MaxConcurrentUploads"/>).
/// A post is held in memory from its body to its storage, up to the whole upload limit, and the
/// rate limits are per address: without this, many addresses sending their largest photo at once
/// would together take as much memory as they liked. A post waits for a turn for a while
/// (<see cref="SubmissionOptions.UploadSlotWait"/>), so a busy minute slows residents down rather
/// than refusing them; only past that wait is it turned away, before its body is read.
/// </summary>
public sealed class UploadSlots(IOptions<SubmissionOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentUploads);

    /// <summary>A turn, to dispose when the post is stored or refused; null when none came free in time.</summary>
    public async Task<IDisposable?> TryEnterAsync(CancellationToken cancellationToken) =>
        await _slots.WaitAsync(options.Value.UploadSlotWait, cancellationToken) ? new Turn(_slots) : null;

    public void Dispose() => _slots.Dispose();

    private sealed class Turn(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
