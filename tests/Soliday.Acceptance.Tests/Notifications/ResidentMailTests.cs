using System.Net;
using System.Text.RegularExpressions;
using Soliday.Acceptance.Tests.Support;
using Soliday.Storage;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Notifications;

/// <summary>
/// A resident who ticks "Email me a receipt" gets exactly two emails, through a real SMTP server: the
/// receipt with working links, and one note of the outcome. Without the tick, nothing at all.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed partial class ResidentMailTests(SharedHost shared)
{
    /// <summary>Time enough for a mail that should not come to have come, had the workflow sent one.</summary>
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_resident_who_asks_gets_one_receipt_whose_take_down_link_works()
    {
        await using var mail = await LocalMailServer.StartAsync();
        await using var host = await SolidayHost.StartAsync(mail.Settings);
        using var form = await host.Http.GetAsync("/api/submit");
        Assert.Contains("Email me a receipt", await form.Content.ReadAsStringAsync());

        var id = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "The bandstand at noon").With("email", "jo@example.org").With("receipt", "true"));
        var receipt = (await mail.WaitForAsync("jo@example.org", 1)).Single();
        var links = Links().Matches(receipt.TextBody ?? "").Select(m => m.Value).ToList();
        var statusUrl = links.Single(l => l.Contains($"/api/submissions/{id}?key=", StringComparison.Ordinal));
        var takedownUrl = links.Single(l => l.Contains($"/api/submissions/{id}/takedown?key=", StringComparison.Ordinal));
        using var status = await host.Http.GetAsync(statusUrl);
        using var confirm = await host.Http.GetAsync(takedownUrl);
        using var removal = await host.Http.PostAsync(takedownUrl, null);

        Assert.Equal("Your #Soliday entry has arrived", receipt.Subject);
        Assert.Equal(LocalMailServer.From, receipt.From.Mailboxes.Single().Address);
        Assert.StartsWith(host.Http.BaseAddress!.ToString(), takedownUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, removal.StatusCode); // recorded; the erasure is queued
        Assert.Equal("withdrawn", (await host.Http.StatusAsync(id, takedownUrl.Split("key=")[1]))["status"]!.GetValue<string>());
        await host.Http.WaitForErasureAsync(id, takedownUrl.Split("key=")[1]);
        await Task.Delay(QuietPeriod);
        Assert.Single(mail.To("jo@example.org")); // taken down by the resident: no note follows
        var record = (await host.Blobs.GetBlobContainerClient(StorageLayout.Entries).GetBlobClient($"{id}.json").DownloadContentAsync()).Value.Content.ToString();
        Assert.DoesNotContain("jo@example.org", record); // the address went with the entry
        Assert.DoesNotContain("jo@example.org", host.Output);
    }

    [Fact]
    public async Task Published_and_rejected_entries_get_one_note_each_and_an_entry_without_the_tick_gets_nothing()
    {
        await using var mail = await LocalMailServer.StartAsync();
        await using var host = await SolidayHost.StartAsync(mail.Settings);
        var quiet = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "No receipt, please").With("email", "robin@example.org"));
        var published = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Morris dancers").With("email", "jo@example.org").With("receipt", "true"));
        var rejected = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "A private garden").With("email", "sam@example.org").With("receipt", "true"));
        foreach (var id in new[] { quiet, published, rejected })
        {
            await host.Curator.WaitForQueueAsync(id);
        }

        // The entry without the tick is decided first, so its note, were there one, would come first.
        using (await host.Curator.ApproveAsync(quiet))
        using (await host.Curator.ApproveAsync(published))
        using (await host.Curator.RejectAsync(rejected, "It shows a private garden, so we could not publish it."))
        {
            await host.Http.WaitForStatusAsync(quiet, "published");
        }

        var jo = await mail.WaitForAsync("jo@example.org", 2);
        var sam = await mail.WaitForAsync("sam@example.org", 2);
        var entryPage = Links().Matches(jo[1].TextBody ?? "").Select(m => m.Value).Single(l => l.EndsWith($"/entries/{published}.html", StringComparison.Ordinal));
        using var page = await host.Http.GetAsync(entryPage);
        await Task.Delay(QuietPeriod);

        Assert.Equal(["Your #Soliday entry has arrived", "Your #Soliday entry is on the timeline"], jo.Select(m => m.Subject));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(["Your #Soliday entry has arrived", "Your #Soliday entry was not published"], sam.Select(m => m.Subject));
        Assert.Contains("It shows a private garden, so we could not publish it.", sam[1].TextBody);
        Assert.Equal(2, mail.To("jo@example.org").Count);
        Assert.Equal(2, mail.To("sam@example.org").Count);
        Assert.Empty(mail.To("robin@example.org"));
    }

    [Fact]
    public async Task The_receipt_is_in_the_site_s_language()
    {
        var languages = PseudoLanguage.WriteFolder();
        try
        {
            await using var mail = await LocalMailServer.StartAsync();
            var settings = mail.Settings;
            settings["Site__Language"] = PseudoLanguage.Tag;
            settings["Site__LanguageFolder"] = languages;
            await using var host = await SolidayHost.StartAsync(settings);

            var id = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "The bandstand at noon").With("email", "jo@example.org").With("receipt", "true"));
            var receipt = (await mail.WaitForAsync("jo@example.org", 1)).Single();
            var text = (receipt.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

            Assert.Equal(PseudoLanguage.Say("mail.receipt.subject"), receipt.Subject);
            Assert.Matches(Filled(PseudoLanguage.Say("mail.receipt.text")), text);
            Assert.Contains(Links().Matches(text), link => link.Value.Contains($"/api/submissions/{id}/takedown?key=", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(languages, recursive: true);
        }
    }

    [Fact]
    public async Task Where_no_email_is_set_up_the_form_does_not_offer_a_receipt()
    {
        using var form = await shared.Host.Http.GetAsync("/api/submit");

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.DoesNotContain("name=\"receipt\"", await form.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();

    /// <summary>A sentence with its placeholders filled by anything: its words, in their order, and nothing else.</summary>
    private static Regex Filled(string sentence) =>
        new("^" + string.Join(".+?", Placeholder().Split(sentence).Select(Regex.Escape)) + "$", RegexOptions.Singleline);

    [GeneratedRegex(@"\{[A-Za-z][A-Za-z0-9]*\}")]
    private static partial Regex Placeholder();
}
