using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Soliday.Submissions;

/// <summary>One <c>photo</c> part as it came: its bytes, none for a file field left empty.</summary>
public sealed record PostedPhoto(ReadOnlyMemory<byte> Content)
{
    public bool IsEmpty => Content.IsEmpty;
}

/// <summary>
/// A posted form with its <c>photo</c> parts in the order they came, empty ones included. The n-th
/// <c>alt</c> describes the n-th <c>photo</c>; a form without script sends four file fields, so an
/// empty one must keep its place, which <see cref="HttpRequest.ReadFormAsync(CancellationToken)"/>
/// loses (it files an empty file field among the text fields).
/// </summary>
/// <param name="ExtraPhotos">Photos past the most one entry takes: counted, never kept in memory.</param>
public sealed record PostedForm(IReadOnlyList<PostedPhoto> Photos, IReadOnlyDictionary<string, StringValues> Values, int ExtraPhotos)
{
    /// <summary>More parts than any form of ours sends (about 20): a flood of tiny fields is refused, not read.</summary>
    private const int MaxParts = 100;

    /// <summary>Longer than any field may be (2,000 characters): a longer value is cut here and refused by its length check, in words.</summary>
    private const int MaxValueChars = 8_000;

    /// <summary>RFC 2046's longest boundary.</summary>
    private const int MaxBoundaryLength = 70;

    /// <summary>The places (from 1) whose photo was kept from the last try and is no longer kept: asked for again, in words.</summary>
    public IReadOnlySet<int> LostKept { get; init; } = new HashSet<int>();

    public string Value(string name) => Values.TryGetValue(name, out var value) ? value.ToString() : "";

    public StringValues All(string name) => Values.TryGetValue(name, out var value) ? value : StringValues.Empty;

    /// <summary>
    /// Reads the whole body. Throws <see cref="InvalidDataException"/> or <see cref="IOException"/>
    /// for broken framing, like the framework's reader.
    /// </summary>
    public static async Task<PostedForm> ReadAsync(HttpRequest request, int maxPhotos, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            // A URL-encoded form carries words only: no photo can come with it.
            var words = await request.ReadFormAsync(cancellationToken);
            return new([], words.ToDictionary(field => field.Key, field => field.Value, StringComparer.Ordinal), 0);
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > MaxBoundaryLength)
        {
            throw new InvalidDataException("The multipart boundary is missing or too long.");
        }

        var reader = new MultipartReader(boundary, request.Body);
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        var photos = new List<PostedPhoto>();
        var kept = 0;
        var extra = 0;
        var parts = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (++parts > MaxParts)
            {
                throw new InvalidDataException("Too many parts.");
            }

            var name = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                ? HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? ""
                : "";
            if (name == SubmissionFormFields.Photo)
            {
                if (kept == maxPhotos)
                {
                    // Told apart from an empty field only by reading it, which costs no memory.
                    extra += await DrainAsync(section.Body, cancellationToken) > 0 ? 1 : 0;
                    continue;
                }

                var photo = new PostedPhoto(await ReadBytesAsync(section.Body, cancellationToken));
                kept += photo.IsEmpty ? 0 : 1;
                photos.Add(photo);
            }
            else if (name.Length > 0)
            {
                values[name] = StringValues.Concat(values.TryGetValue(name, out var earlier) ? earlier : StringValues.Empty, await ReadTextAsync(section.Body, cancellationToken));
            }
        }

        return new(photos, values, extra);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBytesAsync(Stream body, CancellationToken cancellationToken)
    {
        // The whole body is bounded by the request limit already (LengthLimitedStream). The
        // buffer itself is handed on, not copied: a photo is held once while it is checked and stored.
        var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a part to its end, keeping nothing: how many bytes it had.</summary>
    private static async Task<long> DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static async Task<string> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var chars = new char[MaxValueChars + 1];
        var read = await text.ReadBlockAsync(chars.AsMemory(), cancellationToken);
        await DrainAsync(body, cancellationToken);
        return new string(chars, 0, read);
    }
}
