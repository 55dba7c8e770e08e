using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Soliday.Web;

namespace Soliday.Hashtags;

/// <summary>A verified signature: when it was made, and the signature itself (hex), to refuse it a second time.</summary>
public sealed record WebhookSignature(DateTimeOffset SignedAt, string Hex);

/// <summary>The signature check's outcome: the signature, or why the request is refused.</summary>
public sealed record WebhookSignatureCheck(WebhookSignature? Signature, string? Problem);

/// <summary>
/// The webhook's signature: <c>X-Soliday-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 with
/// <see cref="HashtagOptions.WebhookSecret"/> of <c>"{X-Soliday-Timestamp}.{body}"</c>, the
/// timestamp in Unix seconds within <see cref="Window"/> of now (either way: a sender's clock may
/// run ahead). The body is signed as the bytes sent, before any parsing.
/// </summary>
public sealed class WebhookSignatures(IOptions<HashtagOptions> options)
{
    public const string TimestampHeader = "X-Soliday-Timestamp";
    public const string SignatureHeader = "X-Soliday-Signature";
    private const string Prefix = "sha256=";

    /// <summary>The replay window: a signed request older (or newer) than this is refused.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public WebhookSignatureCheck Check(string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (KeyVaultReferences.IsUnresolved(options.Value.WebhookSecret))
        {
            // Its reference text is public: checking signatures against it would let anyone post.
            throw NotReadyException.Unresolved($"{HashtagOptions.Section}:{nameof(HashtagOptions.WebhookSecret)}");
        }

        if (options.Value.WebhookSecret is not { Length: > 0 } secret)
        {
            return Refused("The webhook is not enabled on this server.");
        }

        if (timestamp is not { Length: > 0 and <= 12 } || !timestamp.All(char.IsAsciiDigit)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return Refused($"Send the time of signing as Unix seconds in {TimestampHeader}.");
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((now - signedAt).Duration() > Window)
        {
            return Refused($"The signature was made at {signedAt:O}: more than {Window.TotalMinutes} minutes from now. Sign each request when you send it.");
        }

        byte[] presented;
        try
        {
            presented = signature is { Length: > 7 } && signature.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
                ? Convert.FromHexString(signature.AsSpan(Prefix.Length))
                : [];
        }
        catch (FormatException)
        {
            presented = [];
        }

        var expected = Sign(secret, timestamp, body);
        return presented.Length == expected.Length && CryptographicOperations.FixedTimeEquals(presented, expected)
            ? new WebhookSignatureCheck(new WebhookSignature(signedAt, Convert.ToHexStringLower(expected)), null)
            : Refused($"{SignatureHeader} is missing or wrong: send sha256=<hex HMAC-SHA256 of \"{{timestamp}}.{{body}}\" with the shared secret>.");
    }

    /// <summary>The HMAC a sender computes: over the timestamp exactly as sent, a dot, and the body's bytes.</summary>
    public static byte[] Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + 1 + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, signed);
        signed[written] = (byte)'.';
        body.CopyTo(signed.AsSpan(written + 1));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }

    private static WebhookSignatureCheck Refused(string problem) => new(null, problem);
}
