using System.Security.Cryptography;

namespace Soliday.Pages;

/// <summary>A static file built into Soliday (stylesheet, scripts), served by the site and by the API pages.</summary>
public sealed record SiteAsset(string Name, string ContentType, BinaryData Content)
{
    public byte[] Md5 { get; } = MD5.HashData(Content.ToMemory().Span);
}

public static class SiteAssets
{
    public static IReadOnlyList<SiteAsset> All { get; } =
    [
        Load("site.css", "text/css; charset=utf-8"),
        Load("submit.js", "text/javascript; charset=utf-8"),
        Load("curation.js", "text/javascript; charset=utf-8"),
    ];

    public static SiteAsset? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    private static SiteAsset Load(string name, string contentType)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream($"Soliday.Pages.Assets.{name}")
            ?? throw new InvalidOperationException($"The asset {name} is not built into Soliday.");
        return new SiteAsset(name, contentType, BinaryData.FromStream(stream));
    }
}
