using System.Globalization;
using Soliday.Entries;
using Soliday.Pages;
using Soliday.Submissions;
using Soliday.Words;

namespace Soliday.Timeline.OpenData;

/// <summary>An entry as the open data describes it: absolute addresses, its licence, the words that credit it.</summary>
/// <param name="Words">The site's language, in which the open data's titles and credits are said.</param>
public sealed record OpenEntry(TimelineEntry Entry, string PageUrl, string? ManifestUrl, Licence? Licence, SiteWords Words)
{
    public static OpenEntry From(TimelineEntry entry, SiteAddress site, SiteWords words) => new(
        entry,
        site.EntryPage(entry.Id),
        entry.Photos.Count > 0 ? site.Of(SitePaths.IiifManifest(entry.Id)) : null,
        Licences.FindKnown(entry.Licence),
        words);

    /// <summary>A short title: the caption's start, or who made it.</summary>
    public string Title => Entry.Text.Length > 0 ? Display.Short(Entry.Text, 80)
        : Entry.Photos.Count > 0 ? Words.Say("site.aPhotoBy", ("credit", Entry.Credit)) : Words.Say("site.wordsBy", ("credit", Entry.Credit));

    /// <summary>How reusers should credit it (schema.org creditText, IIIF requiredStatement).</summary>
    public string CreditText => Words.Say("openData.creditText",
        ("by", Entry.Photos.Count > 0 ? Words.Say("site.photoBy", ("credit", Entry.Credit)) : Words.Say("site.wordsBy", ("credit", Entry.Credit))),
        ("licence", Licence?.Name ?? Entry.Licence));

    public TimelinePhoto? FirstPhoto => Entry.Photos.FirstOrDefault();

    /// <summary>
    /// RightsStatements.org's "In Copyright": for posts shown with their authors' permission, which
    /// have no open licence to point at. IIIF's <c>rights</c> accepts this vocabulary beside Creative Commons.
    /// </summary>
    public const string InCopyright = "http://rightsstatements.org/vocab/InC/1.0/";

    /// <summary>Where the terms of reuse are: the licence, or the In Copyright statement for a post shown with permission.</summary>
    public string? RightsUri => Licence switch
    {
        null => null,
        { Uri: null } => InCopyright,
        { Uri: { } uri } => uri.AbsoluteUri,
    };

    /// <summary>
    /// The licence's Creative Commons URI in its http form: IIIF's <c>rights</c> must be exactly that
    /// (the spec lists the http URIs, and validators compare strings); In Copyright when there is none.
    /// </summary>
    public string? LicenceHttpUri => Licence switch
    {
        null => null,
        { Uri: null } => InCopyright,
        { Uri: { } uri } => new UriBuilder(uri) { Scheme = Uri.UriSchemeHttp, Port = -1 }.Uri.AbsoluteUri,
    };

    public static string Instant(DateTimeOffset moment) => moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
