using System.Security.Cryptography;
using System.Text;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>
/// The entry id an <c>Idempotency-Key</c> from one address stands for, made with the host's signing
/// key as the host makes it: where a refused request's blobs would be, had it kept any.
/// </summary>
public static class IdempotencyKeys
{
    public static string SubmissionIdFor(this SolidayHost host, string idempotencyKey, string clientAddress = "127.0.0.1")
    {
        var message = Encoding.UTF8.GetBytes($"idempotency-key\n{clientAddress}\n{idempotencyKey}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(host.SigningKey), message).AsSpan(0, 16));
    }
}
