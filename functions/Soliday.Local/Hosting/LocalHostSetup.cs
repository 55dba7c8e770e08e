using System.Security.Cryptography;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Hashtags;
using Soliday.Hashtags.Bluesky;
using Soliday.Mail;
using Soliday.Notifications;
using Soliday.Local.Azurite;
using Soliday.Submissions;
using Soliday.Local.Durable;
using Soliday.Local.Functions;

namespace Soliday.Local.Hosting;

public static class LocalHostSetup
{
    /// <summary>
    /// How long the app's own stop may take, work in flight included (the engine drains for at most
    /// 10 s of it): Ctrl+C should end a developer's host in seconds, not the framework's 30.
    /// </summary>
    private static readonly TimeSpan AppStopTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Soliday's services, the durable worker and client on the local engine, and the start banner.</summary>
    public static WebApplicationBuilder AddSolidayLocal(this WebApplicationBuilder builder, LocalInfrastructure infrastructure)
    {
        builder.Configuration.AddLocalSettingsFile();
        builder.Configuration[SolidayServiceCollectionExtensions.StorageConnectionKey] = infrastructure.StorageConnectionString;

        // No day given: today, so a first run needs no settings. (In Azure the day must be set.)
        var zone = TimeZoneInfo.FindSystemTimeZoneById(builder.Configuration[$"{SolidayOptions.Section}:{nameof(SolidayOptions.TimeZone)}"] ?? new SolidayOptions().TimeZone);
        builder.Configuration.SetIfBlank($"{SolidayOptions.Section}:{nameof(SolidayOptions.Day)}", () =>
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        // No curator configured: make a token for this run and print it. There is never a built-in password.
        if (!HasNamedCurators(builder.Configuration))
        {
            builder.Configuration.SetIfBlank($"{CurationOptions.Section}:{nameof(CurationOptions.LocalToken)}", () =>
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'));
        }

        // No public address: this host's own, where it serves the site, so feeds and IIIF manifests point here.
        if (string.IsNullOrEmpty(builder.Configuration[LocalSiteAddress.ConfigurationKey]))
        {
            builder.Configuration[LocalSiteAddress.ConfigurationKey] = LocalSiteAddress.From(builder.Configuration["urls"]);
        }

        // No signing key: one made on first run and kept with the local data, so take-down links
        // handed out keep working after a restart.
        builder.Configuration.SetIfBlank($"{SubmissionOptions.Section}:{nameof(SubmissionOptions.SigningKey)}", () => LocalSigningKey(builder));

        // No Mastodon server: the poll timer is switched off, as infra/modules/function-app.bicep does
        // in Azure with the same setting, so an idle host runs nothing (issue 18). Set it to false to
        // run the timer anyway (either form of the setting wins over this default).
        if (builder.Configuration.GetSection($"{HashtagOptions.Section}:{nameof(HashtagOptions.Mastodon)}:{nameof(MastodonOptions.Servers)}").GetChildren().All(server => string.IsNullOrWhiteSpace(server.Value)))
        {
            builder.Configuration.SetIfBlank(DisabledFunctions.EnvironmentFormFor(HashtagTriggers.PollMastodon), () => "true");
        }

        // Likewise with no Bluesky account: its own poll timer is off.
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{HashtagOptions.Section}:{nameof(HashtagOptions.Bluesky)}:{nameof(BlueskyOptions.Handle)}"]))
        {
            builder.Configuration.SetIfBlank(DisabledFunctions.EnvironmentFormFor(HashtagTriggers.PollBluesky), () => "true");
        }

        // No curator address to send to: the curator-reminders queue's reader and the digest timer are
        // off, as the Bicep has them in Azure, and reminders stay on the queue for whatever else reads them.
        if (!CuratorReminderMail.IsSetUp(builder.Configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>() ?? new()))
        {
            builder.Configuration.SetIfBlank(DisabledFunctions.EnvironmentFormFor(CuratorReminderMail.FunctionName), () => "true");
            builder.Configuration.SetIfBlank(DisabledFunctions.EnvironmentFormFor(CuratorDigest.FunctionName), () => "true");
        }

        // The poll timers' %Hashtags:PollSchedule% must resolve, as in Azure where the Bicep sets it.
        builder.Configuration.SetIfBlank($"{HashtagOptions.Section}:{nameof(HashtagOptions.PollSchedule)}", () => HashtagTriggers.DefaultPollSchedule);

        builder.Services.AddSoliday();
        builder.AddLocalTelemetry();
        builder.Services.AddProblemDetails(); // an unexpected failure still answers in problem+json
        builder.Services.AddSingleton(infrastructure.Engine);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(infrastructure.Engine.Address);
        });
        builder.Services.AddDurableTaskClient(client => client.UseGrpc(infrastructure.Engine.Address));
        builder.Services.AddSingleton(infrastructure.Stopping);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = AppStopTimeout);
        builder.Services.AddHostedService<DurableEngineShutdown>();

        // After the engine's shutdown service: hosted services stop in reverse, so these stop first.
        builder.Services.AddFunctionTriggers(builder.Configuration);
        builder.Services.AddHostedService<StartupBanner>();
        return builder;
    }

    /// <summary>
    /// Blank counts as missing: a sample settings file or a shell leaves <c>Curation__LocalToken=""</c>,
    /// and an empty token would lock every curator out while the banner printed nothing.
    /// </summary>
    private static void SetIfBlank(this ConfigurationManager configuration, string key, Func<string> value)
    {
        if (string.IsNullOrWhiteSpace(configuration[key]))
        {
            configuration[key] = value();
        }
    }

    private static bool HasNamedCurators(IConfiguration configuration) =>
        configuration.GetSection($"{CurationOptions.Section}:{nameof(CurationOptions.Curators)}").GetChildren()
            .Any(curator => !string.IsNullOrWhiteSpace(curator[nameof(NamedCurator.Token)]));

    private static string LocalSigningKey(WebApplicationBuilder builder)
    {
        var folder = Path.GetFullPath(builder.Configuration.GetSection(AzuriteOptions.Section).Get<AzuriteOptions>()?.Location ?? new AzuriteOptions().Location, builder.Environment.ContentRootPath);
        var file = Path.Combine(folder, "soliday-signing-key");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        return File.ReadAllText(file).Trim();
    }
}
