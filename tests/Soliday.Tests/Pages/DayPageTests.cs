using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Soliday.Pages;
using Soliday.Timeline;

namespace Soliday.Tests.Pages;

public sealed class DayPageTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">click</a>")]
    public async Task Text_people_write_is_shown_as_text_never_as_markup(string payload)
    {
        var html = await RenderAsync(Entry(text: payload, credit: payload, alt: payload));

        Assert.DoesNotContain(payload, html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<a href=\"javascript:", html);
        Assert.Contains("&lt;", html); // the text is there, encoded
    }

    [Fact]
    public async Task An_entry_shows_its_caption_alt_text_credit_and_licence()
    {
        var html = await RenderAsync(Entry(text: "Bowls on the green", credit: "Margaret", alt: "Four players on a bowling green"));

        Assert.Contains("Bowls on the green", html);
        Assert.Contains("alt=\"Four players on a bowling green\"", html);
        Assert.Contains("Photo by Margaret", html);
        Assert.Contains("https://creativecommons.org/licenses/by/4.0/", html);
        Assert.Contains("<time datetime=\"2026-06-20T10:15:00", html);
        Assert.Contains(">10:15</time>", html);
    }

    [Fact]
    public async Task The_page_forbids_inline_script()
    {
        var html = await RenderAsync(Entry());

        Assert.Contains("script-src 'self'", html);
        Assert.DoesNotContain("<script", html);
    }

    private static async Task<string> RenderAsync(TimelineEntry entry)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var renderer = new PageRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var day = new DateOnly(2026, 6, 20);
        return await renderer.RenderAsync<DayPage, DayView>(new DayView(day, London, [new HourIndex(day, 10, [entry])], "/api/submit"));
    }

    private static TimelineEntry Entry(string text = "A caption", string credit = "Anonymous", string alt = "A description") => new()
    {
        Id = "0123456789abcdef0123456789abcdef",
        Text = text,
        Credit = credit,
        Licence = "CC-BY-4.0",
        MomentAt = new DateTimeOffset(2026, 6, 20, 10, 15, 0, TimeSpan.FromHours(1)),
        PlacedAt = new DateTimeOffset(2026, 6, 20, 10, 15, 0, TimeSpan.FromHours(1)),
        PublishedAt = DateTimeOffset.UnixEpoch,
        Photos = [new TimelinePhoto(alt, 960, 640, [new TimelineImage("media/x/0-960.jpg", "jpeg", 960, 640), new TimelineImage("media/x/0-960.webp", "webp", 960, 640)])],
    };
}
