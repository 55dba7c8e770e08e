using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Soliday.Pages;
using Soliday.Timeline;

namespace Soliday.Tests.Pages;

/// <summary>The wall and the poster, rendered as the site writer renders them.</summary>
public sealed class WallAndPosterPagesTests
{
    private static readonly DateOnly Day = new(2026, 6, 20);

    private static readonly SiteOptions Site = new() { PublicUrl = "https://soliday.example/site/", SubmitUrl = "/api/submit" };

    [Fact]
    public async Task The_wall_shows_the_latest_entries_with_caption_credit_and_description_newest_first()
    {
        var html = await RenderWallAsync([Entry("b", "Tea at the library", "Ann", "Cups on a table"), Entry("a", "", "Raj", "A dog in the park"), Entry("w", "Morning, Shirley!", "Bo", alt: null)]);

        Assert.Contains("data-id=\"entries/b.html\"", html);
        Assert.True(html.IndexOf("entries/b.html", StringComparison.Ordinal) < html.IndexOf("entries/a.html", StringComparison.Ordinal), "newest first");
        Assert.Contains("<p class=\"caption\">Tea at the library</p>", html);
        Assert.Contains("<p class=\"credit\">Photo by Ann</p>", html);
        Assert.Contains("alt=\"Cups on a table\"", html);
        Assert.Contains("<p class=\"credit\">Photo by Raj</p>", html);
        Assert.Contains("<p class=\"caption words\">Morning, Shirley!</p>", html);
        Assert.Contains("<p class=\"credit\">Words by Bo</p>", html);
        Assert.Contains("class=\"wall-empty\" hidden", html);
        Assert.Contains("soliday.example/api/submit", html);
    }

    [Fact]
    public async Task The_wall_holds_only_its_first_few_entries_however_many_are_latest()
    {
        var html = await RenderWallAsync([.. Enumerable.Range(0, 40).Select(i => Entry($"e{i}", $"Entry {i}", "Ann", "A photo"))]);

        Assert.Equal(WallView.Shown, html.Split("class=\"slide\"").Length - 1);
    }

    [Fact]
    public async Task The_wall_with_nothing_published_says_so_and_still_shows_the_way_to_the_form()
    {
        var html = await RenderWallAsync([]);

        Assert.DoesNotContain("class=\"slide\"", html);
        Assert.Contains("<p class=\"wall-empty\">Nothing here yet.", html);
        Assert.Contains("<svg class=\"qr\" role=\"img\" aria-label=\"QR code for the form at soliday.example/api/submit\"", html);
        Assert.Contains("<strong class=\"form-address\">soliday.example/api/submit</strong>", html);
    }

    [Theory]
    [MemberData(nameof(SitePagesTests.Payloads), MemberType = typeof(SitePagesTests))]
    public async Task Text_people_write_is_shown_on_the_wall_as_text_never_as_markup(string payload)
    {
        var html = await RenderWallAsync([Entry("x", payload, payload, payload), Entry("w", payload, payload, alt: null)]);

        Assert.DoesNotContain(payload, html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<svg onload", html);
    }

    [Fact]
    public async Task The_wall_and_the_poster_load_only_their_own_files_under_the_site_s_policy()
    {
        var wall = await RenderWallAsync([Entry("x", "A caption", "Ann", "A photo")]);
        var poster = await RenderPosterAsync();

        foreach (var html in new[] { wall, poster })
        {
            Assert.Contains("script-src 'self'", html);
            Assert.DoesNotMatch("<[^>]+\\son[a-z]+=", html);
            Assert.DoesNotMatch("\\sstyle=", html);
        }

        Assert.Contains("<script src=\"wall.js\" defer></script>", wall);
        Assert.Contains("href=\"wall.css\"", wall);
        Assert.DoesNotContain("<script", poster); // a page to print needs none
        Assert.Contains("href=\"poster.css\"", poster);
    }

    [Fact]
    public async Task The_poster_gives_the_day_the_form_s_code_and_address_and_three_steps()
    {
        var html = await RenderPosterAsync();

        Assert.Contains("Saturday 20 June 2026", html);
        Assert.Contains("<svg class=\"qr\"", html);
        Assert.Contains("<strong class=\"form-address\">soliday.example/api/submit</strong>", html);
        Assert.Equal(3, html.Split("<li>").Length - 1);
    }

    private static Task<string> RenderWallAsync(IReadOnlyList<TimelineEntry> latest) =>
        RenderAsync<WallPage, WallView>(new WallView(Day, latest, Site));

    private static Task<string> RenderPosterAsync() => RenderAsync<PosterPage, PosterView>(new PosterView(Day, Site));

    private static async Task<string> RenderAsync<TPage, TModel>(TModel model)
        where TPage : Microsoft.AspNetCore.Components.IComponent, IPage<TModel>
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        return await new PageRenderer(services, services.GetRequiredService<ILoggerFactory>()).RenderAsync<TPage, TModel>(model);
    }

    /// <summary>An entry with one photo described by <paramref name="alt"/>, or a written post when it is null.</summary>
    private static TimelineEntry Entry(string id, string text, string credit, string? alt) => new()
    {
        Id = id,
        Text = text,
        Credit = credit,
        Licence = "CC-BY-4.0",
        MomentAt = new DateTimeOffset(2026, 6, 20, 10, 0, 0, TimeSpan.FromHours(1)),
        PlacedAt = new DateTimeOffset(2026, 6, 20, 10, 0, 0, TimeSpan.FromHours(1)),
        PublishedAt = DateTimeOffset.UnixEpoch,
        Photos = alt is null ? [] : [new TimelinePhoto(alt, 1600, 1200,
        [
            new TimelineImage($"media/{id}/0-480.jpg", "jpeg", 480, 360), new TimelineImage($"media/{id}/0-1600.jpg", "jpeg", 1600, 1200),
            new TimelineImage($"media/{id}/0-480.webp", "webp", 480, 360),
        ])],
    };
}
