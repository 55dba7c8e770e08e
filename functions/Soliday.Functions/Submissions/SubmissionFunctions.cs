using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Soliday.Functions.Web;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Functions.Submissions;

/// <summary>Residents' endpoints and the erasure queue's reader, as Azure Functions.</summary>
public sealed class SubmissionFunctions(
    SubmissionFormEndpoint form,
    SubmitEntryEndpoint submit,
    EntryStatusEndpoint status,
    SubmissionPhotoEndpoint photo,
    KeptPhotoEndpoint keptPhoto,
    TakedownFormEndpoint takedownForm,
    TakedownEndpoint takedown,
    HelperModeEndpoint helperMode,
    ReceiptSlipEndpoint slip,
    ErasureRequests erasures)
{
    [Function("SubmitForm")]
    public Task<IActionResult> SubmitForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.SubmitForm)] HttpRequest request) =>
        form.Form(request).AsAction();

    [Function("Submit")]
    public Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Submissions)] HttpRequest request,
        [DurableClient] DurableTaskClient durable) =>
        submit.Submit(request, durable).AsAction();

    [Function("SubmissionStatus")]
    public Task<IActionResult> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Submission)] HttpRequest request,
        string id) =>
        status.Status(request, id).AsAction();

    [Function("KeptPhoto")]
    public Task<IActionResult> KeptPhoto(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.KeptPhoto)] HttpRequest request,
        string id,
        string token) =>
        keptPhoto.Preview(request, id, token).AsAction();

    [Function("SubmissionPhoto")]
    public Task<IActionResult> Photo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.SubmissionPhoto)] HttpRequest request,
        string id,
        string file) =>
        photo.Photo(request, id, file).AsAction();

    [Function("SubmissionTakedownForm")]
    public Task<IActionResult> TakedownForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.SubmissionTakedown)] HttpRequest request,
        string id) =>
        takedownForm.TakedownForm(request, id).AsAction();

    [Function("SubmissionTakedown")]
    public Task<IActionResult> Takedown(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.SubmissionTakedown)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable) =>
        takedown.Takedown(request, id, durable).AsAction();

    [Function("HelperModePage")]
    public Task<IActionResult> HelperModePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.HelperMode)] HttpRequest request) =>
        helperMode.Page(request).AsAction();

    [Function("HelperModeChange")]
    public Task<IActionResult> HelperModeChange(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.HelperMode)] HttpRequest request) =>
        helperMode.Change(request).AsAction();

    [Function("SubmissionSlip")]
    public Task<IActionResult> Slip(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.SubmissionSlip)] HttpRequest request,
        string id) =>
        slip.Slip(request, id).AsAction();

    /// <summary>Erases an entry its workflow has ended for (a post deleted at its source), purge included.</summary>
    [Function("EraseEntry")]
    public Task EraseEntry(
        [QueueTrigger(ErasureRequests.QueueName)] string message,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        erasures.EraseAsync(message, durable, cancellationToken);
}
