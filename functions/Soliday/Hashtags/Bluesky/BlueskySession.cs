using Microsoft.Extensions.Logging;

namespace Soliday.Hashtags.Bluesky;

/// <summary>
/// The signed-in session the poller and the source check call Bluesky with, kept in memory (never
/// stored, never logged). Signs in on first use. A call whose token is refused as expired renews
/// the session and is made once more: first with the refresh token (<c>refreshSession</c>), and if
/// that too is refused, by signing in again (<c>createSession</c>). A refused sign-in throws
/// <see cref="BlueskySignInRefusedException"/>, which the poller records so that nothing retries it
/// in a loop. After a <c>429</c>, no call at all is made (poll or source check) until its reset.
/// </summary>
public sealed class BlueskySession(BlueskyClient client, TimeProvider clock, ILogger<BlueskySession> logger)
{
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private BlueskySessionBody? _current;

    /// <summary>UTC ticks of the last 429's reset; a long, so the poller and a source check running at once read it whole.</summary>
    private long _rateLimitedUntilTicks;

    /// <summary>Calls Bluesky with the session's access token, renewing the session once if the token is refused.</summary>
    public async Task<T> CallAsync<T>(Func<string, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var rateLimitedUntil = new DateTimeOffset(Interlocked.Read(ref _rateLimitedUntilTicks), TimeSpan.Zero);
        if (clock.GetUtcNow() < rateLimitedUntil)
        {
            throw new BlueskyRateLimitedException(rateLimitedUntil);
        }

        try
        {
            var session = _current ?? await RenewAsync(stale: null, cancellationToken);
            try
            {
                return await call(session.AccessJwt!, cancellationToken);
            }
            catch (BlueskyTokenRejectedException)
            {
                session = await RenewAsync(session, cancellationToken);
                return await call(session.AccessJwt!, cancellationToken);
            }
        }
        catch (BlueskyRateLimitedException e) when (e.RetryAt is { } retryAt)
        {
            Interlocked.Exchange(ref _rateLimitedUntilTicks, retryAt.UtcTicks);
            throw;
        }
    }

    /// <summary>A new session in place of <paramref name="stale"/>, unless another call renewed it already.</summary>
    private async Task<BlueskySessionBody> RenewAsync(BlueskySessionBody? stale, CancellationToken cancellationToken)
    {
        await _renewing.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } current && !ReferenceEquals(current, stale))
            {
                return current;
            }

            if (stale?.RefreshJwt is { } refreshJwt)
            {
                try
                {
                    _current = await client.RefreshSessionAsync(refreshJwt, cancellationToken);
                    logger.LogInformation("Bluesky session renewed");
                    return _current;
                }
                catch (BlueskyTokenRejectedException e)
                {
                    logger.LogInformation("Bluesky refused to renew the session ({Problem}); signing in again", e.Message);
                }
            }

            _current = null;
            _current = await client.CreateSessionAsync(cancellationToken);
            logger.LogInformation("Signed in to Bluesky");
            return _current;
        }
        finally
        {
            _renewing.Release();
        }
    }
}
