using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Soliday.Curation;
using Soliday.Functions.Web;
using Soliday.Web;

namespace Soliday.Functions.Curation;

/// <summary>Curators' endpoints, as Azure Functions.</summary>
public sealed class CurationFunctions(
    CurationPageEndpoint page,
    CuratorSignInEndpoint signIn,
    CurationQueueEndpoint queue,
    CurationCountsEndpoint counts,
    CurationDecisionEndpoint decision,
    BulkDecisionEndpoint bulk,
    EditEntryFormEndpoint editForm,
    CurationMediaEndpoint media,
    RemoveEntryEndpoint removal)
{
    [Function("CurationPage")]
    public Task<IActionResult> Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CurationPage)] HttpRequest request,
        [DurableClient] DurableTaskClient durable) =>
        page.Page(request, durable).AsAction();

    [Function("CurationSignInForm")]
    public Task<IActionResult> SignInForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CurationSignIn)] HttpRequest request) =>
        signIn.SignInForm(request).AsAction();

    [Function("CurationSignIn")]
    public Task<IActionResult> SignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CurationSignIn)] HttpRequest request) =>
        signIn.SignIn(request).AsAction();

    [Function("CurationSignOut")]
    public Task<IActionResult> SignOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CurationSignOut)] HttpRequest request) =>
        signIn.SignOut(request).AsAction();

    [Function("CurationQueue")]
    public Task<IActionResult> Queue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CurationQueue)] HttpRequest request,
        [DurableClient] DurableTaskClient durable) =>
        queue.Queue(request, durable).AsAction();

    [Function("CurationCounts")]
    public Task<IActionResult> Counts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CurationCounts)] HttpRequest request) =>
        counts.Counts(request).AsAction();

    [Function("CurationApprove")]
    public Task<IActionResult> Approve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CurationApprove)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable) =>
        decision.Approve(request, id, durable).AsAction();

    [Function("CurationReject")]
    public Task<IActionResult> Reject(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CurationReject)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable) =>
        decision.Reject(request, id, durable).AsAction();

    [Function("CurationUnpublish")]
    public Task<IActionResult> Unpublish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CurationUnpublish)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable) =>
        removal.Unpublish(request, id, durable).AsAction();

    [Function("CurationRemove")]
    public Task<IActionResult> Remove(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CurationRemove)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable) =>
        removal.Remove(request, id, durable).AsAction();

    [Function("CurationEditForm")]
    public Task<IActionResult> EditForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CurationEdit)] HttpRequest request,
        string id) =>
        editForm.EditForm(request, id).AsAction();

    [Function("CurationEdit")]
    public Task<IActionResult> Edit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CurationEdit)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable) =>
        decision.Edit(request, id, durable).AsAction();

    [Function("CurationFeature")]
    public Task<IActionResult> Feature(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CurationFeature)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable) =>
        decision.Feature(request, id, durable).AsAction();

    [Function("CurationBulk")]
    public Task<IActionResult> Bulk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CurationBulk)] HttpRequest request,
        [DurableClient] DurableTaskClient durable) =>
        bulk.Bulk(request, durable).AsAction();

    [Function("CurationMedia")]
    public Task<IActionResult> Media(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CurationMedia)] HttpRequest request,
        string id,
        string file) =>
        media.Media(request, id, file).AsAction();
}
