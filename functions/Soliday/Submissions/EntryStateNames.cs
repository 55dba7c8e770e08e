using System.Text.Json;

namespace Soliday.Submissions;

/// <summary>The wire names of entry states ("awaiting-curation"), the same in JSON and in custom status.</summary>
public static class EntryStateNames
{
    public static string ToWire(this EntryState state) => JsonNamingPolicy.KebabCaseLower.ConvertName(state.ToString());
}
