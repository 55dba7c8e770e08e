using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Soliday.Entries;
using Soliday.Pages;
using Soliday.Timeline;

namespace Soliday.Tests.Pages;

/// <summary>Reuse the archive (reuse.html): every file the site offers, said in plain words, and the licences as choices.</summary>
public sealed class ReusePageTests
{
    private static readonly DateOnly Day = new(2026, 6, 20);

    /// <summary>Every file of the whole day the site writes for others to take away.</summary>
    public static TheoryData<string> DayFiles { get; } = new()
    {
        SitePaths.Csv, SitePaths.TimelineJs, SitePaths.IiifCollection, SitePaths.JsonLd, SitePaths.AtomFeed, SitePaths.JsonFeed, SitePaths.Sitemap,
    };

    [Theory]
    [MemberData(nameof(DayFiles))]
    public async Task Every_file_of_the_day_is_linked_with_words_that_say_what_it_is(string path)
    {
        var html = await RenderAsync();

        var link = Regex.Match(html, $"<a href=\"{Regex.Escape(path)}\">([^<]+)</a>");
        Assert.True(link.Success, $"reuse.html does not link {path}");
        Assert.DoesNotMatch("JSON|IIIF|CSV|Atom|TimelineJS|sitemap", link.Groups[1].Value); // the link says what it is for, not its format
    }

    [Fact]
    public async Task Each_licence_a_maker_may_choose_is_said_as_a_choice_with_its_short_name_beside()
    {
        var text = WebUtility.HtmlDecode(await RenderAsync());

        Assert.Contains("Anyone may reuse it if they name the person", text);
        Assert.Contains("share what they make the same way", text);
        Assert.Contains("Anyone may reuse it freely", text);
        Assert.Contains("Shown with permission", text);
        Assert.All(Licences.All, licence => Assert.Contains($"<a href=\"{licence.Uri}\">{licence.Name}</a>", text));
    }

    [Fact]
    public async Task It_says_who_would_use_each_file()
    {
        var text = WebUtility.HtmlDecode(await RenderAsync());

        Assert.Contains("Opens in Excel, LibreOffice or Google Sheets", text);
        Assert.Contains("feed reader", text);
        Assert.Contains("museums, libraries and archives", text);
        Assert.Contains("For local news sites, schools, community groups", text);
    }

    private static async Task<string> RenderAsync()
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        return await new PageRenderer(services, services.GetRequiredService<ILoggerFactory>()).RenderAsync<ReusePage, ReuseView>(new ReuseView(Day));
    }
}
