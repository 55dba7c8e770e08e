using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Soliday.Submissions;

namespace Soliday.Web;

/// <summary>
/// HMAC-SHA256 with Soliday's signing key, one purpose per use ("form", "takedown", ...), so a
/// signature made for one use is worthless for another.
/// </summary>
public sealed class TokenSigner(IOptions<SubmissionOptions> options)
{
    private readonly byte[] _key = options.Value.SigningKeyBytes();

    public byte[] Sign(string purpose, ReadOnlySpan<byte> payload)
    {
        var purposeBytes = Encoding.UTF8.GetBytes(purpose + "\n");
        var message = new byte[purposeBytes.Length + payload.Length];
        purposeBytes.CopyTo(message, 0);
        payload.CopyTo(message.AsSpan(purposeBytes.Length));
        return HMACSHA256.HashData(_key, message);
    }

    public byte[] Sign(string purpose, string payload) => Sign(purpose, Encoding.UTF8.GetBytes(payload));

    public bool Verify(string purpose, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature) =>
        CryptographicOperations.FixedTimeEquals(Sign(purpose, payload), signature);
}
