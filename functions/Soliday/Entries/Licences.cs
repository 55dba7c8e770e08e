namespace Soliday.Entries;

/// <summary>
/// A licence an entry is shared under, named by its SPDX identifier (or an SPDX <c>LicenseRef-</c>
/// for one SPDX does not list), with what it means in plain words. <see cref="Uri"/> is null when
/// there is no licence text to link to.
/// </summary>
public sealed record Licence(string Id, string Name, Uri? Uri, string PlainWords);

public static class Licences
{
    public static readonly Licence CcBy = new("CC-BY-4.0", "CC BY 4.0", new("https://creativecommons.org/licenses/by/4.0/"),
        "anyone may reuse it if they name you (recommended)");

    public static readonly Licence CcBySa = new("CC-BY-SA-4.0", "CC BY-SA 4.0", new("https://creativecommons.org/licenses/by-sa/4.0/"),
        "anyone may reuse it if they name you and share their work the same way");

    public static readonly Licence Cc0 = new("CC0-1.0", "CC0 1.0", new("https://creativecommons.org/publicdomain/zero/1.0/"),
        "anyone may reuse it freely, without naming you");

    /// <summary>
    /// For posts taken from elsewhere (#Soliday on Mastodon, the webhook): their authors chose no
    /// open licence, so the project shows them with permission only, as its published terms say.
    /// Never offered on the form, where residents choose an open licence themselves.
    /// </summary>
    public static readonly Licence WithPermission = new("LicenseRef-with-permission", "With permission, rights remain with the author", null,
        "shown here with the author's permission; all rights remain with them");

    /// <summary>The licences the form offers, CC BY 4.0 first: the default, which keeps the contributor's name with the photo.</summary>
    public static IReadOnlyList<Licence> All { get; } = [CcBy, CcBySa, Cc0];

    /// <summary>Every licence an entry may carry: the form's, and the one for posts from elsewhere.</summary>
    public static IReadOnlyList<Licence> Known { get; } = [.. All, WithPermission];

    public static Licence Default => CcBy;

    /// <summary>One of the form's licences: what a resident may choose.</summary>
    public static Licence? Find(string id) =>
        All.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Any licence an entry may carry, to show it.</summary>
    public static Licence? FindKnown(string id) =>
        Known.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.OrdinalIgnoreCase));
}
