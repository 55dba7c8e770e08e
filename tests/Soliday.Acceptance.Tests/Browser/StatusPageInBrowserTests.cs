using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>The status page a resident keeps, in real Chromium, once their entry's story has ended.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class StatusPageInBrowserTests(SharedHost shared, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task The_sender_sees_their_photo_and_the_page_changes_by_itself_when_a_curator_approves()
    {
        var (id, takedownUrl) = await SubmitAsync(new SubmissionBuilder()
            .With("caption", "Kites over Elmdon Park")
            .With("alt", "Three red kites against a grey sky above the trees"));
        var page = await OpenStatusPageAsync(id, KeyQuery(takedownUrl), width: 390); // at once, as a resident lands on it after sending

        // Once its small copies exist, the page shows them by itself: status.js brings the news in.
        var thumbnail = page.Locator(".status-photos img");
        await Assertions.Expect(thumbnail).ToBeVisibleAsync(new() { Timeout = ChangeTimeout });
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your entry is waiting for a curator.");
        await Assertions.Expect(thumbnail).ToHaveAttributeAsync("alt", "Three red kites against a grey sky above the trees");
        Assert.True(await thumbnail.LoadedImageWidthAsync() > 0, "the photo's small copy did not load");
        await Assertions.Expect(page.Locator("dl.summary")).ToContainTextAsync("Anyone may reuse it if they name you"); // the choice the form offered, in its words
        await Assertions.Expect(page.Locator("dl.summary")).Not.ToContainTextAsync("CC BY"); // the licence's short name is the reuse page's
        await Assertions.Expect(page.Locator(".reference")).ToHaveTextAsync(ReferenceOf(id));
        Assert.Contains($"reference <strong class=\"reference\">{ReferenceOf(id)}</strong>", await Host.Curator.CurationCardAsync(id)); // what the resident quotes, a curator sees
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Share another" })).ToHaveAttributeAsync("href", "/api/submit");
        await Assertions.Expect(page.GetByText("This page looks again by itself")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("status-waiting", 390, 1280);
        await page.EvaluateAsync("() => { window.sameDocument = true; }"); // gone if the page were reloaded

        using var approval = await Host.Curator.ApproveAsync(id);

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your entry is on the timeline.", new() { Timeout = ChangeTimeout });
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the news came in without a reload, so a screen reader hears it");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "See your entry on the timeline" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Check again now" })).ToHaveCountAsync(0);
        Assert.True(await page.Locator(".status-photos img").LoadedImageWidthAsync() > 0, "the published photo's small copy did not load");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("status-published", 390, 1280);
    }

    [Fact]
    public async Task Without_JavaScript_a_waiting_entry_offers_to_check_again()
    {
        var (id, takedownUrl) = await SubmitAsync(new SubmissionBuilder().With("caption", "Queue at the Touchwood fountain"));
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        var page = await browser.NewPageAsync(Host.Http.BaseAddress!.ToString(), width: 390, javaScript: false);
        await page.GotoAsync($"/api/submissions/{id}{KeyQuery(takedownUrl)}");
        await Assertions.Expect(page.GetByText("This page looks again by itself")).ToBeHiddenAsync(); // not said where it is not true
        using var approval = await Host.Curator.ApproveAsync(id);
        await Host.Http.WaitForStatusAsync(id, "published");

        await page.GetByRole(AriaRole.Link, new() { Name = "Check again now" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your entry is on the timeline.");
        Assert.True(await page.Locator(".status-photos img").LoadedImageWidthAsync() > 0, "the photo's small copy did not load");
    }

    [Fact]
    public async Task Taking_an_entry_down_looks_final_and_says_what_will_be_removed_before_it_is()
    {
        var (id, takedownUrl) = await SubmitAsync(new SubmissionBuilder().With("caption", "My nan's garden gate on Streetsbrook Road").With("credit", "Jo"));
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        var page = await OpenStatusPageAsync(id, KeyQuery(takedownUrl), width: 390);

        var remove = page.GetByRole(AriaRole.Link, new() { Name = "Remove my entry" });
        await Assertions.Expect(remove).ToHaveClassAsync(new Regex("\\bdanger\\b"));
        Assert.Equal("rgb(176, 0, 32)", await remove.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor")); // the error red, not the friendly blue
        await remove.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Remove your entry");
        var removes = page.Locator("ul.removes");
        await Assertions.Expect(removes).ToContainTextAsync("your photo, from the timeline and from our storage");
        await Assertions.Expect(removes).ToContainTextAsync("your words: My nan's garden gate on Streetsbrook Road");
        await Assertions.Expect(removes).ToContainTextAsync("your name as shown (Jo)");
        await Assertions.Expect(page.GetByText("Removing it cannot be undone.")).ToBeVisibleAsync();
        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "Yes, remove my entry" });
        await Assertions.Expect(confirm).ToHaveClassAsync(new Regex("\\bdanger\\b"));
        Assert.Equal("awaiting-curation", (await Host.Http.StatusAsync(id))["status"]!.GetValue<string>()); // nothing removed by opening the page
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("takedown-confirm-status", 390, 1280);

        await confirm.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your entry is being removed");
        await Host.Http.WaitForErasureAsync(id, SolidayApi.SendersKey(id));
    }

    [Fact]
    public async Task A_published_entry_links_to_its_own_page_on_the_timeline()
    {
        var (id, _) = await SubmitAsync(new SubmissionBuilder().With("caption", "Brass band on the Malvern Park bandstand"));
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        using var approval = await Host.Curator.ApproveAsync(id);
        await Host.Http.WaitForStatusAsync(id, "published");
        var page = await OpenStatusPageAsync(id);

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your entry is on the timeline.");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See your entry on the timeline" }).ClickAsync();

        await page.WaitForURLAsync(new Regex($"/site/entries/{id}\\.html$"));
        await Assertions.Expect(page.Locator("main article")).ToContainTextAsync("Brass band on the Malvern Park bandstand");
    }

    [Fact]
    public async Task A_rejected_entry_shows_the_curator_s_reason()
    {
        const string Reason = "We could not make out the parade: the photo is mostly sky. Do send another!";
        var (id, takedownUrl) = await SubmitAsync(new SubmissionBuilder().WithoutPhoto().With("caption", "The parade, from my window"));
        await Host.Curator.WaitForQueueAsync(id);
        using var rejection = await Host.Curator.RejectAsync(id, Reason);
        await Host.Http.WaitForStatusAsync(id, "rejected");
        var page = await OpenStatusPageAsync(id, KeyQuery(takedownUrl)); // as bookmarked after sending

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your entry was not published.");
        await Assertions.Expect(page.GetByText($"The reason given: {Reason}")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "See your entry on the timeline" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".words")).ToHaveTextAsync("The parade, from my window"); // what they sent, to send again
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Share another" }).ClickAsync(); // a way back to the form

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Share your day");
    }

    [Fact]
    public async Task A_rejected_entry_shows_anyone_without_its_key_its_state_and_nothing_of_it()
    {
        var (id, _) = await SubmitAsync(new SubmissionBuilder().With("caption", "Only mine to read again").With("credit", "Kit Private"));
        await Host.Curator.WaitForQueueAsync(id);
        using var rejection = await Host.Curator.RejectAsync(id, "Faces of children we cannot ask.");
        await Host.Http.WaitForStatusAsync(id, "rejected");

        var page = await OpenStatusPageAsync(id);

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your entry was not published.");
        var text = await page.Locator("main").InnerTextAsync();
        foreach (var word in new[] { "Only mine to read again", "Kit Private", "Faces of children", "What you sent" })
        {
            Assert.DoesNotContain(word, text);
        }
    }

    [Fact]
    public async Task A_failed_entry_says_why_in_words_for_a_resident()
    {
        // Its header is sound, so the form takes it; the image data is cut short.
        var (id, takedownUrl) = await SubmitAsync(new SubmissionBuilder().WithPhoto("malformed", "PI__truncated_image.png"));
        await Host.Http.WaitForStatusAsync(id, "failed");
        var page = await OpenStatusPageAsync(id, KeyQuery(takedownUrl));

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Something went wrong with your entry.");
        await Assertions.Expect(page.GetByText("The reason given: We could not read this picture")).ToBeVisibleAsync();
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotMatch(new Regex("Exception|ImageSharp|unreadable|stack", RegexOptions.IgnoreCase), text);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_withdrawn_entry_says_it_was_removed_and_shows_nothing_of_it()
    {
        var (id, takedownUrl) = await SubmitAsync(new SubmissionBuilder().With("caption", "Please forget this one"));
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        await Host.Http.TakeDownAsync(takedownUrl);
        var page = await OpenStatusPageAsync(id, KeyQuery(takedownUrl)); // as bookmarked, with its key

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your entry has been removed, as you asked.");
        await Assertions.Expect(page.GetByText("Please forget this one")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What you sent" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "remove my entry" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
    }

    /// <summary>The entry's last eight hex digits in two groups: what the resident reads and quotes.</summary>
    private static string ReferenceOf(string id) => $"{id[24..28].ToUpperInvariant()}-{id[28..].ToUpperInvariant()}";

    /// <summary>The page looks every 5 s; a shared host busy decoding other tests' photos may take a while to prepare and publish.</summary>
    private const float ChangeTimeout = 60_000;

    /// <summary>The status page's query as the resident's bookmark has it: the take-down link's key.</summary>
    private static string KeyQuery(string takedownUrl) => takedownUrl[takedownUrl.IndexOf('?', StringComparison.Ordinal)..];

    private async Task<IPage> OpenStatusPageAsync(string id, string query = "", int width = 375)
    {
        var page = await browser.NewPageAsync(Host.Http.BaseAddress!.ToString(), width);
        await page.GotoAsync($"/api/submissions/{id}{query}");
        return page;
    }

    private async Task<(string Id, string TakedownUrl)> SubmitAsync(SubmissionBuilder submission)
    {
        using var response = await Host.Http.PostSubmissionAsync(submission);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (body["id"]!.GetValue<string>(), body["takedownUrl"]!.GetValue<string>());
    }
}
