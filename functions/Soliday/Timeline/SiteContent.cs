using Azure.Storage.Blobs.Models;
using Soliday.Pages;
using Soliday.Storage;

namespace Soliday.Timeline;

/// <summary>The media types and caching of what the site serves.</summary>
public static class SiteContent
{
    public const string Json = "application/json; charset=utf-8";
    public const string JsonLd = "application/ld+json; charset=utf-8";
    public const string Iiif = "application/ld+json;profile=\"http://iiif.io/api/presentation/3/context.json\"";
    public const string JsonFeed = "application/feed+json; charset=utf-8";
    public const string Atom = "application/atom+xml; charset=utf-8";
    public const string Xml = "application/xml; charset=utf-8";
    public const string Csv = "text/csv; charset=utf-8; header=present";

    /// <summary>Pages and data change whenever an entry is published: browsers must ask again each time.</summary>
    public const string RevalidateCaching = "no-cache";

    /// <summary>A rendition's name never changes meaning: browsers may keep it for a year.</summary>
    public const string ImmutableCaching = "public, max-age=31536000, immutable";

    public static BlobHttpHeaders Html { get; } = Changing(PageRenderer.HtmlContentType);

    public static BlobHttpHeaders Changing(string contentType) => BlobWrites.Headers(contentType, RevalidateCaching);

    /// <summary>
    /// Stored gzipped and served so (<c>Content-Encoding: gzip</c>): Blob Storage's static website
    /// sends a file as it is stored, never compressing it. Only for files the site's own scripts
    /// fetch, as every browser that runs them takes gzip; pages stay plain for any reader.
    /// </summary>
    public static BlobHttpHeaders ChangingGzipped(string contentType) =>
        new() { ContentType = contentType, CacheControl = RevalidateCaching, ContentEncoding = Gzip.Encoding };
}
