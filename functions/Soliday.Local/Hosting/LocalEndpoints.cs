using Microsoft.DurableTask.Client;
using Soliday.Curation;
using Soliday.Operations;
using Soliday.Hashtags;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Local.Hosting;

/// <summary>
/// The same HTTP endpoints as the Functions app, as minimal-API routes calling the same handlers.
/// </summary>
public static class LocalEndpoints
{
    /// <summary>
    /// Routes only the local host has, because in Azure something else serves them: the storage
    /// account's static website serves the site. The parity test allows these and no others.
    /// </summary>
    public static IReadOnlySet<string> LocalOnlyRoutes { get; } = new HashSet<string> { "", SiteFiles.Route.TrimStart('/') };

    public static WebApplication MapSoliday(this WebApplication app)
    {
        app.UseExceptionHandler();
        var api = app.MapGroup($"/{Routes.Prefix}");

        api.MapGet(Routes.SubmitForm, (HttpRequest request, SubmissionEndpoints endpoints) => endpoints.Form(request));
        api.MapPost(Routes.Submissions, (HttpRequest request, SubmissionEndpoints endpoints, DurableTaskClient durable) => endpoints.Submit(request, durable));
        api.MapGet(Routes.Submission, (HttpRequest request, string id, SubmissionEndpoints endpoints) => endpoints.Status(request, id));
        api.MapGet(Routes.SubmissionTakedown, (HttpRequest request, string id, SubmissionEndpoints endpoints) => endpoints.TakedownForm(request, id));
        api.MapPost(Routes.SubmissionTakedown, (HttpRequest request, string id, SubmissionEndpoints endpoints, DurableTaskClient durable) => endpoints.Takedown(request, id, durable));

        api.MapGet(Routes.CurationPage, (HttpRequest request, CurationEndpoints endpoints, DurableTaskClient durable) => endpoints.Page(request, durable));
        api.MapGet(Routes.CurationSignIn, (HttpRequest request, CurationEndpoints endpoints) => endpoints.SignInForm(request));
        api.MapPost(Routes.CurationSignIn, (HttpRequest request, CurationEndpoints endpoints) => endpoints.SignIn(request));
        api.MapPost(Routes.CurationSignOut, (HttpRequest request, CurationEndpoints endpoints) => endpoints.SignOut(request));
        api.MapGet(Routes.CurationQueue, (HttpRequest request, CurationEndpoints endpoints, DurableTaskClient durable) => endpoints.Queue(request, durable));
        api.MapPost(Routes.CurationApprove, (HttpRequest request, string id, CurationEndpoints endpoints, DurableTaskClient durable) => endpoints.Approve(request, id, durable));
        api.MapPost(Routes.CurationReject, (HttpRequest request, string id, CurationEndpoints endpoints, DurableTaskClient durable) => endpoints.Reject(request, id, durable));
        api.MapPost(Routes.CurationUnpublish, (HttpRequest request, string id, RemoveEntryEndpoint endpoint, DurableTaskClient durable) => endpoint.Unpublish(request, id, durable));
        api.MapPost(Routes.CurationRemove, (HttpRequest request, string id, RemoveEntryEndpoint endpoint, DurableTaskClient durable) => endpoint.Remove(request, id, durable));
        api.MapGet(Routes.CurationEdit, (HttpRequest request, string id, CurationEndpoints endpoints) => endpoints.EditForm(request, id));
        api.MapPost(Routes.CurationEdit, (HttpRequest request, string id, CurationEndpoints endpoints, DurableTaskClient durable) => endpoints.Edit(request, id, durable));
        api.MapPost(Routes.CurationFeature, (HttpRequest request, string id, CurationEndpoints endpoints, DurableTaskClient durable) => endpoints.Feature(request, id, durable));
        api.MapPost(Routes.CurationBulk, (HttpRequest request, CurationEndpoints endpoints, DurableTaskClient durable) => endpoints.Bulk(request, durable));
        api.MapGet(Routes.CurationMedia, (HttpRequest request, string id, string file, CurationEndpoints endpoints) => endpoints.Media(request, id, file));

        api.MapGet(Routes.Asset, (string name) => AssetEndpoints.Asset(name));

        api.MapGet(Routes.Health, (HttpRequest request, HealthEndpoints endpoints) => endpoints.Health(request));
        api.MapPost(Routes.PurgeHistory, (HttpRequest request, HistoryEndpoints endpoints, DurableTaskClient durable) => endpoints.PurgeHistory(request, durable));
        api.MapPost(Routes.HashtagWebhook, (HttpRequest request, HashtagWebhook webhook) => webhook.Receive(request));

        app.MapGet("/", () => Results.Redirect("/site/"));
        app.MapGet(SiteFiles.Route, SiteFiles.ServeAsync);
        return app;
    }
}
