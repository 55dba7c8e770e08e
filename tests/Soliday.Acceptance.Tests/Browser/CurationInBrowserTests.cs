using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>A curator's morning in real Chromium: sign in, work through the queue, keyboard only.</summary>
public sealed class CurationInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_curator_works_through_the_queue_by_keyboard_alone()
    {
        await using var host = await SolidayHost.StartAsync();
        var first = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "First: the market opens").WithPhoto("real-exif", "EX__jpg_gps_DSCN0042.jpg"));
        var second = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Second: a blurred photo").With("alt", "Blur"));
        var third = await host.Http.SubmitAsync(new SubmissionBuilder().WithoutPhoto().With("caption", "Third: a few words about the day, call 07700 900123"));
        foreach (var id in new[] { first, second, third })
        {
            await host.Curator.WaitForQueueAsync(id);
        }

        var page = await browser.NewPageAsync(host.Http.BaseAddress!.ToString(), width: 1280);
        await page.GotoAsync("/api/curation");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/api/curation/signin$"));
        await page.AssertAccessibleAsync();
        Assert.Equal("token", await page.FocusedIdAsync());
        await page.Keyboard.TypeAsync(host.CuratorToken);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Curation");
        await Assertions.Expect(page.Locator("#entries-title")).ToHaveTextAsync("3 entries");
        await Assertions.Expect(page.Locator($"#c-{second} .flags")).ToContainTextAsync("description");
        await Assertions.Expect(page.Locator($"#c-{third} .flags")).ToContainTextAsync("phone number");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("curation");

        // Oldest arrival first, as a queue is worked through (not the order the photos were taken: the second's is older).
        Assert.Equal([$"c-{first}", $"c-{second}", $"c-{third}"], await page.Locator("article.card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.id)"));

        // J twice to the blurred one, R, a reason, Enter: rejected with that reason.
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        Assert.Equal($"c-{second}", await page.FocusedIdAsync());
        await page.Keyboard.PressAsync("r");
        Assert.Equal($"reason-{second}", await page.FocusedIdAsync());
        await page.Keyboard.TypeAsync("The photo is too blurred to make out.");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Rejected");
        await Assertions.Expect(page.Locator("#entries-title")).ToHaveTextAsync("2 entries");

        // Back at the card after the rejected one, not the top; K to the first card, A to approve it.
        await Assertions.Expect(page.Locator($"#c-{third}")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("k");
        Assert.Equal($"c-{first}", await page.FocusedIdAsync());
        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved");
        await Assertions.Expect(page.Locator("#entries-title")).ToHaveTextAsync("1 entry");

        // Without shortcuts: Tab to the entry's Approve button, Enter.
        await page.Locator($"#c-{third} button[data-shortcut=approve]").FocusAsync(); // where Tab would land; pressed, not clicked
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#entries-title")).ToHaveTextAsync("0 entries");

        await host.Http.WaitForStatusAsync(first, "published");
        Assert.Equal("The photo is too blurred to make out.", (await host.Http.WaitForStatusAsync(second, "rejected"))["reason"]!.GetValue<string>());
        await host.Http.WaitForStatusAsync(third, "published");
    }

    [Fact]
    public async Task Bulk_approval_and_rejection_on_the_page_move_the_counts_and_the_hour_chart_and_list_the_decisions_newest_first()
    {
        await using var host = await SolidayHost.StartAsync();
        var ids = new[]
        {
            await host.Http.SubmitAsync(new SubmissionBuilder().WithPhoto("real-exif", "EX__jpg_gps_DSCN0042.jpg")),
            await host.Http.SubmitAsync(new SubmissionBuilder().WithPhoto("real-exif", "EX__jpg_Canon_40D.jpg")),
            await host.Http.SubmitAsync(new SubmissionBuilder().WithoutPhoto().With("caption", "A few words about the morning")),
            await host.Http.SubmitAsync(new SubmissionBuilder().WithPhoto("real-exif", "RO__Portrait_6.jpg")),
        };
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var expectedPerHour = new int[24];
        foreach (var id in ids)
        {
            expectedPerHour[TimeZoneInfo.ConvertTime((await host.Curator.WaitForQueueAsync(id))["momentAt"]!.GetValue<DateTimeOffset>(), london).Hour]++;
        }

        var page = await browser.NewPageAsync(host.Http.BaseAddress!.ToString(), width: 1280);
        await SignInAsync(page, host);
        Assert.Equal(new Dictionary<string, int> { ["Waiting"] = 4, ["Decided"] = 0 }, await CountsAsync(page, "Waiting", "Decided"));
        await Assertions.Expect(page.Locator("#chart-caption")).ToHaveTextAsync("Waiting entries per hour of the day the photo was taken (4 in all)");
        Assert.Equal(expectedPerHour, await ChartAsync(page));

        await page.Locator($"#s-{ids[0]}").CheckAsync();
        await page.Locator($"#s-{ids[1]}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve selected" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved 2 entries");

        await page.Locator($"#s-{ids[2]}").CheckAsync();
        await page.Locator($"#s-{ids[3]}").CheckAsync();
        await page.Locator("#bulk-reason").FillAsync("Not taken on the day.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject selected" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Rejected 2 entries");

        await host.Http.WaitForStatusAsync(ids[0], "published");
        await host.Http.WaitForStatusAsync(ids[1], "published");
        Assert.Equal("Not taken on the day.", (await host.Http.WaitForStatusAsync(ids[2], "rejected"))["reason"]!.GetValue<string>());
        await host.Http.WaitForStatusAsync(ids[3], "rejected");
        await page.GotoAsync("/api/curation");
        Assert.Equal(new Dictionary<string, int> { ["Waiting"] = 0, ["Decided"] = 4 }, await CountsAsync(page, "Waiting", "Decided"));
        await Assertions.Expect(page.Locator("#count-approved")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#count-rejected")).ToHaveTextAsync("2");
        Assert.Equal(new int[24], await ChartAsync(page)); // nothing waits in any hour now

        // The recent decisions, newest first, each as it now stands.
        await page.GotoAsync("/api/curation?state=decided");
        var newestFirst = ids.Reverse().Select(id => $"c-{id}").ToArray();
        Assert.Equal(newestFirst, await page.Locator("article.card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.id)"));
        await Assertions.Expect(page.Locator($"#c-{ids[0]} .state")).ToHaveTextAsync("Published");
        await Assertions.Expect(page.Locator($"#c-{ids[2]} .state")).ToHaveTextAsync("Not published");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_edit_page_changes_an_entry_and_is_accessible()
    {
        await using var host = await SolidayHost.StartAsync();
        var id = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Speling mistake"));
        await host.Curator.WaitForQueueAsync(id);
        var page = await browser.NewPageAsync(host.Http.BaseAddress!.ToString(), width: 1280);
        await page.GotoAsync("/api/curation/signin");
        await page.Locator("#token").FillAsync(host.CuratorToken);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Curation");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded); // curation.js is deferred: its keys work from here

        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("e");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Edit an entry");
        await page.AssertAccessibleAsync();
        await page.Locator("#text").FillAsync("Spelling mistake, mended");
        await page.Locator("#text").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the changes" }).PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Changes saved");
        await Assertions.Expect(page.Locator($"#c-{id} .text")).ToHaveTextAsync("Spelling mistake, mended");
    }

    [Fact]
    public async Task Signing_out_from_the_curation_page_ends_the_session()
    {
        await using var host = await SolidayHost.StartAsync();
        var page = await browser.NewPageAsync(host.Http.BaseAddress!.ToString(), width: 1280);
        await SignInAsync(page, host);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/api/curation/signin$"));
        await page.GotoAsync("/api/curation");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/api/curation/signin$")); // signed out, not just sent away
    }

    [Fact]
    public async Task A_curator_removes_a_published_entry_for_good_from_its_card()
    {
        await using var host = await SolidayHost.StartAsync();
        var id = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "A house number, clear as day"));
        await host.Curator.WaitForQueueAsync(id);
        using (var approval = await host.Curator.ApproveAsync(id))
        {
            await host.Http.WaitForStatusAsync(id, "published");
        }

        var page = await browser.NewPageAsync(host.Http.BaseAddress!.ToString(), width: 1280);
        await SignInAsync(page, host);
        await page.GotoAsync("/api/curation?state=published");
        await page.Locator($"#reason-{id}").FillAsync("The owner of the house asked us.");
        await page.Locator($"#c-{id}").GetByRole(AriaRole.Button, new() { Name = "Remove for good" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Removed");
        await Assertions.Expect(page.Locator($"#c-{id}")).ToHaveCountAsync(0);
        var status = await host.Http.StatusAsync(id);
        Assert.Equal("removed", status["status"]!.GetValue<string>());
        Assert.Equal("The owner of the house asked us.", status["reason"]!.GetValue<string>());
        Assert.False(await host.Http.SiteHasAsync($"entries/{id}.html"));
    }

    private static async Task SignInAsync(IPage page, SolidayHost host)
    {
        await page.GotoAsync("/api/curation/signin");
        await page.Locator("#token").FillAsync(host.CuratorToken);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Curation");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded); // curation.js is deferred: its keys work from here
    }

    /// <summary>The count beside each named state in the page's navigation.</summary>
    private static async Task<Dictionary<string, int>> CountsAsync(IPage page, params string[] states)
    {
        var counts = new Dictionary<string, int>();
        foreach (var state in states)
        {
            var link = page.Locator("ul.counts a").Filter(new() { HasTextRegex = new Regex($"^{state} \\d+$") });
            counts[state] = int.Parse(await link.Locator(".count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>The hour chart's numbers, from the table that goes with it (text content: the table is in a closed details element).</summary>
    private static async Task<int[]> ChartAsync(IPage page) =>
        [.. (await page.Locator("figure.chart tbody td").AllTextContentsAsync()).Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture))];
}
