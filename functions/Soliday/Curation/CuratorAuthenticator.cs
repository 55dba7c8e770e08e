using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>Who is deciding: recorded with every decision in the audit log.</summary>
public sealed record Curator(string Name);

/// <summary>
/// Finds the curator behind a request, in this order:
/// <list type="number">
/// <item>In Azure, the App Service Authentication principal (<c>X-MS-CLIENT-PRINCIPAL</c>) with the
/// curator role, believed only when configuration says Easy Auth stands in front: anyone can send
/// that header to an app it does not protect.</item>
/// <item>The curator token as a bearer token (<c>Curation:LocalToken</c>), for API clients; judged
/// only while the sender's address has not sent too many wrong ones (<see cref="CuratorTokenThrottle"/>).</item>
/// <item>A curator session cookie, signed by us, given by the sign-in page to whoever had the token,
/// so the curation page works in a browser. It is bound to the token it was given for: when the
/// token changes (a leak, a curator who left), every session ends with it.</item>
/// </list>
/// With none of these there is no curator: no built-in password, no default account.
/// </summary>
public sealed class CuratorAuthenticator(IOptions<CurationOptions> options, TokenSigner signer, CuratorTokenThrottle throttle, TimeProvider clock)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string SessionCookie = "soliday-curator";
    private const string Scheme = "Bearer ";
    private const string SessionPurpose = "curator-session";
    private const string TokenFingerprintPurpose = "curator-token-fingerprint";
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    /// <summary>
    /// The curator, or null. A request refused because its address sent too many wrong tokens carries
    /// <see cref="CuratorTokenThrottled"/>, so <see cref="CuratorsOnly"/> answers it with <c>429</c>.
    /// </summary>
    public async Task<Curator?> AuthenticateAsync(HttpRequest request)
    {
        var (curator, byBearerToken) = Identify(request);
        if (!byBearerToken)
        {
            return curator; // a principal or a signed session: nothing a sender could guess
        }

        var allowance = await throttle.AllowAsync(request, rightToken: curator is not null);
        if (!allowance.Allowed)
        {
            request.HttpContext.Features.Set(new CuratorTokenThrottled(allowance));
            return null;
        }

        return curator;
    }

    /// <summary>Who the request says it is, and whether it said so with a bearer token (the one credential a sender can guess at).</summary>
    internal (Curator? Curator, bool ByBearerToken) Identify(HttpRequest request)
    {
        var curation = options.Value;
        if (curation.TrustEasyAuth && request.Headers[PrincipalHeader].ToString() is { Length: > 0 } principal)
        {
            return (FromPrincipal(principal, curation.CuratorRole), false); // a principal without the role is no curator, whatever else it sends
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        if (authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return (IsCuratorToken(authorization[Scheme.Length..].Trim()) ? new Curator("local curator") : null, true);
        }

        return (FromSession(request.Cookies[SessionCookie]), false);
    }

    /// <summary>True for the configured curator token, compared in constant time; never true when none is configured.</summary>
    public bool IsCuratorToken(string? presented)
    {
        var expected = ConfiguredToken;
        return !string.IsNullOrEmpty(expected) && presented is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
    }

    /// <summary>A signed session for <paramref name="name"/>: the curator's own name, recorded with their decisions.</summary>
    public (string Value, CookieOptions Options) NewSession(HttpRequest request, string name)
    {
        var expires = clock.GetUtcNow() + SessionLifetime;
        var payload = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(payload, expires.ToUnixTimeSeconds());
        byte[] body = [.. payload, .. Encoding.UTF8.GetBytes(name)];
        var value = $"{WebEncoders.Base64UrlEncode(body)}.{WebEncoders.Base64UrlEncode(signer.Sign(SessionPurpose, BoundToToken(body)))}";
        return (value, new CookieOptions { HttpOnly = true, Secure = SecureCookies.Required(request), SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict, Path = "/api", Expires = expires, IsEssential = true });
    }

    private Curator? FromSession(string? cookie)
    {
        var parts = cookie?.Split('.');
        if (parts is not { Length: 2 } || string.IsNullOrEmpty(ConfiguredToken))
        {
            return null;
        }

        try
        {
            var body = WebEncoders.Base64UrlDecode(parts[0]);
            if (body.Length <= sizeof(long) || !signer.Verify(SessionPurpose, BoundToToken(body), WebEncoders.Base64UrlDecode(parts[1])))
            {
                return null;
            }

            var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(body));
            return clock.GetUtcNow() < expires ? new Curator(Encoding.UTF8.GetString(body.AsSpan(sizeof(long)))) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The session's body with a keyed fingerprint of today's curator token: what the session's
    /// signature covers, so a session signed for another token fails to verify. The fingerprint, not
    /// the token, so the token never sits in a cookie.
    /// </summary>
    private byte[] BoundToToken(byte[] body) => [.. body, .. signer.Sign(TokenFingerprintPurpose, ConfiguredToken ?? "")];

    /// <summary>
    /// The curator token, read at each use so a token resolved after start is used without a
    /// restart. Still an unresolved Key Vault reference, it is public text: nobody signs in with it (503 <c>starting</c>).
    /// </summary>
    private string? ConfiguredToken => KeyVaultReferences.IsUnresolved(options.Value.LocalToken)
        ? throw NotReadyException.Unresolved($"{CurationOptions.Section}:{nameof(CurationOptions.LocalToken)}")
        : options.Value.LocalToken;

    /// <summary>Reads Easy Auth's principal (base64 JSON: claims, and which claim types carry the name and the roles).</summary>
    private static Curator? FromPrincipal(string header, string role)
    {
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(header));
            var root = json.RootElement;
            var nameType = root.TryGetProperty("name_typ", out var n) ? n.GetString() : null;
            var roleType = root.TryGetProperty("role_typ", out var r) ? r.GetString() : null;
            var claims = root.GetProperty("claims").EnumerateArray()
                .Select(c => (Type: c.GetProperty("typ").GetString(), Value: c.GetProperty("val").GetString()))
                .ToList();

            var hasRole = claims.Any(c => (c.Type == roleType || c.Type == "roles") && string.Equals(c.Value, role, StringComparison.OrdinalIgnoreCase));
            var name = claims.FirstOrDefault(c => c.Type == nameType).Value
                ?? claims.FirstOrDefault(c => c.Type is "name" or "preferred_username").Value;
            return hasRole && !string.IsNullOrEmpty(name) ? new Curator(name) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
