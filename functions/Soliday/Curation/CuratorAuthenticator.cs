using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Soliday.Curation;

/// <summary>Who is deciding: recorded with every decision for the audit trail.</summary>
public sealed record Curator(string Name);

/// <summary>
/// Lets curators in by the bearer token from configuration (<c>Curation:LocalToken</c>). With no
/// token configured nobody gets in: there is no built-in password.
/// </summary>
public sealed class CuratorAuthenticator(IOptions<CurationOptions> options)
{
    private const string Scheme = "Bearer ";

    public Curator? Authenticate(HttpRequest request)
    {
        var expected = options.Value.LocalToken;
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (string.IsNullOrEmpty(expected) || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Compared in constant time, so response timing reveals nothing about the token.
        var presented = Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(expected))
            ? new Curator("local curator")
            : null;
    }
}
