using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Storage;
using Soliday.Testing;
using Soliday.Submissions;
using Soliday.Timeline;

namespace Soliday.Tests.Support;

/// <summary>
/// Soliday's own services over a real Azurite, without the durable engine: a test publishes and
/// unpublishes entries by calling the activities directly, as the orchestration does.
/// </summary>
public sealed class SiteHarness : IAsyncDisposable
{
    public const string PublicUrl = "https://soliday.example/site/";

    public static readonly DateOnly Day = new(2026, 6, 20);

    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Stands in for every rendition: the site only copies and links them.</summary>
    private static readonly BinaryData RenditionBytes = BinaryData.FromBytes([0xFF, 0xD8, 0xFF, 0xD9]);

    private readonly ServiceProvider _services;

    private SiteHarness(ServiceProvider services) => _services = services;

    public TimelinePublisher Publisher => _services.GetRequiredService<TimelinePublisher>();

    public EntryStore Entries => _services.GetRequiredService<EntryStore>();

    public BlobServiceClient Blobs => _services.GetRequiredService<BlobServiceClient>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<SiteHarness> StartAsync(AzuriteFixture azurite, Dictionary<string, string?>? settings = null)
    {
        await azurite.ResetAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SolidayServiceCollectionExtensions.StorageConnectionKey] = azurite.ConnectionString,
            ["Soliday:Day"] = "2026-06-20",
            ["Site:PublicUrl"] = PublicUrl,
            ["Submissions:SigningKey"] = Convert.ToBase64String(new byte[32]),
        }).AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddSoliday().BuildServiceProvider();
        foreach (var hosted in services.GetServices<IHostedService>().OfType<StorageSetup>())
        {
            await hosted.StartAsync(CancellationToken.None); // containers, and the site before any entry
        }

        return new SiteHarness(services);
    }

    /// <summary>Stores an entry waiting for a curator, with renditions, as the workflow leaves it.</summary>
    public async Task<Entry> AddAsync(string text, int hour, int minute = 0, int photos = 1, string[]? tags = null, string credit = "Priya from Shirley", string? place = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var taken = new DateTimeOffset(Day.Year, Day.Month, Day.Day, hour, minute, 0, London.GetUtcOffset(new DateTime(Day.Year, Day.Month, Day.Day, hour, minute, 0)));
        var entry = new Entry
        {
            Id = id,
            State = EntryState.AwaitingCuration,
            Text = text,
            Credit = credit,
            Licence = Licences.CcBy.Id,
            Place = place,
            Source = SubmissionSources.Form,
            ReceivedAt = taken.AddMinutes(5),
            Tags = [.. (tags ?? []).Select(t => EntryTag.Parse(t)!)],
            Photos = [.. Enumerable.Range(0, photos).Select(index => new EntryPhoto
            {
                Index = index,
                Alt = $"Photo {index + 1}, as its sender described it",
                ContentType = "image/jpeg",
                Facts = new PhotoFacts { Format = ImageFormats.Jpeg, Width = 1600, Height = 1200, Orientation = 1, CapturedAt = taken, Sha256 = id, PerceptualHash = "0" },
                Renditions = [.. new[] { 480, 960, 1600 }.SelectMany(width => new[] { ImageFormats.Jpeg, ImageFormats.WebP }.Select(format =>
                    new Rendition(StorageLayout.Rendition(id, index, width, format), format, width, width * 3 / 4, RenditionBytes.ToMemory().Length)))],
            })],
        };
        await Entries.CreateAsync(entry);
        var renditions = Blobs.GetBlobContainerClient(StorageLayout.Renditions);
        foreach (var rendition in entry.Photos.SelectMany(p => p.Renditions))
        {
            await renditions.GetBlobClient(rendition.BlobName).UploadAsync(RenditionBytes, overwrite: true);
        }

        return entry;
    }

    public async Task<string> PublishAsync(Entry entry, DateTimeOffset? at = null)
    {
        await Publisher.PublishAsync(entry.Id, at ?? DateTimeOffset.UtcNow, decision: null);
        return entry.Id;
    }

    /// <summary>A curator's edit after publication, then the publish again that follows it.</summary>
    public async Task EditAsync(string id, Func<Entry, Entry> edit)
    {
        var entry = await Entries.UpdateAsync(id, edit);
        await Publisher.PublishAsync(id, entry.PublishedAt ?? DateTimeOffset.UtcNow, decision: null, changedAt: DateTimeOffset.UtcNow);
    }

    /// <summary>A file of the site, or null when there is none.</summary>
    public async Task<string?> SiteFileAsync(string path)
    {
        try
        {
            var found = (await Blobs.GetBlobContainerClient(StorageLayout.Site).GetBlobClient(path).DownloadContentAsync()).Value;
            return StoredText.Of(found.Content, found.Details.ContentEncoding);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<string> RequiredSiteFileAsync(string path) =>
        await SiteFileAsync(path) ?? throw new Xunit.Sdk.XunitException($"The site has no {path}");

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
