namespace Soliday.Entries;

/// <summary>
/// The short reference a resident is shown and may quote ("3F2A-91C0"): the last eight hex digits
/// of the entry's id, in two groups of four. The last digits, not the first: the first of a version 7
/// id are its arrival time, shared by every entry sent in the same minute, while the last are random
/// in every kind of id Soliday makes. Hex digits only, so nothing reads as another (no O for 0, no I for 1).
/// Eight digits tell about four billion apart: two entries of one day may share a reference only by
/// rare chance, and the curation card shows it beside the rest, so a curator tells them apart.
/// </summary>
public static class EntryReference
{
    /// <summary>How many of the id's digits a reference shows.</summary>
    public const int Digits = 8;

    public static string Of(string id)
    {
        var tail = id.Length >= Digits ? id[^Digits..] : id;
        var upper = tail.ToUpperInvariant();
        return upper.Length == Digits ? $"{upper[..4]}-{upper[4..]}" : upper;
    }
}
