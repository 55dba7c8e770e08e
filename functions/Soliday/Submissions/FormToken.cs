using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>
/// The token every form page carries. It is the form's antiforgery token (signed, and bound to a
/// same-site cookie, so another site cannot post the form on a visitor's behalf) and its
/// idempotency key (a double-click, or a retry after a lost answer, sends the same token and gets
/// the same submission id).
/// </summary>
public sealed class FormTokens(TokenSigner signer, IOptions<SubmissionOptions> options, TimeProvider clock)
{
    public const string CookieName = "soliday-form";
    private const string Purpose = "form";
    private const int NonceBytes = 16;

    /// <summary>A token for a new form page, and the cookie value it is bound to (new if the browser has none).</summary>
    public (string Token, string Cookie) Issue(string? cookie)
    {
        cookie = IsCookieValue(cookie) ? cookie! : WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        var payload = new byte[NonceBytes + sizeof(long)];
        RandomNumberGenerator.Fill(payload.AsSpan(0, NonceBytes));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(NonceBytes), clock.GetUtcNow().ToUnixTimeSeconds());
        var signature = signer.Sign(Purpose, Bound(payload, cookie));
        return (WebEncoders.Base64UrlEncode([.. payload, .. signature]), cookie);
    }

    /// <summary>The token's nonce if it is genuine, recent and bound to <paramref name="cookie"/>; else null.</summary>
    public byte[]? Validate(string? token, string? cookie)
    {
        if (string.IsNullOrEmpty(token) || !IsCookieValue(cookie))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length != NonceBytes + sizeof(long) + 32)
        {
            return null;
        }

        var payload = bytes.AsSpan(0, NonceBytes + sizeof(long));
        var issued = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload[NonceBytes..]));
        var age = clock.GetUtcNow() - issued;
        return signer.Verify(Purpose, Bound(payload, cookie!), bytes.AsSpan(payload.Length)) && age >= -TimeSpan.FromMinutes(5) && age <= options.Value.FormTokenLifetime
            ? payload[..NonceBytes].ToArray()
            : null;
    }

    /// <summary>The submission id a form token stands for: the same token, the same entry.</summary>
    public string SubmissionIdFor(byte[] nonce) => Convert.ToHexStringLower(signer.Sign("submission-id", nonce).AsSpan(0, 16));

    /// <summary>
    /// The submission id an API client's <c>Idempotency-Key</c> stands for, from that client only:
    /// the same key from another address is another entry, so a key that leaks gives nothing away.
    /// </summary>
    public string SubmissionIdFor(string idempotencyKey, string clientAddress) =>
        Convert.ToHexStringLower(signer.Sign("idempotency-key", $"{clientAddress}\n{idempotencyKey}").AsSpan(0, 16));

    public static CookieOptions CookieOptions(HttpRequest request) => new()
    {
        HttpOnly = true,
        Secure = SecureCookies.Required(request),
        SameSite = SameSiteMode.Strict, // never sent with a post from another site: the point of it
        Path = "/",
        IsEssential = true,
        MaxAge = TimeSpan.FromDays(30),
    };

    private static byte[] Bound(ReadOnlySpan<byte> payload, string cookie) => [.. payload, .. System.Text.Encoding.ASCII.GetBytes(cookie)];

    private static bool IsCookieValue(string? cookie) => cookie is { Length: > 0 and <= 64 } && cookie.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
