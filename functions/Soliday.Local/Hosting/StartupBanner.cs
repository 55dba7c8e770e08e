using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Hashtags;
using Soliday.Pages;
using Soliday.Web;

namespace Soliday.Local.Hosting;

/// <summary>
/// Prints where everything is once the host listens. The curator token goes to the console only,
/// never to the logs: logs are kept and shipped, the console is the developer's own. It is the last
/// thing printed at start (<see cref="LocalLogging"/> keeps the engine's chatter out), so it stays
/// on screen until an entry arrives.
/// </summary>
public sealed class StartupBanner(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<CurationOptions> curation,
    IOptions<HashtagOptions> hashtags,
    IOptions<SolidayOptions> soliday) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var root = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? "http://127.0.0.1:7071";
        Console.WriteLine($"""

            #Soliday is running.
              Form:          {root}/{Routes.Prefix}/{Routes.SubmitForm}
              Curation page: {root}/{Routes.Prefix}/{Routes.CurationPage}
              Curation API:  {root}/{Routes.Prefix}/{Routes.CurationQueue}
              Post webhook:  {root}/{Routes.Prefix}/{Routes.HashtagWebhook} ({(string.IsNullOrEmpty(hashtags.Value.WebhookSecret) ? "off: set Hashtags__WebhookSecret" : "signed with Hashtags:WebhookSecret")})
              Mastodon:      {(hashtags.Value.Mastodon.Servers.Count == 0 ? "not read (set Hashtags__Mastodon__Servers__0)" : $"#{hashtags.Value.Tag} on {string.Join(", ", hashtags.Value.Mastodon.Servers)}")}
              Bluesky:       {(hashtags.Value.Bluesky.IsConfigured ? $"#{hashtags.Value.Tag}, signed in as {hashtags.Value.Bluesky.Handle!.Trim()}" : "not read (set Hashtags__Bluesky__Service, __Handle, __AppPassword)")}
              Public site:   {root}/site/
              The day:       {Display.Date(soliday.Value.Day)} ({soliday.Value.TimeZone}; set Soliday__Day to choose another)
              {Curators(curation.Value)}
            Press Ctrl+C to stop Soliday and everything it started.

            """);
    }

    /// <summary>The local token in full (the developer's own console); named curators by name only: their tokens are theirs.</summary>
    private static string Curators(CurationOptions curation)
    {
        var lines = new List<string>();
        var named = curation.ConfiguredCurators().Select(item => item.Curator.Name.Trim()).ToList();
        if (named.Count > 0)
        {
            lines.Add($"Curators:      {string.Join(", ", named)} (each signs in with their own token)");
        }

        if (!string.IsNullOrWhiteSpace(curation.LocalToken))
        {
            lines.Add($"Curator token: {curation.LocalToken}");
            lines.Add("  (sign in with it on the curation page, or send it as 'Authorization: Bearer <token>';");
            lines.Add("   set Curation__LocalToken to choose your own, or name curators: Curation__Curators__0__Name and __Token)");
        }

        return string.Join(Environment.NewLine + "  ", lines);
    }
}
