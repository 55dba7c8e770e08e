using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Soliday.Acceptance.Tests.Support;
using Soliday.Submissions;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>
/// Reports are bounded (per connection and hour, per entry) and erased with their entry: a host of
/// their own, that reads each test's address from <c>X-Forwarded-For</c> (so the tests' counts are
/// apart) and logs every line (so the logs can be searched for what a report said).
/// </summary>
public sealed class ProblemReportBoundsTests(ProblemReportBoundsTests.Host fixture) : IClassFixture<ProblemReportBoundsTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public const string Curators = "curators@example.org";

        public SolidayHost Soliday { get; private set; } = null!;

        public LocalMailServer Mail { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Mail = await LocalMailServer.StartAsync();
            var settings = Mail.Settings;
            settings["Notifications__CuratorAddresses__0"] = Curators;
            settings["Soliday__Day"] = SharedHost.Day;
            settings["Submissions__ClientAddressHeader"] = "X-Forwarded-For";
            settings["Logging__LogLevel__Default"] = "Information";
            Soliday = await SolidayHost.StartAsync(settings);
        }

        public async Task DisposeAsync()
        {
            await Soliday.DisposeAsync();
            await Mail.DisposeAsync();
        }
    }

    private SolidayHost Soliday => fixture.Soliday;

    [Fact]
    public async Task Reports_stop_at_the_cap_of_one_entry_and_at_the_hourly_limit_of_one_connection_with_clear_errors()
    {
        const string Address = "198.51.100.20";
        var first = await Soliday.PublishEntryAsync("Reported by many");
        var second = await Soliday.PublishEntryAsync("Reported after the first was full");
        for (var i = 0; i < ProblemReports.MaxOpenPerEntry; i++)
        {
            using var kept = await Soliday.ReportAsync(first, "hurtful", forwardedFor: Address);
            Assert.Equal(HttpStatusCode.Accepted, kept.StatusCode);
        }

        using var full = await Soliday.ReportAsync(first, "hurtful", forwardedFor: Address);
        var remaining = ReportProblemEndpoint.ReportsPerHourFromOneConnection - ProblemReports.MaxOpenPerEntry - 1;
        for (var i = 0; i < remaining; i++)
        {
            using var kept = await Soliday.ReportAsync(second, "private", forwardedFor: Address);
            Assert.Equal(HttpStatusCode.Accepted, kept.StatusCode);
        }

        using var limited = await Soliday.ReportAsync(second, "private", forwardedFor: Address);
        using var neighbour = await Soliday.ReportAsync(second, "private", forwardedFor: "203.0.113.20");

        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Equal("entry-reports-full", (await full.ProblemAsync())["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var problem = await limited.ProblemAsync();
        Assert.Equal("rate-limited", problem["code"]!.GetValue<string>());
        Assert.Contains("We take up to 30 reports an hour from one connection", problem["detail"]!.GetValue<string>());
        Assert.True(int.Parse(limited.Headers.RetryAfter!.ToString()) > 0);
        Assert.Equal(HttpStatusCode.Accepted, neighbour.StatusCode); // another connection is not held back
        var reports = (await Soliday.Curator.GetFromJsonAsync<JsonArray>("/api/curation/reports"))!;
        Assert.Equal(ProblemReports.MaxOpenPerEntry, reports.Count(r => r!["entryId"]!.GetValue<string>() == first));
        Assert.Equal(remaining + 1, reports.Count(r => r!["entryId"]!.GetValue<string>() == second));
    }

    [Fact]
    public async Task Curators_are_emailed_at_once_that_someone_is_in_a_photo_without_the_words_of_the_report()
    {
        var n = Guid.NewGuid().ToString("N")[..12];
        var id = await Soliday.PublishEntryAsync($"Parade{n} on the high street");
        var before = fixture.Mail.To(Host.Curators).Count;

        using var sent = await Soliday.ReportAsync(id, "in-photo-without-consent", $"Alert{n}: that is me by the float", $"float{n}@example.org", forwardedFor: "198.51.100.22");

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var alert = (await fixture.Mail.WaitForAsync(Host.Curators, before + 1)).Last();
        Assert.Equal("#Soliday, urgent: someone says they are in a photo without having agreed", alert.Subject);
        Assert.Contains($"{Soliday.Http.BaseAddress}api/curation/reports", alert.TextBody);
        Assert.DoesNotContain($"Alert{n}", alert.TextBody); // the words and the address stay on the curators' page
        Assert.DoesNotContain($"float{n}", alert.TextBody);
        Assert.DoesNotContain($"Parade{n}", alert.TextBody);
    }

    [Fact]
    public async Task Removing_a_reported_entry_deletes_its_reports_and_no_store_or_log_holds_what_they_said()
    {
        var n = Guid.NewGuid().ToString("N")[..12];
        var id = await Soliday.PublishEntryAsync($"Crowd{n} at the fair");
        var words = $"Report{n}: my child is in this photo";
        var email = $"parent{n}@example.org";
        using var sent = await Soliday.ReportAsync(id, "in-photo-without-consent", words, email, forwardedFor: "198.51.100.21");
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var before = await StorageScan.TakeAsync(Soliday);
        Assert.NotEmpty(before.PlacesHolding(words)); // the scan finds the report while it is there: it cannot pass by finding nothing
        Assert.NotEmpty(before.PlacesHolding(email));

        using var removal = await Soliday.Curator.RemoveAsync(id, "Taken off because someone in it had not agreed to be shown.");

        Assert.Equal(HttpStatusCode.Accepted, removal.StatusCode);
        var after = await StorageScan.TakeAsync(Soliday);
        Assert.Empty(after.PlacesHolding(words));
        Assert.Empty(after.PlacesHolding(email));
        Assert.Empty(after.PlacesHolding($"Crowd{n}"));
        var reports = (await Soliday.Curator.GetFromJsonAsync<JsonArray>("/api/curation/reports"))!;
        Assert.DoesNotContain(reports, r => r!["entryId"]!.GetValue<string>() == id);
        Assert.DoesNotContain($"Report{n}", Soliday.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(email, Soliday.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Problem report", Soliday.Output); // the host did log the report, by its id only
    }
}
