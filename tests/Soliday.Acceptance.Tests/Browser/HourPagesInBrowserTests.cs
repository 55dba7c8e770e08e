using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>
/// A busy hour in real Chromium: more entries than one page of its grid holds. The day page shows a
/// bounded row of them and links every page of the hour; each page passes axe.
/// </summary>
public sealed class HourPagesInBrowserTests(HourPagesInBrowserTests.BusyHour busy, BrowserFixture browser)
    : IClassFixture<HourPagesInBrowserTests.BusyHour>, IClassFixture<BrowserFixture>
{
    /// <summary>One more than a page of the grid holds (HourPaging.EntriesPerPage is 48).</summary>
    private const int Entries = 49;

    /// <summary>The corpus photo's capture time, 30 May 2008 at 15:56, made the day: every entry falls in one hour.</summary>
    private const int Hour = 15;

    private string BaseAddress => busy.Host.Http.BaseAddress!.ToString();

    [Fact]
    public async Task A_busy_hour_shows_six_tiles_on_the_day_page_and_every_entry_on_its_pages_two_clicks_away()
    {
        var page = await browser.NewPageAsync(BaseAddress);

        await page.GotoAsync("/site/");
        var section = page.Locator($"#h{Hour:00}");
        await Assertions.Expect(section.Locator("ul.tiles li")).ToHaveCountAsync(6);
        await Assertions.Expect(section.Locator("p.more a")).ToHaveTextAsync($"All {Entries} from {Hour}:00 →");
        await Assertions.Expect(section.GetByRole(AriaRole.Navigation, new() { Name = $"Pages of {Hour}:00 to {Hour + 1}:00" }).GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("p.quiet").First).ToHaveTextAsync($"No entries 00:00–{Hour}:00"); // the empty hours before it, in one line
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("site-day-busy-hour");

        // Click one: the hour's second page, then an entry on it.
        await section.GetByRole(AriaRole.Link, new() { Name = "2", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/site/hours/{Hour}-2\\.html$"));
        await Assertions.Expect(page.Locator("ul.tiles li")).ToHaveCountAsync(Entries - 48);
        await Assertions.Expect(page.Locator(".masthead .count")).ToHaveTextAsync("Page 2: entries 49 to 49, in the order they happened");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("site-hour-page-2");
        var last = await page.Locator("ul.tiles a").First.GetAttributeAsync("href");
        await page.Locator("ul.tiles a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex($"/site/{Regex.Escape(last!.Replace("../", "", StringComparison.Ordinal))}$")); // click two: the entry

        await page.GotoAsync($"/site/hours/{Hour}-2.html");
        await page.GetByRole(AriaRole.Link, new() { Name = "Previous page of this hour" }).ClickAsync();
        await Assertions.Expect(page.Locator("ul.tiles li")).ToHaveCountAsync(48);
        await Assertions.Expect(page.Locator("ul.tiles img[loading=eager]")).ToHaveCountAsync(6); // the first row: the first screen
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Next page of this hour" })).ToHaveAttributeAsync("href", $"../hours/{Hour}-2.html");
        var ids = await page.Locator("ul.tiles a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(48, ids.Distinct().Count());
        Assert.DoesNotContain(last, ids); // the pages do not overlap
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("site-hour-page-1");
    }

    /// <summary>A host whose day is the corpus photo's, with <see cref="Entries"/> of that photo published in its hour.</summary>
    public sealed class BusyHour : IAsyncLifetime
    {
        public SolidayHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await SolidayHost.StartAsync(new() { ["Soliday__Day"] = "2008-05-30" });
            var ids = new List<string>();
            foreach (var batch in Enumerable.Range(0, Entries).Chunk(8))
            {
                ids.AddRange(await Task.WhenAll(batch.Select(i => Host.Http.SubmitAsync(new SubmissionBuilder()
                    .WithPhoto("real-exif", "EX__jpg_Canon_40D.jpg")
                    .With("caption", $"Stall number {i} at the market")
                    .With("alt", $"A market stall, number {i}")))));
            }

            foreach (var id in ids)
            {
                await Host.Curator.WaitForQueueAsync(id);
            }

            foreach (var batch in ids.Chunk(8))
            {
                foreach (var approval in await Task.WhenAll(batch.Select(id => Host.Curator.ApproveAsync(id))))
                {
                    approval.Dispose();
                }
            }

            foreach (var id in ids)
            {
                await Host.Http.WaitForStatusAsync(id, "published");
            }
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
