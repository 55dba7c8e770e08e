using System.Security.Cryptography;

namespace Soliday.Pages;

/// <summary>A static file built into Soliday (stylesheet, scripts), served by the site and by the API pages.</summary>
public sealed record SiteAsset(string Name, string ContentType, BinaryData Content)
{
    public byte[] Md5 { get; } = MD5.HashData(Content.ToMemory().Span);
}

public static class SiteAssets
{
    private const string Css = "text/css; charset=utf-8";
    private const string JavaScript = "text/javascript; charset=utf-8";

    public static IReadOnlyList<SiteAsset> All { get; } =
    [
        Load("site.css", Css),
        Load("site.js", JavaScript),
        Load("search.js", JavaScript),
        Load("submit.js", JavaScript),
        Load("status.js", JavaScript),
        Load("curation.css", Css),
        Load("curation.js", JavaScript),
        Load("wall.css", Css),
        Load("wall.js", JavaScript),
        Load("poster.css", Css),
        Load("slip.css", Css),
    ];

    /// <summary>
    /// What the public static site needs beside its pages: the stylesheet and the optional navigation
    /// script; the search page's script, and the wall's and the poster's own, so the day page carries
    /// none of their weight.
    /// </summary>
    public static IReadOnlyList<SiteAsset> Site { get; } = [.. All.Where(a => a.Name is "site.css" or "site.js" or "search.js" or "wall.css" or "wall.js" or "poster.css")];

    public static SiteAsset? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    private static SiteAsset Load(string name, string contentType)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream($"Soliday.Pages.Assets.{name}")
            ?? throw new InvalidOperationException($"The asset {name} is not built into Soliday.");
        return new SiteAsset(name, contentType, BinaryData.FromStream(stream));
    }
}
