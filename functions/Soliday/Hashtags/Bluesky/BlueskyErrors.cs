namespace Soliday.Hashtags.Bluesky;

/// <summary>A Bluesky service answered something other than what its API promises, or could not answer now.</summary>
public class BlueskyServiceException(string message) : Exception(message);

/// <summary>
/// <c>429</c>: no request to the service until <see cref="RetryAt"/> (its <c>RateLimit-Reset</c>,
/// or <c>Retry-After</c>); null when it named no time.
/// </summary>
public sealed class BlueskyRateLimitedException(DateTimeOffset? retryAt)
    : BlueskyServiceException(retryAt is { } at ? $"Bluesky is rate limiting this account until {at:O}." : "Bluesky is rate limiting this account.")
{
    public DateTimeOffset? RetryAt { get; } = retryAt;
}

/// <summary>
/// <c>createSession</c> refused the handle and app password (<c>AuthenticationRequired</c>: wrong
/// password or handle; <c>AuthFactorTokenRequired</c>: the account's own password with two-factor
/// sign-in, not an app password; <c>AccountTakedown</c>…). Trying again changes nothing until
/// someone changes the settings, so it is not retried in a loop. The reason never holds the password.
/// </summary>
public sealed class BlueskySignInRefusedException(string reason) : BlueskyServiceException(reason);

/// <summary>The access (or refresh) token was refused as expired or invalid: the session is renewed, then the call made again.</summary>
public sealed class BlueskyTokenRejectedException(string error) : BlueskyServiceException($"Bluesky refused the session's token ({error}).");
