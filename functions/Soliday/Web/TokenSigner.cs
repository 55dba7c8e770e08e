using System.Security.Cryptography;
using System.Text;

namespace Soliday.Web;

/// <summary>
/// HMAC-SHA256 with Soliday's signing key, one purpose per use ("form", "takedown", ...), so a
/// signature made for one use is worthless for another. The key is given, not read: it is a setting of
/// Submissions (Submissions:SigningKey), and Web knows no capability. The app gives a source read at
/// each use, so a key that is still an unresolved Key Vault reference at start signs nothing (the
/// source throws <see cref="NotReadyException"/>) and is used, once resolved, without a restart.
/// </summary>
public sealed class TokenSigner
{
    private readonly Func<byte[]> _key;

    /// <summary>A fixed key.</summary>
    public TokenSigner(byte[] key) => _key = () => key;

    /// <summary>A key read at each use.</summary>
    public TokenSigner(Func<byte[]> key) => _key = key;

    public byte[] Sign(string purpose, ReadOnlySpan<byte> payload)
    {
        var purposeBytes = Encoding.UTF8.GetBytes(purpose + "\n");
        var message = new byte[purposeBytes.Length + payload.Length];
        purposeBytes.CopyTo(message, 0);
        payload.CopyTo(message.AsSpan(purposeBytes.Length));
        return HMACSHA256.HashData(_key(), message);
    }

    public byte[] Sign(string purpose, string payload) => Sign(purpose, Encoding.UTF8.GetBytes(payload));

    public bool Verify(string purpose, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature) =>
        CryptographicOperations.FixedTimeEquals(Sign(purpose, payload), signature);
}
