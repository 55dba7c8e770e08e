using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>
/// Signed, expiring take-down links. Whoever holds the link for an entry may remove it: it is
/// given only to the person who sent the entry, on the page they see right after sending.
/// </summary>
public sealed class TakedownLinks(TokenSigner signer, IOptions<SubmissionOptions> options, TimeProvider clock)
{
    private const string Purpose = "takedown";

    public string Issue(string submissionId)
    {
        var expires = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(expires, (clock.GetUtcNow() + options.Value.TakedownLinkLifetime).ToUnixTimeSeconds());
        return WebEncoders.Base64UrlEncode([.. expires, .. signer.Sign(Purpose, Payload(submissionId, expires))]);
    }

    /// <summary>True only for a link made by this deployment, for this entry, not yet expired.</summary>
    public bool IsValid(string submissionId, string? token)
    {
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(token ?? "");
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length != sizeof(long) + 32)
        {
            return false;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes));
        return signer.Verify(Purpose, Payload(submissionId, bytes.AsSpan(0, sizeof(long))), bytes.AsSpan(sizeof(long)))
            && clock.GetUtcNow() < expires;
    }

    private static byte[] Payload(string submissionId, ReadOnlySpan<byte> expires) =>
        [.. System.Text.Encoding.ASCII.GetBytes(submissionId), .. expires];
}
