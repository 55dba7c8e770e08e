using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>
/// A digest of everything a submission carries, its fields and its photos' bytes, kept with the entry.
/// A form token or <c>Idempotency-Key</c> sent again is the same entry only if this matches: a genuine
/// retry sends the same content, while someone reusing a key with other content is refused rather than
/// handed the entry (and its take-down link). Keyed with the signing key, so the stored digest cannot
/// confirm a guess at what someone sent.
/// </summary>
public sealed class SubmissionFingerprints(TokenSigner signer)
{
    public string Of(SubmissionDraft draft)
    {
        using var content = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var field in new[] { draft.Text, draft.Credit, draft.Licence.Id, draft.Source, draft.Place, draft.ContactEmail })
        {
            Append(content, field);
        }

        if (draft.GivenMomentAt is { } given)
        {
            // Only when given: the digests of entries stored before the field existed stay as they were.
            Append(content, given.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var photo in draft.Photos)
        {
            Append(content, photo.Alt);
            Append(content, photo.ContentType);
            Append(content, photo.Content.ToMemory().Span);
        }

        return Convert.ToHexStringLower(signer.Sign("submission-content", content.GetHashAndReset()));
    }

    private static void Append(IncrementalHash content, string? field)
    {
        if (field is null)
        {
            Append(content, [0xFF]); // absent differs from empty
            return;
        }

        Append(content, Encoding.UTF8.GetBytes(field));
    }

    /// <summary>Length first, so no two different sets of fields run together into the same bytes.</summary>
    private static void Append(IncrementalHash content, ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(length, bytes.Length);
        content.AppendData(length);
        content.AppendData(bytes);
    }
}
