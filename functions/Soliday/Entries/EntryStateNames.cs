using System.Text.Json;

namespace Soliday.Entries;

/// <summary>The wire names of entry states ("awaiting-curation"), the same in JSON and in custom status.</summary>
public static class EntryStateNames
{
    public static string ToWire(this EntryState state) => JsonNamingPolicy.KebabCaseLower.ConvertName(state.ToString());

    /// <summary>Taken down or removed: nothing of it may be published or stored again, whoever comes late.</summary>
    public static bool IsErased(this EntryState state) => state is EntryState.Withdrawn or EntryState.Removed;
}
