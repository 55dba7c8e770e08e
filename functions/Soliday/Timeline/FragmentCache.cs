using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Soliday.Storage;

namespace Soliday.Timeline;

/// <summary>
/// Rendered pieces of entries (an hour page's cards), kept in this process by the entry's exact
/// content: an hour page is written whole at every publish into its hour, and all its entries but
/// one are the same as last time, so only that one is rendered again. The key is a hash of the
/// entry's JSON, so any change to it (an edit, featuring) renders afresh; nothing is ever stale.
/// A cold process (a new Functions instance) renders everything once. Bounded: past
/// <see cref="Capacity"/> pieces it starts again empty, which costs one cold render, not memory.
/// </summary>
public sealed class FragmentCache
{
    private const int Capacity = 50_000;

    private readonly ConcurrentDictionary<(string Kind, string Id, string Content), string> _pieces = new();

    public async Task<string> GetAsync(string kind, TimelineEntry entry, Func<Task<string>> render)
    {
        var key = (kind, entry.Id, Fingerprint(entry));
        if (_pieces.TryGetValue(key, out var piece))
        {
            return piece;
        }

        piece = await render();
        if (_pieces.Count >= Capacity)
        {
            _pieces.Clear();
        }

        _pieces[key] = piece;
        return piece;
    }

    private static string Fingerprint(TimelineEntry entry) =>
        Convert.ToBase64String(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(entry, SolidayJson.Options)));
}
