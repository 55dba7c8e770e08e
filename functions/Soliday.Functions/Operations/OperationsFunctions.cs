using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Soliday.Functions.Web;
using Soliday.Operations;
using Soliday.Web;

namespace Soliday.Functions.Operations;

/// <summary>The endpoints for whoever runs Soliday: health, and purging old workflow history.</summary>
public sealed class OperationsFunctions(HealthEndpoint health, PurgeHistoryEndpoint purgeHistory)
{
    [Function("Health")]
    public Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest request) =>
        health.Health(request).AsAction();

    [Function("PurgeHistory")]
    public Task<IActionResult> PurgeHistory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.PurgeHistory)] HttpRequest request,
        [DurableClient] DurableTaskClient durable) =>
        purgeHistory.PurgeHistory(request, durable).AsAction();
}
