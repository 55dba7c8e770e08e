using System.Text.Json;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>
/// Reads what Azurite saved of a database, as its next start will: the last whole save (a LokiJS
/// database as JSON) with the changes appended since (functions/Soliday.Local/npm/save-changes-only.js).
/// Written apart from that file, so a test of it checks it against a second reading.
/// </summary>
public sealed class Lokijs
{
    /// <summary>A document: the collection that holds it, and its id there.</summary>
    public sealed record DocumentId(string Collection, long Id)
    {
        public override string ToString() => $"{Collection} #{Id}";
    }

    private readonly Dictionary<string, Dictionary<long, JsonElement>> _collections;

    private Lokijs(Dictionary<string, Dictionary<long, JsonElement>> collections) => _collections = collections;

    /// <summary>The whole save, with the appends that close with its name applied in order; a line cut short ends them.</summary>
    public static Lokijs Read(string save, string changes)
    {
        using var json = JsonDocument.Parse(save);
        var name = json.RootElement.TryGetProperty("solidaySave", out var saved) ? saved.GetString() : null;
        var collections = json.RootElement.GetProperty("collections").EnumerateArray().ToDictionary(
            collection => collection.GetProperty("name").GetString()!,
            collection => collection.GetProperty("data").EnumerateArray().ToDictionary(doc => doc.GetProperty("$loki").GetInt64(), doc => doc.Clone()));

        var pending = new List<JsonElement>();
        foreach (var line in changes.Split('\n').SkipLast(1))
        {
            JsonElement record;
            try
            {
                record = JsonSerializer.Deserialize<JsonElement>(line);
            }
            catch (JsonException)
            {
                break;
            }

            if (!record.TryGetProperty("closes", out var closes))
            {
                pending.Add(record);
                continue;
            }

            if (name is not null && closes.ValueKind == JsonValueKind.String && closes.GetString() == name)
            {
                pending.ForEach(change => Apply(collections, change));
            }

            pending.Clear();
        }

        return new Lokijs(collections);
    }

    /// <summary>The one document that <paramref name="matches"/>.</summary>
    public DocumentId Id(Func<JsonElement, bool> matches) =>
        _collections.SelectMany(collection => collection.Value.Where(doc => matches(doc.Value)).Select(doc => new DocumentId(collection.Key, doc.Key))).Single();

    public bool Holds(DocumentId id) => _collections.TryGetValue(id.Collection, out var docs) && docs.ContainsKey(id.Id);

    /// <summary>The line an append writes for a document that is gone.</summary>
    public static string Gone(DocumentId id) => JsonSerializer.Serialize(new { @in = id.Collection, gone = id.Id });

    private static void Apply(Dictionary<string, Dictionary<long, JsonElement>> collections, JsonElement change)
    {
        if (!collections.TryGetValue(change.GetProperty("in").GetString()!, out var docs))
        {
            return;
        }

        if (change.TryGetProperty("doc", out var doc))
        {
            docs[doc.GetProperty("$loki").GetInt64()] = doc;
        }
        else
        {
            docs.Remove(change.GetProperty("gone").GetInt64());
        }
    }
}
