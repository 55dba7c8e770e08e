using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Hashtags;
using Soliday.Hashtags.Bluesky;
using Soliday.Imaging;
using Soliday.Mail;
using Soliday.Notifications;
using Soliday.Operations;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Tagging;
using Soliday.Timeline;
using Soliday.Web;
using Soliday.Words;
using Soliday.Workflow;

namespace Soliday;

public static class SolidayServiceCollectionExtensions
{
    /// <summary>The storage connection both hosts use: the Functions runtime's own setting.</summary>
    public const string StorageConnectionKey = StorageConnection.Key;

    /// <summary>Everything Soliday's logic needs, the same for the Functions app and the local host.</summary>
    public static IServiceCollection AddSoliday(this IServiceCollection services)
    {
        services.AddOptions<SolidayOptions>().BindConfiguration(SolidayOptions.Section)
            .Validate(o => o.Day != default, "Set Soliday:Day to the date of the day, as yyyy-MM-dd.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Soliday:TimeZone is not a time zone this machine knows (use an IANA id such as Europe/London).")
            .ValidateOnStart();
        services.AddOptions<ImagingOptions>().BindConfiguration(ImagingOptions.Section)
            .Validate(o => o.MaxUploadBytes > 0 && o.MaxPixels > 0 && o.MaxSide > 0 && o.RenditionWidths.Length > 0 && o.MaxConcurrentPhotos > 0 && o.AllocationLimitMegabytes > 0 && o.DecodeTimeout > TimeSpan.Zero, "Imaging limits must be positive.")
            .ValidateOnStart();
        services.AddOptions<CurationOptions>().BindConfiguration(CurationOptions.Section)
            .Validate(o => o.DecisionTimeout > TimeSpan.Zero && o.SourceCheckEvery > TimeSpan.Zero, "Curation:DecisionTimeout and Curation:SourceCheckEvery must be positive.")
            .Validate(o => o.WrongTokenLimitPerHour is > 0 and <= AddressCounter.MaxCount, "Curation:WrongTokenLimitPerHour must be between 1 and 50,000 (an append blob's blocks).")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CurationOptions>, CuratorListValidation>());
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section)
            .Validate(o => SiteOptions.IsAbsoluteWebAddress(o.PublicUrl), "Set Site:PublicUrl to the public site's absolute address (the static website URL), e.g. https://example.z33.web.core.windows.net/. Feeds, IIIF and the sitemap need it.")
            .ValidateOnStart();
        services.AddOptions<WordsOptions>().BindConfiguration(WordsOptions.Section)
            .Validate(o => o.LanguageFolder.Length == 0 || Directory.Exists(o.LanguageFolder), "Site:LanguageFolder is not a folder on this machine (leave it empty to use only the languages the app ships).")
            .Validate(o => (o.LanguageFolder.Length > 0 && !Directory.Exists(o.LanguageFolder)) || LanguageFiles.Load(o.LanguageFolder).ContainsKey(o.Language), "Site:Language has no language file: add one named after it, e.g. cy-GB.json, to Site:LanguageFolder or functions/Soliday/Words (docs/translating.md).")
            .ValidateOnStart();
        services.AddSingleton(sp => SiteWords.For(sp.GetRequiredService<IOptions<WordsOptions>>().Value));
        services.AddOptions<TaggingOptions>().BindConfiguration(TaggingOptions.Section);
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .Validate(o => AcsOptions.IsAllowedEndpoint(o.Acs.Endpoint), "Notifications:Acs:Endpoint must be the Communication Service's https:// endpoint (plain http only to this machine, for tests).")
            .ValidateOnStart();
        services.AddOptions<SubmissionOptions>().BindConfiguration(SubmissionOptions.Section)
            .Validate(o => SubmissionOptions.IsValidKey(o.SigningKey) || KeyVaultReferences.IsUnresolved(o.SigningKey), "Set Submissions:SigningKey to a random secret of at least 32 bytes, base64 (e.g. openssl rand -base64 32).")
            .Validate(o => o.RateLimitPerHour is > 0 and <= AddressCounter.MaxCount, "Submissions:RateLimitPerHour must be between 1 and 50,000 (an append blob's blocks).")
            .Validate(o => o.AttemptLimitPerHour >= o.RateLimitPerHour && o.AttemptLimitPerHour <= AddressCounter.MaxCount, "Submissions:AttemptLimitPerHour must be at least Submissions:RateLimitPerHour and at most 50,000 (an append blob's blocks).")
            .Validate(o => o.MaxConcurrentUploads > 0 && o.UploadSlotWait >= TimeSpan.Zero, "Submissions:MaxConcurrentUploads must be positive and Submissions:UploadSlotWait not negative.")
            .Validate(o => o.WrongHelperCodeLimitPerHour is > 0 and <= AddressCounter.MaxCount && o.HelperSessionLifetime > TimeSpan.Zero, "Submissions:WrongHelperCodeLimitPerHour must be between 1 and 50,000 (an append blob's blocks), and Submissions:HelperSessionLifetime positive.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SubmissionOptions>, HelperCodeListValidation>());

        // The secrets' options follow a reload of the configuration: a Key Vault reference resolved
        // after the start (Soliday.Local's Local:SettingsFile, say) is used without a restart.
        services.AddLiveOptions<SubmissionOptions>().AddLiveOptions<CurationOptions>().AddLiveOptions<HashtagOptions>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => StorageConnection.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => sp.GetRequiredService<StorageConnection>().CreateBlobServiceClient());

        // Base64 messages: what a Functions queue trigger reads, should one be added for reminders.
        services.AddSingleton(sp => sp.GetRequiredService<StorageConnection>().CreateQueueServiceClient(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
        services.AddSingleton<StorageReadiness>();
        services.AddSingleton<StorageSetup>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageSetup>());

        services.AddSingleton<PageRenderer>();
        services.AddSingleton(sp =>
        {
            var submissions = sp.GetRequiredService<IOptions<SubmissionOptions>>(); // live: read at each use
            return new TokenSigner(() => submissions.Value.SigningKeyBytes());
        });
        services.AddSingleton<AddressCounter>();
        services.AddSingleton<EntryStore>();
        services.AddSingleton<SubmissionFormReader>();
        services.AddSingleton<GivenTimes>();
        services.AddSingleton<SubmissionIntake>();
        services.AddSingleton<SubmissionSteps>();
        services.AddSingleton<ResidentErrorPages>();
        services.AddSingleton<SubmissionFormPage>();
        services.AddSingleton<LinkedEntries>();
        services.AddSingleton<TakedownAnswers>();
        services.AddSingleton<SubmissionFormEndpoint>();
        services.AddSingleton<SubmitEntryEndpoint>();
        services.AddSingleton<EntryStatusEndpoint>();
        services.AddSingleton<SubmissionPhotoEndpoint>();
        services.AddSingleton<KeptPhotos>();
        services.AddSingleton<KeptPhotoEndpoint>();
        services.AddSingleton<TakedownFormEndpoint>();
        services.AddSingleton<TakedownEndpoint>();
        services.AddSingleton<HelperSessions>();
        services.AddSingleton<HelperCodeThrottle>();
        services.AddSingleton<HelperModeEndpoint>();
        services.AddSingleton<ReceiptSlipEndpoint>();
        services.AddSingleton<ISignedInCurators, SignedInCurators>();
        services.AddSingleton<FormTokens>();
        services.AddSingleton<SubmissionFingerprints>();
        services.AddSingleton<TakedownLinks>();
        services.AddSingleton<SubmissionRateLimiter>();
        services.AddSingleton<UploadSlots>();
        services.AddSingleton<EntryErasure>();
        services.AddSingleton<ProblemReports>();
        services.AddSingleton<ProblemReportAlert>();
        services.AddSingleton<ReportPages>();
        services.AddSingleton<ReportFormEndpoint>();
        services.AddSingleton<ReportProblemEndpoint>();
        services.AddSingleton<MailSender>();
        services.AddSingleton<AcsEmailClient>();
        services.AddHttpClient(AcsEmailClient.ClientName, client => client.Timeout = AcsEmailClient.RequestTimeout);
        services.AddSingleton<ResidentNotes>();
        services.AddSingleton<CuratorReminderMail>();
        services.AddSingleton<CuratorDigest>();
        services.AddSingleton<ErasureRequests>();

        services.AddSingleton<PhotoGate>();
        services.AddSingleton<PhotoProcessor>();
        services.AddSingleton<PhotoPreparation>();

        services.AddSingleton<CuratorAuthenticator>();
        services.AddSingleton<CuratorTokenThrottle>();
        services.AddSingleton<CurationBoard>();
        services.AddSingleton<BoardCountsBlob>();
        services.AddSingleton<WaitingIndex>();
        services.AddSingleton<DecidedIndex>();
        services.AddSingleton<DecidedBoard>();
        services.AddSingleton<WaitingBoard>();
        services.AddSingleton<WaitingBoardFill>();
        services.AddSingleton<EntryTagger>();
        services.AddSingleton<EntryFlagger>();
        services.AddSingleton<PhotoHashIndex>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<CurationDecisions>();
        services.AddSingleton<CurationSteps>();
        services.AddSingleton<CurationPages>();
        services.AddSingleton<CurationPageEndpoint>();
        services.AddSingleton<CuratorSignInEndpoint>();
        services.AddSingleton<CurationQueueEndpoint>();
        services.AddSingleton<CurationCountsEndpoint>();
        services.AddSingleton<CurationReportsEndpoint>();
        services.AddSingleton<DismissReportEndpoint>();
        services.AddSingleton<CurationDecisionEndpoint>();
        services.AddSingleton<BulkDecisionEndpoint>();
        services.AddSingleton<EditEntryFormEndpoint>();
        services.AddSingleton<CurationMediaEndpoint>();
        services.AddSingleton<RemoveEntryEndpoint>();

        services.AddSingleton<IndexSnapshots>();
        services.AddSingleton<TimelineIndex>();
        services.AddSingleton<PlacementStore>();
        services.AddSingleton<RecentLog>();
        services.AddSingleton<SiteAddress>();
        services.AddSingleton<FragmentCache>();
        services.AddSingleton<TimelineFiles>();
        services.AddSingleton<HourlyFileWriter>();
        services.AddSingleton<EntryPageWriter>();
        services.AddSingleton<SearchIndexWriter>();
        services.AddSingleton<NumbersPageWriter>();
        services.AddSingleton<SiteWriter>();
        services.AddSingleton<TimelinePublisher>();

        services.AddSingleton<ISubmissionWorkflows, SubmissionWorkflows>();
        services.AddSingleton<WorkflowReasons>();
        services.AddSingleton<SubmissionActivities>();
        services.AddSingleton<ImagingActivities>();
        services.AddSingleton<PreparationActivities>();
        services.AddSingleton<CurationActivities>();
        services.AddSingleton<HashtagActivities>();
        services.AddSingleton<TimelineActivities>();
        services.AddSingleton<NotificationActivities>();

        services.AddSingleton<HealthEndpoint>();
        services.AddSingleton<PurgeHistoryEndpoint>();
        return services.AddSolidayHashtags();
    }

    /// <summary>Hashtag ingestion: the Mastodon and Bluesky pollers, the webhook, the queue's consumer, and their guarded HTTP clients.</summary>
    private static IServiceCollection AddSolidayHashtags(this IServiceCollection services)
    {
        services.AddOptions<HashtagOptions>().BindConfiguration(HashtagOptions.Section)
            .Validate(o => o.Tag.Length is > 0 and <= 100 && o.Tag.All(c => char.IsLetterOrDigit(c) || c == '_'), "Hashtags:Tag must be a hashtag without the # (letters, digits, underscores).")
            .Validate(o => o.PollSeconds >= 1, "Hashtags:PollSeconds must be at least 1.")
            .Validate(o => o.MaxPagesPerPoll >= 1, "Hashtags:MaxPagesPerPoll must be at least 1.")
            .Validate(o => o.MaxPostsPerAuthorPerHour >= 1 && o.MaxPostsPerServerPerHour >= 1, "Hashtags:MaxPostsPerAuthorPerHour and Hashtags:MaxPostsPerServerPerHour must be at least 1.")
            .Validate(o => o.MediaTimeout > TimeSpan.Zero && o.RequestTimeout > TimeSpan.Zero, "Hashtags:MediaTimeout and Hashtags:RequestTimeout must be positive.")
            .Validate(o => Licences.FindKnown(o.Licence) is not null, $"Hashtags:Licence must be one of: {string.Join(", ", Licences.Known.Select(l => l.Id))}.")
            .Validate(o => o.Mastodon.Servers.All(s => IsServerAllowed(s, o.AllowLoopbackMedia)),
                "Each of Hashtags:Mastodon:Servers must be an https:// base URL on port 443 (plain http, or another port, only to loopback, and only with Hashtags:AllowLoopbackMedia, for tests).")
            .Validate(o => !o.Bluesky.IsPartlyConfigured, "Set all three of Hashtags:Bluesky:Service, Hashtags:Bluesky:Handle and Hashtags:Bluesky:AppPassword to read Bluesky, or none of them.")
            .Validate(o => !o.Bluesky.IsConfigured || (IsServerAllowed(o.Bluesky.Service!.Trim(), o.AllowLoopbackMedia) && BlueskyPostUri.IsHandle(o.Bluesky.Handle!.Trim().TrimStart('@'))),
                "Hashtags:Bluesky:Service must be an https:// base URL on port 443 (e.g. https://bsky.social), and Hashtags:Bluesky:Handle a handle such as name.bsky.social.")
            .ValidateOnStart();

        // Both clients connect only through GuardedConnections: public addresses, no proxy, no automatic redirects.
        services.AddHttpClient(MastodonClient.ClientName, ConfigureClient).ConfigurePrimaryHttpMessageHandler(GuardedConnections.CreateHandler);
        services.AddHttpClient(MediaDownloader.ClientName, ConfigureClient).ConfigurePrimaryHttpMessageHandler(GuardedConnections.CreateHandler);
        services.AddHttpClient(BlueskyClient.ClientName, ConfigureClient).ConfigurePrimaryHttpMessageHandler(GuardedConnections.CreateHandler);

        services.AddSingleton<MastodonClient>();
        services.AddSingleton<MediaDownloader>();
        services.AddSingleton<PollCheckpoints>();
        services.AddSingleton<HashtagPostQueue>();
        services.AddSingleton<AuthorBlockList>();
        services.AddSingleton<MastodonPoller>();
        services.AddSingleton<BlueskyClient>();
        services.AddSingleton<BlueskySession>();
        services.AddSingleton<BlueskyCheckpoints>();
        services.AddSingleton<BlueskyPoller>();
        services.AddSingleton<BlueskyPostCheck>();
        services.AddSingleton<PostSubmissionIds>();
        services.AddSingleton<IngestionFailures>();
        services.AddSingleton<IntakeLimits>();
        services.AddSingleton<HashtagIngestion>();
        services.AddSingleton<PoisonedPosts>();
        services.AddSingleton<SourcePostCheck>();
        services.AddSingleton<WebhookSignatures>();
        services.AddSingleton<WebhookReplayGuard>();
        services.AddSingleton<HashtagWebhook>();
        services.AddHostedService<HashtagStartupCheck>();
        return services;
    }

    private static void ConfigureClient(HttpClient client)
    {
        // Each call sets its own, shorter, deadline (Hashtags:RequestTimeout, MediaTimeout).
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Soliday/1.0 (+#Soliday hashtag ingestion)");
    }

    private static bool IsServerAllowed(string server, bool allowLoopback) =>
        Uri.TryCreate(server, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && string.IsNullOrEmpty(uri.Query)
        && ((uri.Scheme == Uri.UriSchemeHttps && uri.Port == PublicAddresses.HttpsPort) || (allowLoopback && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && PublicAddresses.IsLoopbackHost(uri.Host)));
}
