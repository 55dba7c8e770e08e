using System.Security.Cryptography;
using System.Text;

namespace Soliday.Web;

/// <summary>
/// HMAC-SHA256 with Soliday's signing key, one purpose per use ("form", "takedown", ...), so a
/// signature made for one use is worthless for another. The key is given, not read: it is a setting of
/// Submissions (Submissions:SigningKey), and Web knows no capability.
/// </summary>
public sealed class TokenSigner(byte[] key)
{
    private readonly byte[] _key = key;

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
