using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Soliday.Pages;

/// <summary>
/// The encoder pages are rendered with: HTML's own encoder for every letter but the apostrophe,
/// which it would write as <c>&amp;#x27;</c>. Razor writes every attribute in double quotes, so an
/// apostrophe is plain text in both places it can appear; a sentence from the language files
/// ("Curators' pick") then comes out byte for byte as it did when it was written in the page.
/// </summary>
internal sealed class PageTextEncoder : HtmlEncoder
{
    private const char Apostrophe = '\'';

    /// <summary>What HTML needs (<c>&lt; &gt; &amp; "</c>), other letters left as UTF-8, which every page declares.</summary>
    private static readonly HtmlEncoder Html = Create(UnicodeRanges.All);

    public static PageTextEncoder Instance { get; } = new();

    public override int MaxOutputCharactersPerInputCharacter => Html.MaxOutputCharactersPerInputCharacter;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var from = 0;
        while (from < textLength)
        {
            var found = Html.FindFirstCharacterToEncode(text + from, textLength - from);
            if (found < 0)
            {
                return -1;
            }

            if (text[from + found] != Apostrophe)
            {
                return from + found;
            }

            from += found + 1;
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (unicodeScalar == Apostrophe)
        {
            if (bufferLength < 1)
            {
                numberOfCharactersWritten = 0;
                return false;
            }

            *buffer = Apostrophe;
            numberOfCharactersWritten = 1;
            return true;
        }

        return Html.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
    }

    public override bool WillEncode(int unicodeScalar) => unicodeScalar != Apostrophe && Html.WillEncode(unicodeScalar);
}
