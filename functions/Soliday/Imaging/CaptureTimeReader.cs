using System.Globalization;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using Soliday.Entries;

namespace Soliday.Imaging;

/// <summary>A photo's capture time, or why there is none to believe.</summary>
public readonly record struct CaptureTime(DateTimeOffset? At, CaptureTimeIssue? Issue);

/// <summary>
/// Reads when a photo was taken from its EXIF: <c>DateTimeOriginal</c>, with <c>OffsetTimeOriginal</c>
/// when the camera wrote one, else read as local time of the day's zone (phones in the UK rarely
/// write an offset). A blank, invalid or future date is no date: the entry falls back to its upload
/// time, and the issue is kept for the curator.
/// </summary>
public static class CaptureTimeReader
{
    private const string ExifDateFormat = "yyyy:MM:dd HH:mm:ss";

    /// <summary>Clocks drift; a photo up to this far ahead of the server is still believed.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(10);

    public static CaptureTime Read(ExifProfile? exif, TimeZoneInfo zone, DateTimeOffset now)
    {
        var text = exif?.GetValue(ExifTag.DateTimeOriginal)?.Value?.Trim('\0', ' ');
        if (text is null)
        {
            return new(null, CaptureTimeIssue.Missing);
        }

        if (!DateTime.TryParseExact(text, ExifDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new(null, CaptureTimeIssue.Invalid);
        }

        var offset = ReadOffset(exif!.GetValue(ExifTag.OffsetTimeOriginal)?.Value) ?? zone.GetUtcOffset(local);
        var captured = new DateTimeOffset(local, offset);
        return captured > now + FutureTolerance ? new(null, CaptureTimeIssue.Future) : new(captured, null);
    }

    private static TimeSpan? ReadOffset(string? text)
    {
        text = text?.Trim('\0', ' ');
        if (string.IsNullOrEmpty(text) || text.Length != 6 || (text[0] != '+' && text[0] != '-'))
        {
            return null;
        }

        return TimeSpan.TryParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var magnitude)
            && magnitude <= TimeSpan.FromHours(14)
            ? (text[0] == '-' ? -magnitude : magnitude)
            : null;
    }
}
