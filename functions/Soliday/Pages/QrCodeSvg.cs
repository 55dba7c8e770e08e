using System.Collections.Concurrent;
using System.Net;
using QRCoder;

namespace Soliday.Pages;

/// <summary>
/// A QR code of an address as inline SVG, made by QRCoder when the site is written: no script, no
/// image request, and it prints sharp at any size. Used by the wall and the poster for the form.
/// </summary>
public static class QrCodeSvg
{
    /// <summary>
    /// Level M: a code still reads with 15% of it lost (glare on a screen, a crease in a poster),
    /// and stays a size smaller than Q or H, so each square is larger from across a room.
    /// </summary>
    private const QRCodeGenerator.ECCLevel Recovery = QRCodeGenerator.ECCLevel.M;

    /// <summary>One unit a module: the viewBox counts modules, and CSS sizes the whole.</summary>
    private const int UnitsPerModule = 1;

    /// <summary>Dark on white whatever the page's colours: readers need the contrast, and the quiet zone around it.</summary>
    private const string Dark = "#000000";

    private const string Light = "#ffffff";

    /// <summary>
    /// Each code made once per process: the wall is written again at every publish, always with the
    /// same form's address. Keys come from configuration, not from residents, so it stays a few entries.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Address, string Label), string> Made = new();

    /// <summary>
    /// The SVG element for <paramref name="address"/>, as one image named <paramref name="label"/>
    /// for screen readers. QRCoder's output has no inline style, so it passes the pages' CSP.
    /// </summary>
    public static string For(string address, string label) => Made.GetOrAdd((address, label), key => Make(key.Address, key.Label));

    /// <summary>
    /// As <see cref="For"/>, made afresh and never kept: for an address that is one resident's secret
    /// (the links on a receipt slip), which must neither stay in memory nor grow the cache with each entry.
    /// </summary>
    public static string ForOneResident(string address, string label) => Make(address, label);

    private static string Make(string address, string label)
    {
        using var data = Encode(address);
        using var renderer = new SvgQRCode(data);
        var svg = renderer.GetGraphic(UnitsPerModule, Dark, Light, drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        var start = svg.IndexOf("<svg ", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("QRCoder wrote no svg element.");
        }

        return string.Concat(
            $"<svg class=\"qr\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" focusable=\"false\" ",
            svg.AsSpan(start + "<svg ".Length).Trim());
    }

    /// <summary>The modules across the code, quiet zone included: what the SVG's viewBox spans.</summary>
    public static int ModulesAcross(string address)
    {
        using var data = Encode(address);
        return data.ModuleMatrix.Count;
    }

    private static QRCodeData Encode(string address)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(address, Recovery);
    }
}
