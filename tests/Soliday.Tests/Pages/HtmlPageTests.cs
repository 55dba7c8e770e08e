using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Soliday.Pages;
using Soliday.Timeline;

namespace Soliday.Tests.Pages;

public sealed partial class HtmlPageTests
{
    [Fact]
    public async Task Every_page_carries_the_same_policy_in_its_meta_tag_as_in_the_header()
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var renderer = new PageRenderer(services, services.GetRequiredService<ILoggerFactory>());

        var html = await renderer.RenderAsync<ErrorPage, ErrorView>(new ErrorView("Title", "Message", new SiteOptions()));

        var meta = WebUtility.HtmlDecode(MetaPolicy().Match(html).Groups[1].Value);
        Assert.Equal(HtmlPage.MetaContentSecurityPolicy, meta);
        Assert.StartsWith(HtmlPage.MetaContentSecurityPolicy + ";", HtmlPage.ContentSecurityPolicy);
    }

    [Fact]
    public void Only_images_may_come_from_blob_URLs_for_the_photo_preview()
    {
        var directives = HtmlPage.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries);

        Assert.Contains("img-src 'self' blob:", directives);
        Assert.Single(directives, d => d.Contains("blob:", StringComparison.Ordinal));
    }

    [GeneratedRegex("""<meta http-equiv="Content-Security-Policy" content="([^"]*)">""")]
    private static partial Regex MetaPolicy();
}
