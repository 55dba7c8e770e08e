using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Soliday.Curation;
using Soliday.Functions.Web;
using Soliday.Web;

namespace Soliday.Functions.Curation;

/// <summary>Curators' endpoints and the curation activities, as Azure Functions.</summary>
public sealed class CurationFunctions(CurationEndpoints endpoints, CurationSteps steps)
{
    [Function("CurationQueue")]
    public Task<IActionResult> Queue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CurationQueue)] HttpRequest request,
        [DurableClient] DurableTaskClient durable) =>
        endpoints.Queue(request, durable).AsAction();

    [Function("CurationApprove")]
    public Task<IActionResult> Approve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CurationApprove)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable) =>
        endpoints.Approve(request, id, durable).AsAction();

    [Function("CurationReject")]
    public Task<IActionResult> Reject(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CurationReject)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable) =>
        endpoints.Reject(request, id, durable).AsAction();

    [Function("CurationMedia")]
    public Task<IActionResult> Media(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CurationMedia)] HttpRequest request,
        string id,
        string file) =>
        endpoints.Media(request, id, file).AsAction();

    [Function(nameof(CurationSteps.OfferForCuration))]
    public Task<OfferForCurationResult> OfferForCuration([ActivityTrigger] OfferForCurationRequest request) =>
        steps.OfferForCuration(request);

    [Function(nameof(CurationSteps.DiscardEntry))]
    public Task<DiscardEntryResult> DiscardEntry([ActivityTrigger] DiscardEntryRequest request) =>
        steps.DiscardEntry(request);
}
