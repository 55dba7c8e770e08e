using Microsoft.Playwright;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>Reads a QR code as a phone would: from what the browser draws, with ZXing (not the library that made it).</summary>
public static class QrCodes
{
    /// <summary>
    /// The text of the code <paramref name="code"/> draws, or null when none reads within a few tries.
    /// Tried again on a fresh screenshot, since one taken as the page settles (a font swapped in, a
    /// layout pass) can blur the modules: the code is wrong only if no screenshot reads.
    /// </summary>
    public static async Task<string?> ReadAsync(ILocator code)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var text = Decode(await code.ScreenshotAsync());
            if (text is not null)
            {
                return text;
            }

            await Task.Delay(300);
        }

        return null;
    }

    private static string? Decode(byte[] png)
    {
        using var image = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgba32>(png);
        var grey = new byte[image.Width * image.Height];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var pixel = image[x, y];
                grey[(y * image.Width) + x] = (byte)(((pixel.R * 299) + (pixel.G * 587) + (pixel.B * 114)) / 1000);
            }
        }

        var source = new ZXing.RGBLuminanceSource(grey, image.Width, image.Height, ZXing.RGBLuminanceSource.BitmapFormat.Gray8);
        // Trying harder: a code of a long link has small modules at a phone's width, and a screenshot softens their edges.
        var hints = new Dictionary<ZXing.DecodeHintType, object> { [ZXing.DecodeHintType.TRY_HARDER] = true };
        return new ZXing.QrCode.QRCodeReader().decode(new ZXing.BinaryBitmap(new ZXing.Common.HybridBinarizer(source)), hints)?.Text;
    }
}
