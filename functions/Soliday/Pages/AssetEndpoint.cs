using Microsoft.AspNetCore.Http;
using Soliday.Web;

namespace Soliday.Pages;

/// <summary>Serves the built-in stylesheet to the pages the API renders (form, status, curation).</summary>
public static class AssetEndpoint
{
    public static IResult Asset(string name) =>
        SiteAssets.Find(name) is { } asset
            ? Results.Bytes(asset.Content.ToMemory(), asset.ContentType)
            : Problems.NotFound("There is no such file.");
}
