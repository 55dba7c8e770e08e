using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>
/// A curator on a busy day in real Chromium: each action brings them back to the next card, not the
/// top; the page says when new entries come; every box can be ticked at once; a duplicate is seen
/// beside the photo it repeats. With and without scripts.
/// </summary>
public sealed class CurationPlaceInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Approving_a_card_lands_on_the_next_card_and_names_the_entry_by_its_caption()
    {
        await using var host = await SolidayHost.StartAsync();
        var ids = new List<string>();
        foreach (var caption in new[] { "The bakery opens at six", "Swans on the canal", "A queue for the number 11 bus" })
        {
            ids.Add(await host.Http.SubmitAsync(new SubmissionBuilder().WithoutPhoto().With("caption", caption)));
            await host.Curator.WaitForQueueAsync(ids[^1]);
        }

        var page = await browser.NewPageAsync(host.Http.BaseAddress!.ToString(), width: 1280);
        await SignInAsync(page, host);

        // J to the first card, J to the second, A: back on the same page, at the third card, with the focus there.
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        Assert.Equal($"c-{ids[1]}", await page.FocusedIdAsync());
        await page.Keyboard.PressAsync("a");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Approved “Swans on the canal”: publishing now.");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"#c-{ids[2]}$"));
        await Assertions.Expect(page.Locator($"#c-{ids[2]}")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("k"); // the shortcuts carry on from there
        await Assertions.Expect(page.Locator($"#c-{ids[0]}")).ToBeFocusedAsync();

        // The decision is on the list of recent decisions, publishing or (a moment later) published, under the curator's name.
        await page.GotoAsync("/api/curation?state=decided");
        await Assertions.Expect(page.Locator($"#c-{ids[1]} .state")).ToHaveTextAsync(new Regex("^(Publishing|Published)$"));
        await Assertions.Expect(page.Locator($"#c-{ids[1]} .decision")).ToContainTextAsync($"approved by {Soliday.Curation.CurationOptions.LocalCuratorName}");
        await host.Http.WaitForStatusAsync(ids[1], "published");

        // A refusal is said beside its card, and the page stays accessible with it.
        await page.GotoAsync("/api/curation");
        await page.Locator($"#c-{ids[0]}").GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#p-{ids[0]}")).ToHaveTextAsync(new Regex("^A reason is needed\\. Say in a few kind words"));
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Without_scripts_an_action_comes_back_to_the_next_card_and_a_refusal_is_shown_beside_its_card()
    {
        await using var host = await SolidayHost.StartAsync();
        var first = await host.Http.SubmitAsync(new SubmissionBuilder().WithoutPhoto().With("caption", "Morning market stalls"));
        await host.Curator.WaitForQueueAsync(first);
        var second = await host.Http.SubmitAsync(new SubmissionBuilder().WithoutPhoto().With("caption", "Lunch in the park"));
        await host.Curator.WaitForQueueAsync(second);

        var page = await browser.NewPageAsync(host.Http.BaseAddress!.ToString(), width: 390, javaScript: false);
        await SignInAsync(page, host);

        // Reject with no reason: nothing changes, and the reason is asked for at that card.
        await page.Locator($"#c-{first}").GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#p-{first}")).ToContainTextAsync("A reason is needed");
        await Assertions.Expect(page.Locator($"#reason-{first}")).ToHaveAttributeAsync("aria-describedby", $"p-{first}");

        // Approve the first: back at the second card.
        await page.Locator($"#c-{first}").GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Approved “Morning market stalls”: publishing now.");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"#c-{second}$"));
        await Assertions.Expect(page.Locator($"#c-{first}")).ToHaveCountAsync(0);

        // "Select all" works without scripts too: a fresh page with every box ticked.
        await page.GetByRole(AriaRole.Link, new() { Name = "Select all on this page" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#s-{second}")).ToBeCheckedAsync();
        await page.Locator("#bulk-reason").FillAsync("Taken on another day.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject selected" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Rejected 1 entry.");
        await host.Http.WaitForStatusAsync(second, "rejected");
    }

    [Fact]
    public async Task The_page_tells_of_new_entries_without_a_reload_and_select_all_ticks_every_box_by_keyboard()
    {
        await using var host = await SolidayHost.StartAsync();
        var ids = new List<string>();
        foreach (var file in new[] { "EX__jpg_gps_DSCN0042.jpg", "RO__Portrait_6.jpg" })
        {
            ids.Add(await host.Http.SubmitAsync(new SubmissionBuilder().WithPhoto("real-exif", file)));
            await host.Curator.WaitForQueueAsync(ids[^1]);
        }

        var page = await browser.NewPageAsync(host.Http.BaseAddress!.ToString(), width: 1280);
        await SignInAsync(page, host);
        await Assertions.Expect(page.Locator("#new-entries")).ToBeEmptyAsync();

        // A resident sends one more; the page learns of it at its next poll (here: the tab coming back into view).
        var late = await host.Http.SubmitAsync(new SubmissionBuilder().WithoutPhoto().With("caption", "Evening bells"));
        await host.Curator.WaitForQueueAsync(late);
        await SolidayApi.EventuallyAsync(async () =>
        {
            await page.EvaluateAsync("() => document.dispatchEvent(new Event('visibilitychange'))");
            await Task.Delay(200);
            return await page.Locator("#new-entries").TextContentAsync() is { Length: > 0 };
        }, "the page counts the new entry");
        await Assertions.Expect(page.Locator("#new-entries")).ToHaveTextAsync("1 new entry since you opened this page. Show the newest first");
        await Assertions.Expect(page.Locator("#new-entries")).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(page.Locator($"#c-{late}")).ToHaveCountAsync(0); // told, not reloaded under the curator's hands

        // Select all by keyboard: Space on the box ticks every card; a card unticked unticks it.
        await page.Locator("#select-all").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        foreach (var id in ids)
        {
            await Assertions.Expect(page.Locator($"#s-{id}")).ToBeCheckedAsync();
        }

        await page.Locator($"#s-{ids[0]}").UncheckAsync();
        await Assertions.Expect(page.Locator("#select-all")).Not.ToBeCheckedAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("curation-board", 390, 1280);

        // The newest first, as the notice offers: the late entry leads.
        await page.GetByRole(AriaRole.Link, new() { Name = "Show the newest first" }).ClickAsync();
        Assert.Equal($"c-{late}", await page.Locator("article.card").First.GetAttributeAsync("id"));
    }

    [Fact]
    public async Task A_duplicate_is_compared_side_by_side_with_large_photos_and_the_card_shows_what_the_resident_gave()
    {
        await using var host = await SolidayHost.StartAsync();
        var original = await host.Http.SubmitAsync(new SubmissionBuilder().WithPhoto("real-exif", "EX__jpg_gps_DSCN0042.jpg").With("alt", "A red bus at the stop"));
        await host.Curator.WaitForQueueAsync(original);
        var repeat = await host.Http.SubmitAsync(new SubmissionBuilder().WithPhoto("real-exif", "EX__jpg_gps_DSCN0042.jpg")
            .With("alt", "The same red bus, sent again").With("email", "resident@example.org"));
        await host.Curator.WaitForQueueAsync(repeat);

        var page = await browser.NewPageAsync(host.Http.BaseAddress!.ToString(), width: 1280);
        await SignInAsync(page, host);
        var card = page.Locator($"#c-{repeat}");
        await Assertions.Expect(card.Locator("[data-flag=duplicate]")).ToHaveCountAsync(1);
        await Assertions.Expect(card.Locator(".compare img")).ToHaveCountAsync(2);
        foreach (var image in await card.Locator(".compare img").AllAsync())
        {
            await image.ScrollIntoViewIfNeededAsync();
            Assert.True(await LoadedWidthAsync(image) >= 480, "each photo of the pair is shown large");
        }

        await Assertions.Expect(card.Locator(".private")).ToContainTextAsync("The same red bus, sent again");
        await Assertions.Expect(card.Locator(".private")).ToContainTextAsync("resident@example.org");
        await Assertions.Expect(card.Locator(".times")).ToContainTextAsync("Arrived");
        await Assertions.Expect(card.Locator(".times")).ToContainTextAsync("Photo taken");

        // Every flag a card can show is offered by the filter, and the duplicate filter finds this one.
        var flags = await page.Locator("#filter-flag option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.Contains("duplicate", flags);
        Assert.Contains("near-duplicate", flags);
        await page.GotoAsync("/api/curation?state=awaiting-curation&flag=duplicate");
        Assert.Equal([$"c-{repeat}"], await page.Locator("article.card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.id)"));

        // O opens the card's photo large in a dialog; Escape closes it.
        await page.Locator($"#c-{repeat}").FocusAsync();
        await page.Keyboard.PressAsync("o");
        await Assertions.Expect(page.Locator("dialog.photo-dialog")).ToBeVisibleAsync();
        Assert.True(await LoadedWidthAsync(page.Locator("dialog.photo-dialog img")) >= 480);
        await page.AssertAccessibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("dialog.photo-dialog")).ToBeHiddenAsync();

        // The address is the curators' alone: not on the public status page.
        var status = await host.Http.PublicStatusAsync(repeat);
        Assert.DoesNotContain("resident@example.org", status.ToJsonString());
    }

    /// <summary>The image's decoded width once it has loaded (a wait that gives up, unlike a promise that may never settle).</summary>
    private static async Task<int> LoadedWidthAsync(ILocator image)
    {
        await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true, new() { Timeout = 15_000 });
        return await image.EvaluateAsync<int>("img => img.naturalWidth");
    }

    private static async Task SignInAsync(IPage page, SolidayHost host)
    {
        await page.GotoAsync("/api/curation/signin");
        await page.Locator("#token").FillAsync(host.CuratorToken);
        await page.Locator("#token").PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Curation");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded); // curation.js is deferred: its keys work from here
    }
}
