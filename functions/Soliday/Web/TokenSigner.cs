using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Soliday.Submissions;

namespace Soliday.Web;

/// <summary>
/// HMAC-SHA256 with Soliday's signing key, one purpose per use ("form", "takedown", ...), so a
/// signature made for one use is worthless for another. The key is read at each use, not at
/// construction: while <c>Submissions:SigningKey</c> is still an unresolved Key Vault reference
/// (public text, so anyone could sign with it) nothing is signed or verified (503 <c>starting</c>),
/// and once it is resolved it is used without a restart.
/// </summary>
public sealed class TokenSigner(IOptions<SubmissionOptions> options)
{
    private byte[] Key => KeyVaultReferences.IsUnresolved(options.Value.SigningKey)
        ? throw NotReadyException.Unresolved($"{SubmissionOptions.Section}:{nameof(SubmissionOptions.SigningKey)}")
        : options.Value.SigningKeyBytes();

    public byte[] Sign(string purpose, ReadOnlySpan<byte> payload)
    {
        var purposeBytes = Encoding.UTF8.GetBytes(purpose + "\n");
        var message = new byte[purposeBytes.Length + payload.Length];
        purposeBytes.CopyTo(message, 0);
        payload.CopyTo(message.AsSpan(purposeBytes.Length));
        return HMACSHA256.HashData(Key, message);
    }

    public byte[] Sign(string purpose, string payload) => Sign(purpose, Encoding.UTF8.GetBytes(payload));

    public bool Verify(string purpose, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature) =>
        CryptographicOperations.FixedTimeEquals(Sign(purpose, payload), signature);
}
