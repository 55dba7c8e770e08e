using System.Text.Json.Nodes;
using Soliday.Tests.Support;
using Soliday.Timeline;

namespace Soliday.Tests.Timeline.OpenData;

/// <summary>
/// timeline.json agrees with the site: TimelineJS draws its axis from the earliest event to the
/// latest, so each event stands where the site places its entry on the day, and a photo taken years
/// ago says its own date in its text instead of stretching the axis back to it.
/// </summary>
public sealed class TimelineJsFileTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset May2008 = new(2008, 5, 30, 15, 56, 1, TimeSpan.FromHours(1));

    [Fact]
    public async Task A_photo_taken_years_ago_stands_where_the_site_places_it_with_its_own_date_in_its_text()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var today = await site.PublishAsync(await site.AddAsync("Bunting on the High Street", hour: 10, minute: 5));
        var old = await site.AddAsync("My grandad's allotment, years ago", hour: 14); // sent at 14:05 on the day
        await site.Entries.UpdateAsync(old.Id, e => e with { Photos = [.. e.Photos.Select(p => p with { Facts = p.Facts! with { CapturedAt = May2008 } })] });
        await site.PublishAsync(old);

        var events = JsonNode.Parse(await site.RequiredSiteFileAsync(SitePaths.TimelineJs))!["events"]!.AsArray();

        Assert.All(events, e => Assert.Equal(("2026", "6", "20"), Date(e!)));
        var fromTheArchive = Event(events, old.Id);
        Assert.Equal(("14", "5", "14:05"), (Field(fromTheArchive, "hour"), Field(fromTheArchive, "minute"), Field(fromTheArchive, "display_date")));
        Assert.StartsWith("<p>Taken 30 May 2008 at 15:56.</p>My grandad&#x27;s allotment", fromTheArchive["text"]!["text"]!.GetValue<string>());
        Assert.Equal("14:00 to 15:00", fromTheArchive["group"]!.GetValue<string>()); // the hour the site shows it in
        var ofTheDay = Event(events, today);
        Assert.Equal(("10", "5"), (Field(ofTheDay, "hour"), Field(ofTheDay, "minute")));
        Assert.Equal("Bunting on the High Street", ofTheDay["text"]!["text"]!.GetValue<string>()); // no note for a photo of the day
    }

    [Fact]
    public async Task A_post_placed_at_the_time_its_sender_gave_stands_at_that_time()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var entry = await site.AddAsync("Lunch at the market", hour: 16, photos: 0);
        var given = new DateTimeOffset(2026, 6, 20, 12, 30, 0, TimeSpan.FromHours(1));
        await site.Entries.UpdateAsync(entry.Id, e => e with { GivenMomentAt = given });
        await site.PublishAsync(entry);

        var lunch = Event(JsonNode.Parse(await site.RequiredSiteFileAsync(SitePaths.TimelineJs))!["events"]!.AsArray(), entry.Id);

        Assert.Equal(("12", "30", "12:30"), (Field(lunch, "hour"), Field(lunch, "minute"), Field(lunch, "display_date")));
    }

    private static JsonNode Event(JsonArray events, string id) => events.Single(e => e!["unique_id"]!.GetValue<string>() == SitePaths.EntryAnchor(id))!;

    private static string Field(JsonNode e, string name) => e["start_date"]![name]!.GetValue<string>();

    private static (string, string, string) Date(JsonNode e) => (Field(e, "year"), Field(e, "month"), Field(e, "day"));
}
