using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;
using Xunit.Abstractions;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>
/// How old a reader the pages residents read need to be (<see cref="ReadingAge"/>), from the words
/// Chromium shows in each page's main part: the form, the status page while waiting and once
/// published, and the about page. The aim is a reading age of 9 to 11; each page's figure is printed,
/// and a page past <see cref="OldestReadingAge"/> fails.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class ReadingAgeInBrowserTests(SharedHost shared, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    /// <summary>Above the aim, so a page drifting into officialese fails before it reaches residents.</summary>
    private const double OldestReadingAge = 12;

    /// <summary>Enough words for the figure to mean something, and a check the page's text was read at all.</summary>
    private const int FewestWords = 40;

    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task The_form_the_status_page_and_the_about_page_read_at_a_reading_age_of_twelve_or_under()
    {
        using var sent = await Host.Http.PostSubmissionAsync(new SubmissionBuilder().With("caption", "Tea at the library after the walk"));
        var body = JsonNode.Parse(await sent.Content.ReadAsStringAsync())!;
        var id = body["id"]!.GetValue<string>();
        var takedownUrl = body["takedownUrl"]!.GetValue<string>();
        var key = takedownUrl[takedownUrl.IndexOf('?', StringComparison.Ordinal)..];
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        var waiting = await MeasureAsync($"/api/submissions/{id}{key}");
        using var approval = await Host.Curator.ApproveAsync(id);
        await Host.Http.WaitForStatusAsync(id, "published");

        var pages = new (string Name, ReadingAge Age)[]
        {
            ("the form", await MeasureAsync("/api/submit")),
            ("the status page, waiting", waiting),
            ("the status page, published", await MeasureAsync($"/api/submissions/{id}{key}")),
            ("the about page", await MeasureAsync("/site/about.html")),
        };

        output.WriteLine("| page | sentences | words | words a sentence | syllables a word | Flesch-Kincaid grade | reading age |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, age) in pages)
        {
            output.WriteLine($"| {name} | {age.Sentences} | {age.Words} | {age.WordsPerSentence:F1} | {age.SyllablesPerWord:F2} | {age.Grade:F1} | **{age.Years:F1}** |");
        }

        Assert.All(pages, page => Assert.True(page.Age.Words >= FewestWords, $"{page.Name}: only {page.Age.Words} words read"));
        Assert.All(pages, page => Assert.True(page.Age.Years <= OldestReadingAge, $"{page.Name} needs a reading age of {page.Age.Years:F1}"));
    }

    private async Task<ReadingAge> MeasureAsync(string path)
    {
        var page = await browser.NewPageAsync(Host.Http.BaseAddress!.ToString());
        await page.GotoAsync(path);
        return ReadingAge.Of(await page.Locator("main").InnerTextAsync());
    }
}
