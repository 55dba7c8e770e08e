using Microsoft.Extensions.Options;

namespace Soliday.Timeline;

/// <summary>
/// Absolute addresses on the public site, for what is read away from it: feeds, IIIF manifests, the
/// open data and the sitemap all need them. From <see cref="SiteOptions.PublicUrl"/>, which must be
/// absolute (checked at start).
/// </summary>
public sealed class SiteAddress(IOptions<SiteOptions> site)
{
    public Uri Root { get; } = site.Value.PublicRoot;

    public string Of(string path) => new Uri(Root, path).AbsoluteUri;

    public string EntryPage(string id) => Of(SitePaths.EntryPage(id));
}
