using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Soliday.Pages;
using Soliday.Web;

namespace Soliday.Functions.Web;

public static class AssetFunctions
{
    [Function("Asset")]
    public static IActionResult Asset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Asset)] HttpRequest request,
        string name) =>
        AssetEndpoint.Asset(name).AsAction();
}
