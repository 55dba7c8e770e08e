using Soliday.Hashtags;

namespace Soliday.Tests.Hashtags;

/// <summary>Mastodon's post HTML as the plain text Soliday keeps: what a reader sees, and no markup.</summary>
public sealed class PostTextTests
{
    [Fact]
    public void Paragraphs_and_line_breaks_become_lines()
    {
        var text = PostText.FromHtml("<p>Morning at Brueton Park</p><p>Ducks<br>and geese<br />on the lake</p>");

        Assert.Equal("Morning at Brueton Park\n\nDucks\nand geese\non the lake", text);
    }

    [Fact]
    public void Hashtags_and_mentions_keep_their_text()
    {
        var text = PostText.FromHtml(
            "<p>Out early <a href=\"https://mastodon.example/tags/soliday\" class=\"mention hashtag\" rel=\"tag\">#<span>Soliday</span></a> with " +
            "<span class=\"h-card\"><a href=\"https://mastodon.example/@bob\" class=\"u-url mention\">@<span>bob</span></a></span></p>");

        Assert.Equal("Out early #Soliday with @bob", text);
    }

    [Fact]
    public void A_link_Mastodon_shortens_on_screen_is_kept_as_its_whole_address()
    {
        var text = PostText.FromHtml(
            "<p>Details: <a href=\"https://www.solihull.gov.uk/events/soliday-2026\" rel=\"nofollow noopener\" target=\"_blank\">" +
            "<span class=\"invisible\">https://www.</span><span class=\"ellipsis\">solihull.gov.uk/events/sol</span><span class=\"invisible\">iday-2026</span></a></p>");

        Assert.Equal("Details: https://www.solihull.gov.uk/events/soliday-2026", text);
    }

    [Fact]
    public void Scripts_styles_frames_and_attributes_leave_no_trace()
    {
        var text = PostText.FromHtml(
            "<p>Hello<script>alert('x')</script><style>p { color: red }</style><img src=x onerror=\"alert(1)\">" +
            "<iframe src=\"javascript:alert(2)\">inside a frame</iframe><a href=\"javascript:alert(3)\"> there</a></p>" +
            "<svg><script>alert(4)</script></svg><noscript><img src=x onerror=alert(5)></noscript>");

        Assert.Equal("Hello there", text);
    }

    [Fact]
    public void Markup_the_author_typed_as_text_stays_text()
    {
        // Escaped in the HTML, so the author typed it: kept as they wrote it. It is text from here
        // on, and every page encodes it (see the acceptance tests for the page itself).
        var text = PostText.FromHtml("<p>I typed &lt;b&gt;bold&lt;/b&gt; &amp; &quot;more&quot;</p>");

        Assert.Equal("I typed <b>bold</b> & \"more\"", text);
    }

    [Fact]
    public void Broken_markup_is_read_as_a_browser_reads_it()
    {
        Assert.Equal("Unclosed bold and\n\nnext", PostText.FromHtml("<p>Unclosed <b>bold <i>and <p>next"));
        Assert.Equal("a < b and c > d", PostText.FromHtml("a < b and c > d"));
    }

    [Fact]
    public void Elements_nested_fifteen_thousand_deep_do_not_overflow_the_stack()
    {
        // As deep as fits the length read (200,000 characters): the walk keeps its own stack.
        var html = string.Concat(Enumerable.Repeat("<span>", 15_000)) + "deep" + string.Concat(Enumerable.Repeat("</span>", 15_000));

        Assert.Equal("deep", PostText.FromHtml(html));
    }

    [Fact]
    public void Only_the_first_200000_characters_of_HTML_are_read()
    {
        Assert.Equal(200_000, PostText.FromHtml(new string('x', 300_000)).Length);
    }

    [Fact]
    public void Control_characters_and_runs_of_spaces_are_tidied_away()
    {
        Assert.Equal("a b\nc", PostText.Tidy("  a \u0007  b\t\r\nc  "));
        Assert.Equal("one\n\ntwo", PostText.Tidy("one\n\n\n\n\ntwo"));
    }

    [Fact]
    public void A_long_text_is_cut_with_an_ellipsis_never_inside_a_surrogate_pair()
    {
        var cut = PostText.Bounded(new string('x', 1998) + "😀😀😀", 2000);

        Assert.True(cut.Length <= 2000);
        Assert.EndsWith("…", cut);
        Assert.False(char.IsHighSurrogate(cut[^2]));
    }
}
