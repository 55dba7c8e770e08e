using Microsoft.Azure.Functions.Worker;
using Soliday.Local.Functions;

namespace Soliday.Local.Hosting;

/// <summary>The Functions app's HTTP functions, and the two routes only the local host serves.</summary>
public static class SolidayEndpoints
{
    /// <summary>
    /// Routes only the local host has, because in Azure something else serves them: the storage
    /// account's static website serves the site. The parity test allows these and no others.
    /// </summary>
    public static IReadOnlySet<string> LocalOnlyRoutes { get; } = new HashSet<string> { "", SiteFiles.Route.TrimStart('/') };

    public static WebApplication MapSoliday(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.MapHttpFunctions(FunctionCatalog.With<HttpTriggerAttribute>().Enabled(app.Configuration), FunctionsHostJson.Load().RoutePrefix);
        app.MapGet("/", () => Results.Redirect("/site/"));
        app.MapGet(SiteFiles.Route, SiteFiles.ServeAsync);
        return app;
    }
}
