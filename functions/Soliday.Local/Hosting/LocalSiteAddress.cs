using Soliday.Timeline;

namespace Soliday.Local.Hosting;

/// <summary>
/// The public site's absolute address on this host: where it listens (<c>urls</c> or <c>--urls</c>)
/// followed by the path <see cref="SiteFiles"/> serves the <c>$web</c> container under. Feeds,
/// IIIF manifests and the sitemap need an absolute address, and the local host knows its own.
/// </summary>
public static class LocalSiteAddress
{
    public const string SitePath = "/site/";

    private const string DefaultListenAddress = "http://127.0.0.1:7071";

    public static string From(string? urls)
    {
        var first = (urls ?? DefaultListenAddress).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? DefaultListenAddress;

        // A wildcard host (http://*:7071, http://+:7071, 0.0.0.0, [::]) listens everywhere; a browser on this machine reaches it at localhost.
        var address = first.Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return new Uri(new Uri(address, UriKind.Absolute), SitePath).AbsoluteUri;
    }

    public static string ConfigurationKey => $"{SiteOptions.Section}:{nameof(SiteOptions.PublicUrl)}";
}
