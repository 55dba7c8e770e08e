using Soliday.Pages;

namespace Soliday.Tests.Pages;

public sealed class PageTextEncoderTests
{
    [Theory]
    [InlineData("Curators' pick", "Curators' pick")]
    [InlineData("<script>alert('x')</script>", "&lt;script&gt;alert('x')&lt;/script&gt;")]
    [InlineData("\"quoted\" & more", "&quot;quoted&quot; &amp; more")]
    [InlineData("Café in Shirley, 10:00–11:00 …", "Café in Shirley, 10:00–11:00 …")]
    [InlineData("'''", "'''")]
    [InlineData("", "")]
    public void What_HTML_needs_is_encoded_and_an_apostrophe_stays_as_written(string text, string expected)
    {
        Assert.Equal(expected, PageTextEncoder.Instance.Encode(text));
    }

    [Fact]
    public void A_resident_s_words_cannot_end_an_attribute()
    {
        using var output = new StringWriter();

        PageTextEncoder.Instance.Encode(output, "x\" onmouseover=\"alert(1)' y='");

        Assert.Equal("x&quot; onmouseover=&quot;alert(1)' y='", output.ToString());
    }
}
