using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Testing;
using Soliday.Timeline;

namespace Soliday.Benchmarks;

/// <summary>
/// A day with many entries already published, made quickly: the hour and tag indexes written
/// whole through the app's own <see cref="TimelineIndex"/>, then every composed file and page made
/// from them by the app's own writers, as a first publish on an empty account would make them.
/// Sending ten thousand entries through HTTP and the workflow would take hours on this machine.
/// </summary>
public sealed class SiteSeeding : IAsyncDisposable
{
    public static readonly DateOnly Day = new(2026, 6, 20);

    /// <summary>A day's shape: quiet at night, busiest around noon (share of entries per hour).</summary>
    private static readonly double[] HourWeights = [1, 0.5, 0.3, 0.3, 0.5, 1, 3, 5, 6, 6, 6, 7, 8, 7, 6, 6, 6, 6, 5, 4, 3, 2, 1.5, 1];

    private static readonly string[] Hashtags = ["parkrun", "market", "library", "commute", "lunch", "school", "gardening", "dogwalk", "football", "cafe", "bus", "sunset"];
    private static readonly string[] Colours = ["green", "blue", "grey", "red", "yellow", "white", "brown", "orange"];
    private static readonly string[] Places = ["Brueton Park", "Shirley", "Knowle", "Chelmsley Wood", "Mell Square", "Dorridge"];

    private static readonly string[] Words =
        "morning light over the park with dogs and runners near the old bandstand while the market opens and a bus goes past the library on a busy street of shops and cafes in the town centre".Split(' ');

    private readonly ServiceProvider _services;

    private SiteSeeding(ServiceProvider services) => _services = services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The busiest hour of <see cref="HourWeights"/>: where the timed publishes go, the worst case.</summary>
    public static int BusiestHour => Array.IndexOf(HourWeights, HourWeights.Max());

    /// <summary>Soliday's services on an existing storage account, the day's site made as at start.</summary>
    /// <param name="requests">When given, sees every blob request the app's services make (what a publish is made of).</param>
    public static async Task<SiteSeeding> StartAsync(string connectionString, string publicUrl, BlobRequestLog? requests = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SolidayServiceCollectionExtensions.StorageConnectionKey] = connectionString,
            ["Soliday:Day"] = Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Site:PublicUrl"] = publicUrl,
            ["Submissions:SigningKey"] = Convert.ToBase64String(new byte[32]),
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSoliday();
        if (requests is not null)
        {
            var options = new BlobClientOptions();
            options.AddPolicy(requests, Azure.Core.HttpPipelinePosition.PerRetry);
            services.AddSingleton(new BlobServiceClient(connectionString, options)); // the last one registered is the one the services get
        }

        var provider = services.BuildServiceProvider();
        foreach (var setup in provider.GetServices<IHostedService>().OfType<StorageSetup>())
        {
            await setup.StartAsync(CancellationToken.None);
        }

        return new SiteSeeding(provider);
    }

    /// <summary>
    /// Real phone and camera photos of the corpus, landscape and portrait, of different weights: the
    /// seeded entries take them in turn, so a page's thumbnails are not all one photo.
    /// </summary>
    private static readonly string[] MediaPhotos =
    [
        "EX__jpg_gps_DSCN0042.jpg", "EX__jpg_mobile_jolla.jpg", "DN__jpg_Apple_iPhone_4.jpg", "DN__jpg_Blackberry_Z10.jpg",
        "EX__jpg_mobile_HMD_Nokia_8.3_5G.jpg", "DN__jpg_Samsung_GT-I9000_Galaxy_S_.jpg", "RO__Portrait_6.jpg", "EX__jpg_hdr_canon_hdr_NO.jpg",
    ];

    /// <summary>Real renditions of one corpus photo, made by the app's own pipeline, uploaded once and shared by every seeded entry.</summary>
    public async Task<IReadOnlyList<RenderedImage>> UploadSharedMediaAsync() => (await UploadMediaAsync(1))[0];

    /// <summary>Real renditions of <paramref name="count"/> corpus photos (<see cref="MediaPhotos"/>), made by the app's own pipeline, each uploaded once.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<RenderedImage>>> UploadMediaAsync(int count)
    {
        var site = Get<BlobServiceClient>().GetBlobContainerClient(StorageLayout.Site);
        var sets = new List<IReadOnlyList<RenderedImage>>();
        foreach (var (file, set) in MediaPhotos.Take(count).Select((f, i) => (f, i)))
        {
            var outcome = await Get<PhotoProcessor>().ProcessAsync(BinaryData.FromBytes(Corpus.Read("real-exif", file)));
            var images = outcome.Photo!.Renditions;
            foreach (var image in images)
            {
                await site.GetBlobClient(SharedMediaPath(image, set)).UploadAsync(image.Content, overwrite: true);
            }

            sets.Add(images);
        }

        return sets;
    }

    public static int MediaPhotoCount => MediaPhotos.Length;

    /// <summary><paramref name="count"/> published entries spread over the day's hours as a day is shaped.</summary>
    public static IReadOnlyList<TimelineEntry> Entries(int count, IReadOnlyList<RenderedImage> media) => Entries(count, [media]);

    /// <summary><paramref name="count"/> published entries spread over the day's hours, each photo one of <paramref name="mediaSets"/> in turn.</summary>
    public static IReadOnlyList<TimelineEntry> Entries(int count, IReadOnlyList<IReadOnlyList<RenderedImage>> mediaSets)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var random = new Random(count);
        var total = HourWeights.Sum();
        var entries = new List<TimelineEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var pick = random.NextDouble() * total;
            var hour = 0;
            while (pick > HourWeights[hour] && hour < 23)
            {
                pick -= HourWeights[hour++];
            }

            var local = new DateTime(Day.Year, Day.Month, Day.Day, hour, random.Next(60), random.Next(60));
            var moment = new DateTimeOffset(local, zone.GetUtcOffset(local));
            var tags = new List<EntryTag> { new(EntryTag.Hashtag, Hashtags[random.Next(Hashtags.Length)]), new("colour", Colours[random.Next(Colours.Length)]) };
            if (random.Next(2) == 0)
            {
                tags.Add(new(PublicTags.PlaceKind, Places[random.Next(Places.Length)]));
            }

            var words = Enumerable.Range(0, 8 + random.Next(25)).Select(_ => Words[random.Next(Words.Length)]);
            entries.Add(new TimelineEntry
            {
                Id = $"{i:x8}{Guid.NewGuid():N}"[..32],
                Text = $"{char.ToUpperInvariant(Words[i % Words.Length][0])}{string.Join(' ', words)} #{tags[0].Value}",
                Credit = $"Resident {i}",
                Licence = Licences.All[i % Licences.All.Count].Id,
                MomentAt = moment,
                PlacedAt = moment,
                PublishedAt = moment.AddMinutes(20),
                Tags = tags,
                Place = random.Next(3) == 0 ? "Near the library" : null,
                Featured = random.Next(40) == 0,
                Source = SourceOf(i),
                Photos = random.Next(10) == 0 ? [] :
                [
                    new TimelinePhoto("A street scene in Solihull, for the benchmark", mediaSets[i % mediaSets.Count].Max(m => m.Width), mediaSets[i % mediaSets.Count].Max(m => m.Height),
                        [.. mediaSets[i % mediaSets.Count].Select(m => new TimelineImage(SharedMediaPath(m, i % mediaSets.Count), m.Format, m.Width, m.Height))]),
                ],
            });
        }

        return entries;
    }

    /// <summary>How the seeded entries came, for the numbers page: most by the form, some from the hashtag, a few from a partner. From the entry's number, so the other draws stay as they were.</summary>
    private static string SourceOf(int i) => (i % 20) switch
    {
        0 or 1 => "mastodon",
        2 => "bluesky",
        3 => "pixelfed",
        _ => "form",
    };

    /// <summary>
    /// Writes the indexes whole and then makes the site from them: the day page, the hour pages,
    /// the open data files, every tag page, the feeds, and the entry pages of <paramref name="entryPagesOfHour"/>
    /// (the neighbours a timed publish there will rewrite). Entry pages of other hours are not
    /// made: no publish in that hour reads or writes them.
    /// </summary>
    public async Task SeedAsync(IReadOnlyList<TimelineEntry> entries, int? entryPagesOfHour)
    {
        var index = Get<TimelineIndex>();
        var zone = Get<Microsoft.Extensions.Options.IOptions<SolidayOptions>>().Value.Zone;
        int HourOf(TimelineEntry e) => TimeZoneInfo.ConvertTime(e.PlacedAt, zone).Hour;

        var hours = Enumerable.Range(0, 24).Select(h => new HourIndex(Day, h, [.. entries.Where(e => HourOf(e) == h).Order(TimelineEntry.DayOrder)], Version: 1)).ToList();
        await Task.WhenAll(hours.Select(h => index.SeedAsync(StorageLayout.HourIndex(Day, h.Hour), h)));

        var tags = entries.SelectMany(e => e.Tags).DistinctBy(PublicTags.Slug).ToList();
        await Task.WhenAll(tags.SelectMany(tag => hours.Select(h => new HourIndex(Day, h.Hour, [.. h.Entries.Where(e => e.Tags.Any(t => PublicTags.Slug(t) == PublicTags.Slug(tag)))], Version: 1))
            .Where(h => h.Entries.Count > 0)
            .Select(h => index.SeedAsync(StorageLayout.TagHourIndex(Day, PublicTags.Slug(tag), h.Hour), h))));

        var recent = Get<RecentLog>();
        foreach (var entry in entries.Order(RecentIndex.NewestFirst).Take(100).Reverse())
        {
            await recent.AppendAsync(RecentRecord.Published(entry, HourOf(entry)));
        }

        // The files of the whole day exist already (made at start, from empty indexes): delete them,
        // so the writers make them whole from the seeded indexes, as on a first publish.
        var site = Get<BlobServiceClient>().GetBlobContainerClient(StorageLayout.Site);
        var files = Get<TimelineFiles>();
        foreach (var path in files.OpenData.Select(f => f.Path).Append(files.DayPage.Path).Concat(Enumerable.Range(0, 24).Select(h => SitePaths.HourPage(h))))
        {
            await site.DeleteBlobIfExistsAsync(path);
        }

        await Get<BlobServiceClient>().GetBlobContainerClient(StorageLayout.Timeline).DeleteBlobIfExistsAsync(StorageLayout.DayNumbers(Day)); // counted again from the seeded hours

        await Get<SiteWriter>().PublishStartingPagesAsync();
        var hourly = Get<HourlyFileWriter>();
        foreach (var tag in tags)
        {
            var slug = PublicTags.Slug(tag);
            await hourly.UpdateAsync(files.TagPage(tag), await index.ReadTagHourAsync(Day, slug, 0), h => index.ReadTagHourAsync(Day, slug, h));
        }

        if (entryPagesOfHour is { } pagesHour)
        {
            var writer = Get<EntryPageWriter>();
            var hour = hours[pagesHour];
            foreach (var chunk in hour.Entries.Chunk(8))
            {
                await Task.WhenAll(chunk.Select(e => writer.RenderAroundAsync(hour, e)));
            }
        }
    }

    /// <summary>An entry waiting for a curator in <paramref name="hour"/>, with real renditions, as the workflow leaves it.</summary>
    public async Task<Entry> AddWaitingEntryAsync(int hour, int minute, IReadOnlyList<RenderedImage> media, string text)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var local = new DateTime(Day.Year, Day.Month, Day.Day, hour, minute, 30);
        var taken = new DateTimeOffset(local, zone.GetUtcOffset(local));
        var id = Guid.NewGuid().ToString("N");
        var entry = new Entry
        {
            Id = id,
            State = EntryState.AwaitingCuration,
            Text = text,
            Credit = "Benchmark resident",
            Licence = Licences.CcBy.Id,
            Source = SubmissionSources.Form,
            ReceivedAt = taken.AddMinutes(3),
            Tags = [new(EntryTag.Hashtag, "parkrun"), new("colour", "green"), new(PublicTags.PlaceKind, "Brueton Park"), new("source", "form")],
            Photos =
            [
                new EntryPhoto
                {
                    Index = 0,
                    Alt = "Runners on a path between trees",
                    ContentType = "image/jpeg",
                    Facts = new PhotoFacts { Format = ImageFormats.Jpeg, Width = 640, Height = 480, Orientation = 1, CapturedAt = taken, Sha256 = id, PerceptualHash = "0" },
                    Renditions = [.. media.Select(m => new Rendition(StorageLayout.Rendition(id, 0, m.Width, m.Format), m.Format, m.Width, m.Height, m.Content.ToMemory().Length))],
                },
            ],
        };
        var renditions = Get<BlobServiceClient>().GetBlobContainerClient(StorageLayout.Renditions);
        foreach (var (rendition, image) in entry.Photos[0].Renditions.Zip(media))
        {
            await renditions.GetBlobClient(rendition.BlobName).UploadAsync(image.Content, overwrite: true);
        }

        await Get<EntryStore>().CreateAsync(entry);
        return entry;
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private static string SharedMediaPath(RenderedImage image, int set) => $"media/benchmark/{set}/0-{image.Width}.{ImageFormats.Extension(image.Format)}";
}
