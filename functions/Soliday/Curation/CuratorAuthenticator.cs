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
/// <item>A curator's own token as a bearer token (<see cref="CurationOptions.Curators"/>, or
/// <c>Curation:LocalToken</c>), for API clients; it names the curator it belongs to. Judged only while
/// the sender's address has not sent too many wrong ones (<see cref="CuratorTokenThrottle"/>).</item>
/// <item>A curator session cookie, signed by us, given by the sign-in page to whoever had a curator's
/// token, so the curation page works in a browser. It is bound to that curator's token: when it
/// changes (a leak), or the curator is taken off the list, their sessions end, and nobody else's.</item>
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
            return (CuratorWithToken(authorization[Scheme.Length..].Trim()), true);
        }

        return (FromSession(request.Cookies[SessionCookie]), false);
    }

    /// <summary>
    /// The curator whose token this is, by their configured name; null for anything else, and always
    /// when no curator is configured. Compared in constant time with every curator's token, without
    /// stopping at a match, so the time taken does not tell whose token came close.
    /// </summary>
    public Curator? CuratorWithToken(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        var presentedBytes = Encoding.UTF8.GetBytes(presented);
        Curator? found = null;
        foreach (var holder in options.Value.TokenHolders())
        {
            if (CryptographicOperations.FixedTimeEquals(presentedBytes, Encoding.UTF8.GetBytes(holder.Token)))
            {
                found ??= new Curator(holder.Name);
            }
        }

        return found;
    }

    /// <summary>A signed session for <paramref name="curator"/> (one <see cref="CuratorWithToken"/> found), bound to their token.</summary>
    public (string Value, CookieOptions Options) NewSession(HttpRequest request, Curator curator)
    {
        var holder = HolderNamed(curator.Name) ?? throw new ArgumentException("A session is only for a curator with a token.", nameof(curator));
        var expires = clock.GetUtcNow() + SessionLifetime;
        var payload = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(payload, expires.ToUnixTimeSeconds());
        byte[] body = [.. payload, .. Encoding.UTF8.GetBytes(holder.Name)];
        var value = $"{WebEncoders.Base64UrlEncode(body)}.{WebEncoders.Base64UrlEncode(signer.Sign(SessionPurpose, BoundToToken(body, holder.Token)))}";
        return (value, new CookieOptions { HttpOnly = true, Secure = SecureCookies.Required(request), SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict, Path = "/api", Expires = expires, IsEssential = true });
    }

    private Curator? FromSession(string? cookie)
    {
        var parts = cookie?.Split('.');
        if (parts is not { Length: 2 })
        {
            return null;
        }

        try
        {
            var body = WebEncoders.Base64UrlDecode(parts[0]);
            if (body.Length <= sizeof(long) || HolderNamed(Encoding.UTF8.GetString(body.AsSpan(sizeof(long)))) is not { } holder
                || !signer.Verify(SessionPurpose, BoundToToken(body, holder.Token), WebEncoders.Base64UrlDecode(parts[1])))
            {
                return null; // tampered with, or for a curator no longer on the list, or whose token has changed
            }

            var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(body));
            return clock.GetUtcNow() < expires ? new Curator(holder.Name) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private NamedCurator? HolderNamed(string name) =>
        options.Value.TokenHolders().FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// The session's body with a keyed fingerprint of the curator's token today: what the session's
    /// signature covers, so a session signed for another token fails to verify. The fingerprint, not
    /// the token, so the token never sits in a cookie.
    /// </summary>
    private byte[] BoundToToken(byte[] body, string token) => [.. body, .. signer.Sign(TokenFingerprintPurpose, token)];

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
