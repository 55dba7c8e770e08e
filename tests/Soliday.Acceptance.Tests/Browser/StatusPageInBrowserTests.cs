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
        var (id, takedownUrl) = await SubmitAsync(new SubmissionBuilder().With("caption", "The parade, from my window"));
        await Host.Curator.WaitForQueueAsync(id);
        using var rejection = await Host.Curator.RejectAsync(id, Reason);
        await Host.Http.WaitForStatusAsync(id, "rejected");
        var page = await OpenStatusPageAsync(id, KeyQuery(takedownUrl)); // as bookmarked after sending

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your entry was not published.");
        await Assertions.Expect(page.GetByText($"The reason given: {Reason}")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "See your entry on the timeline" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("dd.text")).ToHaveTextAsync("The parade, from my window"); // what they sent, to send again
        await page.AssertAccessibleAsync();
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

    /// <summary>The status page's query as the resident's bookmark has it: the take-down link's key.</summary>
    private static string KeyQuery(string takedownUrl) => takedownUrl[takedownUrl.IndexOf('?', StringComparison.Ordinal)..];

    private async Task<IPage> OpenStatusPageAsync(string id, string query = "")
    {
        var page = await browser.NewPageAsync(Host.Http.BaseAddress!.ToString());
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
