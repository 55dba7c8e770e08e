using System.Xml.Linq;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Iptc;
using Soliday.Entries;

namespace Soliday.Imaging;

/// <summary>Reads the private facts a camera writes into a photo: orientation, place, camera, caption.</summary>
public static class PhotoMetadataReader
{
    /// <summary>Captions longer than this are cut: a photo's embedded caption is a hint, not an essay.</summary>
    private const int MaxDescriptionLength = 2000;

    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    public static int Orientation(ExifProfile? exif)
    {
        var value = exif?.GetValue(ExifTag.Orientation)?.Value ?? 1;
        return value is >= 1 and <= 8 ? value : 1;
    }

    /// <summary>The GPS position, or null when absent, malformed, out of range or at 0°, 0° (a phone with no fix).</summary>
    public static GeoPoint? Location(ExifProfile? exif)
    {
        if (exif is null)
        {
            return null;
        }

        var latitude = Degrees(exif.GetValue(ExifTag.GPSLatitude)?.Value, exif.GetValue(ExifTag.GPSLatitudeRef)?.Value, "S");
        var longitude = Degrees(exif.GetValue(ExifTag.GPSLongitude)?.Value, exif.GetValue(ExifTag.GPSLongitudeRef)?.Value, "W");
        if (latitude is not { } lat || longitude is not { } lon || Math.Abs(lat) > 90 || Math.Abs(lon) > 180 || (lat == 0 && lon == 0))
        {
            return null;
        }

        return new GeoPoint(Math.Round(lat, 6), Math.Round(lon, 6));
    }

    public static string? Camera(ExifProfile? exif)
    {
        var make = Clean(exif?.GetValue(ExifTag.Make)?.Value);
        var model = Clean(exif?.GetValue(ExifTag.Model)?.Value);
        if (make is null)
        {
            return model;
        }

        // Many models repeat the make ("Canon" + "Canon EOS 40D").
        return model is null ? make : model.StartsWith(make, StringComparison.OrdinalIgnoreCase) ? model : $"{make} {model}";
    }

    /// <summary>The caption from IPTC (Caption/Abstract), else from XMP (<c>dc:description</c>).</summary>
    public static string? Description(ImageMetadata metadata)
    {
        var iptc = metadata.IptcProfile?.GetValues(IptcTag.Caption).Select(v => Clean(v.Value)).FirstOrDefault(v => v is not null);
        var description = iptc ?? XmpDescription(metadata);
        return description is { Length: > MaxDescriptionLength } ? description[..MaxDescriptionLength] : description;
    }

    private static string? XmpDescription(ImageMetadata metadata)
    {
        try
        {
            var document = metadata.XmpProfile?.GetDocument();
            return document?.Descendants(DublinCore + "description")
                .SelectMany(d => d.Descendants(Rdf + "li").DefaultIfEmpty(d))
                .Select(e => Clean(e.Value))
                .FirstOrDefault(v => v is not null);
        }
        catch (System.Xml.XmlException)
        {
            return null; // a broken XMP packet is no caption
        }
    }

    private static double? Degrees(Rational[]? dms, string? reference, string negative)
    {
        if (dms is not { Length: 3 } || dms.Any(r => r.Denominator == 0))
        {
            return null;
        }

        var degrees = dms[0].ToDouble() + (dms[1].ToDouble() / 60) + (dms[2].ToDouble() / 3600);
        return string.Equals(reference?.Trim('\0', ' '), negative, StringComparison.OrdinalIgnoreCase) ? -degrees : degrees;
    }

    private static string? Clean(string? text)
    {
        var trimmed = text?.Trim('\0', ' ', '\t', '\r', '\n');
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
