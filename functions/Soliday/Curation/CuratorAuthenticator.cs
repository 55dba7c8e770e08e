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
/// <item>The curator token as a bearer token (<c>Curation:LocalToken</c>), for API clients.</item>
/// <item>A curator session cookie, signed by us, given by the sign-in page to whoever had the token,
/// so the curation page works in a browser.</item>
/// </list>
/// With none of these there is no curator: no built-in password, no default account.
/// </summary>
public sealed class CuratorAuthenticator(IOptions<CurationOptions> options, TokenSigner signer, TimeProvider clock)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string SessionCookie = "soliday-curator";
    private const string Scheme = "Bearer ";
    private const string SessionPurpose = "curator-session";
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    public Curator? Authenticate(HttpRequest request)
    {
        var curation = options.Value;
        if (curation.TrustEasyAuth && request.Headers[PrincipalHeader].ToString() is { Length: > 0 } principal)
        {
            return FromPrincipal(principal, curation.CuratorRole); // a principal without the role is no curator, whatever else it sends
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        if (authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return IsCuratorToken(authorization[Scheme.Length..].Trim()) ? new Curator("local curator") : null;
        }

        return FromSession(request.Cookies[SessionCookie]);
    }

    /// <summary>True for the configured curator token, compared in constant time; never true when none is configured.</summary>
    public bool IsCuratorToken(string? presented)
    {
        var expected = options.Value.LocalToken;
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
        var value = $"{WebEncoders.Base64UrlEncode(body)}.{WebEncoders.Base64UrlEncode(signer.Sign(SessionPurpose, body))}";
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
            if (body.Length <= sizeof(long) || !signer.Verify(SessionPurpose, body, WebEncoders.Base64UrlDecode(parts[1])))
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
