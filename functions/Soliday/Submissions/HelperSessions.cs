using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>Who is helping a resident send: a volunteer with a helper code, or a signed-in curator.</summary>
public sealed record Helper(string Name, bool IsCurator);

/// <summary>
/// Volunteer mode on the form: who may start it (a helper code from <see cref="SubmissionOptions.HelperCodes"/>,
/// or a signed-in curator), and the short-lived cookie, signed by us, that keeps it in one browser.
/// The cookie names the helper, never their code; it is checked again at each use, so taking a code off
/// the list (or a curator signing out or being taken off theirs) ends that helper's mode at once.
/// </summary>
public sealed class HelperSessions(IOptions<SubmissionOptions> options, TokenSigner signer, ISignedInCurators curators, TimeProvider clock)
{
    public const string CookieName = "soliday-helper";

    /// <summary>The residents' pages live under <c>/api</c>; the cookie goes nowhere else.</summary>
    private const string CookiePath = "/api";

    private const string SessionPurpose = "helper-session";
    private const string CodeFingerprintPurpose = "helper-code-fingerprint";
    private const byte ByCode = 0;
    private const byte ByCurator = 1;

    /// <summary>
    /// The volunteer whose code this is, by their configured name; null for anything else. Compared in
    /// constant time with every volunteer's code, without stopping at a match, so the time taken does
    /// not tell whose code came close.
    /// </summary>
    public Helper? HelperWithCode(string? presented)
    {
        if (string.IsNullOrWhiteSpace(presented))
        {
            return null;
        }

        var presentedBytes = Encoding.UTF8.GetBytes(presented.Trim());
        Helper? found = null;
        foreach (var holder in options.Value.CodeHolders())
        {
            if (CryptographicOperations.FixedTimeEquals(presentedBytes, Encoding.UTF8.GetBytes(holder.Code)))
            {
                found ??= new Helper(holder.Name, IsCurator: false);
            }
        }

        return found;
    }

    /// <summary>The curator signed in on this browser, as a helper who needs no code; or null.</summary>
    public Helper? SignedInCurator(HttpRequest request) => curators.NameOf(request) is { } name ? new Helper(name, IsCurator: true) : null;

    /// <summary>A signed cookie for <paramref name="helper"/> (one found by <see cref="HelperWithCode"/> or <see cref="SignedInCurator"/>).</summary>
    public (string Value, CookieOptions Options) NewSession(HttpRequest request, Helper helper)
    {
        var expires = clock.GetUtcNow() + options.Value.HelperSessionLifetime;
        var body = Body(expires, helper);
        var value = $"{WebEncoders.Base64UrlEncode(body)}.{WebEncoders.Base64UrlEncode(signer.Sign(SessionPurpose, Bound(body, helper)))}";
        return (value, new CookieOptions
        {
            HttpOnly = true,
            Secure = SecureCookies.Required(request),
            SameSite = SameSiteMode.Strict,
            Path = CookiePath,
            Expires = expires,
            IsEssential = true,
        });
    }

    /// <summary>Ends volunteer mode in this browser.</summary>
    public static void End(HttpResponse response) => response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });

    /// <summary>
    /// The helper this browser's cookie names, while it is genuine and not expired and they may still
    /// help: a volunteer whose code is still on the list unchanged, or a curator still signed in here.
    /// </summary>
    public Helper? Current(HttpRequest request)
    {
        var parts = request.Cookies[CookieName]?.Split('.');
        if (parts is not { Length: 2 })
        {
            return null;
        }

        try
        {
            var body = WebEncoders.Base64UrlDecode(parts[0]);
            if (body.Length <= sizeof(long) + 1 || DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(body)) <= clock.GetUtcNow())
            {
                return null;
            }

            var name = Encoding.UTF8.GetString(body.AsSpan(sizeof(long) + 1));
            var helper = body[sizeof(long)] switch
            {
                ByCode => options.Value.CodeHolders().Where(h => string.Equals(h.Name, name, StringComparison.Ordinal)).Select(h => new Helper(h.Name, false)).FirstOrDefault(),
                ByCurator => SignedInCurator(request) is { } curator && string.Equals(curator.Name, name, StringComparison.Ordinal) ? curator : null,
                _ => null,
            };
            return helper is not null && signer.Verify(SessionPurpose, Bound(body, helper), WebEncoders.Base64UrlDecode(parts[1])) ? helper : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] Body(DateTimeOffset expires, Helper helper)
    {
        var body = new byte[sizeof(long) + 1];
        BinaryPrimitives.WriteInt64BigEndian(body, expires.ToUnixTimeSeconds());
        body[sizeof(long)] = helper.IsCurator ? ByCurator : ByCode;
        return [.. body, .. Encoding.UTF8.GetBytes(helper.Name)];
    }

    /// <summary>
    /// What the signature covers: the body, and for a volunteer a keyed fingerprint of their code today,
    /// so a cookie made before their code changed fails to verify. The fingerprint, not the code, so the
    /// code never sits in a cookie. A curator's is bound to their being signed in, checked at each use.
    /// </summary>
    private byte[] Bound(byte[] body, Helper helper) => helper.IsCurator
        ? body
        : [.. body, .. signer.Sign(CodeFingerprintPurpose, CodeOf(helper.Name))];

    private string CodeOf(string name) =>
        options.Value.CodeHolders().First(h => string.Equals(h.Name, name, StringComparison.Ordinal)).Code;
}
