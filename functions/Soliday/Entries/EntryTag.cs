namespace Soliday.Entries;

/// <summary>A tag and where it came from: <c>hour:07</c>, <c>period:morning</c>, <c>#parkrun</c>, <c>place:Brueton Park</c>.</summary>
public sealed record EntryTag(string Kind, string Value)
{
    public const string Hashtag = "hashtag";

    /// <summary>How the tag is written and edited: <c>kind:value</c>, or <c>#value</c> for a hashtag.</summary>
    public override string ToString() => Kind == Hashtag ? $"#{Value}" : $"{Kind}:{Value}";

    /// <summary>Reads a tag as written; a bare word is a hashtag.</summary>
    public static EntryTag? Parse(string text)
    {
        text = text.Trim();
        if (text.Length is 0 or > 60)
        {
            return null;
        }

        if (text.StartsWith('#'))
        {
            return text.Length > 1 ? new EntryTag(Hashtag, text[1..]) : null;
        }

        var colon = text.IndexOf(':');
        return colon > 0 && colon < text.Length - 1
            ? new EntryTag(text[..colon].Trim().ToLowerInvariant(), text[(colon + 1)..].Trim())
            : new EntryTag(Hashtag, text);
    }
}
