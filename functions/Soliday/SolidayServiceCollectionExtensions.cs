using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Soliday.Curation;
using Soliday.Imaging;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Tagging;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday;

public static class SolidayServiceCollectionExtensions
{
    /// <summary>The storage connection both hosts use: the Functions runtime's own setting.</summary>
    public const string StorageConnectionKey = "AzureWebJobsStorage";

    /// <summary>Everything Soliday's logic needs, the same for the Functions app and the local host.</summary>
    public static IServiceCollection AddSoliday(this IServiceCollection services)
    {
        services.AddOptions<SolidayOptions>().BindConfiguration(SolidayOptions.Section)
            .Validate(o => o.Day != default, "Set Soliday:Day to the date of the day, as yyyy-MM-dd.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Soliday:TimeZone is not a time zone this machine knows (use an IANA id such as Europe/London).")
            .ValidateOnStart();
        services.AddOptions<ImagingOptions>().BindConfiguration(ImagingOptions.Section)
            .Validate(o => o.MaxUploadBytes > 0 && o.MaxPixels > 0 && o.MaxSide > 0 && o.RenditionWidths.Length > 0 && o.MaxConcurrentPhotos > 0 && o.DecodeTimeout > TimeSpan.Zero, "Imaging limits must be positive.")
            .ValidateOnStart();
        services.AddOptions<CurationOptions>().BindConfiguration(CurationOptions.Section)
            .Validate(o => o.DecisionTimeout > TimeSpan.Zero, "Curation:DecisionTimeout must be positive.")
            .ValidateOnStart();
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section)
            .Validate(o => SiteOptions.IsAbsoluteWebAddress(o.PublicUrl), "Set Site:PublicUrl to the public site's absolute address (the static website URL), e.g. https://example.z33.web.core.windows.net/. Feeds, IIIF and the sitemap need it.")
            .ValidateOnStart();
        services.AddOptions<TaggingOptions>().BindConfiguration(TaggingOptions.Section);
        services.AddOptions<SubmissionOptions>().BindConfiguration(SubmissionOptions.Section)
            .Validate(o => SubmissionOptions.IsValidKey(o.SigningKey), "Set Submissions:SigningKey to a random secret of at least 32 bytes, base64 (e.g. openssl rand -base64 32).")
            .Validate(o => o.RateLimitPerHour is > 0 and <= 50_000, "Submissions:RateLimitPerHour must be between 1 and 50,000 (an append blob's blocks).")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new BlobServiceClient(StorageConnection(sp)));

        // Base64 messages: what a Functions queue trigger reads, should one be added for reminders.
        services.AddSingleton(sp => new QueueServiceClient(StorageConnection(sp), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
        services.AddHostedService<StorageSetup>();

        services.AddSingleton<PageRenderer>();
        services.AddSingleton<TokenSigner>();
        services.AddSingleton<EntryStore>();
        services.AddSingleton<SubmissionFormReader>();
        services.AddSingleton<SubmissionIntake>();
        services.AddSingleton<SubmissionSteps>();
        services.AddSingleton<SubmissionEndpoints>();
        services.AddSingleton<FormTokens>();
        services.AddSingleton<TakedownLinks>();
        services.AddSingleton<SubmissionRateLimiter>();
        services.AddSingleton<EntryTakedown>();

        services.AddSingleton<PhotoGate>();
        services.AddSingleton<PhotoProcessor>();
        services.AddSingleton<PhotoPreparation>();

        services.AddSingleton<CuratorAuthenticator>();
        services.AddSingleton<CurationBoard>();
        services.AddSingleton<EntryTagger>();
        services.AddSingleton<EntryFlagger>();
        services.AddSingleton<PhotoHashIndex>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<CurationDecisions>();
        services.AddSingleton<CurationSteps>();
        services.AddSingleton<CurationEndpoints>();

        services.AddSingleton<TimelineIndex>();
        services.AddSingleton<PlacementStore>();
        services.AddSingleton<RecentLog>();
        services.AddSingleton<SiteAddress>();
        services.AddSingleton<FragmentCache>();
        services.AddSingleton<TimelineFiles>();
        services.AddSingleton<HourlyFileWriter>();
        services.AddSingleton<EntryPageWriter>();
        services.AddSingleton<SiteWriter>();
        services.AddSingleton<TimelinePublisher>();
        return services;
    }

    private static string StorageConnection(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>()[StorageConnectionKey]
        ?? throw new InvalidOperationException($"Set {StorageConnectionKey} to the storage account's connection string.");
}
