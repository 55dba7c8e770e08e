namespace Soliday.Submissions;

/// <summary>An open licence a resident can choose, named by its SPDX identifier, with what it means in plain words.</summary>
public sealed record Licence(string Id, string Name, Uri Uri, string PlainWords);

public static class Licences
{
    public static readonly Licence CcBy = new("CC-BY-4.0", "CC BY 4.0", new("https://creativecommons.org/licenses/by/4.0/"),
        "anyone may reuse it if they name you (recommended)");

    public static readonly Licence CcBySa = new("CC-BY-SA-4.0", "CC BY-SA 4.0", new("https://creativecommons.org/licenses/by-sa/4.0/"),
        "anyone may reuse it if they name you and share their work the same way");

    public static readonly Licence Cc0 = new("CC0-1.0", "CC0 1.0", new("https://creativecommons.org/publicdomain/zero/1.0/"),
        "anyone may reuse it freely, without naming you");

    /// <summary>CC BY 4.0 first: the default, which keeps the contributor's name with the photo.</summary>
    public static IReadOnlyList<Licence> All { get; } = [CcBy, CcBySa, Cc0];

    public static Licence Default => CcBy;

    public static Licence? Find(string id) =>
        All.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.OrdinalIgnoreCase));
}
