using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hosting;

/// <summary>
/// Soliday.Local serves the Functions app's own HTTP functions: every one of them, named in the
/// functions.metadata the Functions build wrote, is reached through the local host by a request
/// here, and the log shows that function (not a look-alike) answered. A function added without a
/// request below fails the first test; two handlers swapped fail the second.
/// </summary>
public sealed class EveryFunctionTests(EveryFunctionHost fixture) : IClassFixture<EveryFunctionHost>
{
    private const string NoSuchEntry = "0123456789abcdef0123456789abcdef";

    private static readonly string LocalDirectory = typeof(EveryFunctionTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SolidayLocalDirectory").Value!;

    /// <summary>A request reaching each HTTP function, and whether it is the curator who sends it.</summary>
    private static readonly Dictionary<string, (bool AsCurator, Func<HttpRequestMessage> Request)> Requests = new()
    {
        ["SubmitForm"] = (false, () => Get("/api/submit")),
        ["SubmissionStatus"] = (false, () => Get($"/api/submissions/{NoSuchEntry}")),
        ["KeptPhoto"] = (false, () => Get($"/api/submit/kept/{NoSuchEntry}/AAAAAAAAAAAAAAAAAAAAAA")),
        ["SubmissionPhoto"] = (false, () => Get($"/api/submissions/{NoSuchEntry}/photos/0-480.jpg")),
        ["SubmissionTakedownForm"] = (false, () => Get($"/api/submissions/{NoSuchEntry}/takedown")),
        ["SubmissionTakedown"] = (false, () => Post($"/api/submissions/{NoSuchEntry}/takedown", new { })),
        ["ReportForm"] = (false, () => Get($"/api/report/{NoSuchEntry}")),
        ["ReportProblem"] = (false, () => Post($"/api/report/{NoSuchEntry}", new { })),
        ["SubmissionSlip"] = (false, () => Get($"/api/submissions/{NoSuchEntry}/slip?key=not-the-key")),
        ["HelperModePage"] = (false, () => Get("/api/submit/helping")),
        ["HelperModeChange"] = (false, () => Post("/api/submit/helping", new { code = "not-a-helper-code" })),
        ["CurationPage"] = (true, () => Get("/api/curation")),
        ["CurationSignInForm"] = (false, () => Get("/api/curation/signin")),
        ["CurationSignIn"] = (false, () => new HttpRequestMessage(HttpMethod.Post, "/api/curation/signin") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "not-the-token" }) }),
        ["CurationSignOut"] = (false, () => new HttpRequestMessage(HttpMethod.Post, "/api/curation/signout")),
        ["CurationQueue"] = (true, () => Get("/api/curation/queue")),
        ["CurationCounts"] = (true, () => Get("/api/curation/counts")),
        ["CurationUnpublish"] = (true, () => Post($"/api/curation/{NoSuchEntry}/unpublish", new { reason = "Checking the route" })),
        ["CurationRemove"] = (true, () => Post($"/api/curation/{NoSuchEntry}/remove", new { reason = "Checking the route" })),
        ["CurationEditForm"] = (true, () => Get($"/api/curation/{NoSuchEntry}/edit")),
        ["CurationEdit"] = (true, () => Post($"/api/curation/{NoSuchEntry}/edit", new { caption = "x" })),
        ["CurationFeature"] = (true, () => Post($"/api/curation/{NoSuchEntry}/feature", new { featured = true })),
        ["CurationBulk"] = (true, () => Post("/api/curation/bulk", new { action = "approve", ids = Array.Empty<string>() })),
        ["CurationMedia"] = (true, () => Get($"/api/curation/media/{NoSuchEntry}/0-480.jpg")),
        ["CurationReports"] = (true, () => Get("/api/curation/reports")),
        ["CurationDismissReport"] = (true, () => Post($"/api/curation/reports/{NoSuchEntry}/{NoSuchEntry}/dismiss", new { })),
        ["Asset"] = (false, () => Get("/api/assets/site.css")),
        ["Health"] = (false, () => Get("/api/health")),
        ["PurgeHistory"] = (false, () => Post("/api/operations/purge-history", new { olderThanDays = 30 })),
        ["ReceiveHashtagPost"] = (false, () => Post("/api/hooks/posts", new { })),
    };

    /// <summary>Reached by the behaviour test below, each with its own visible effect.</summary>
    private static readonly string[] ReachedByEffect = ["Submit", "CurationApprove", "CurationReject"];

    private SolidayHost Host => fixture.Host;

    [Fact]
    public void Every_HTTP_function_of_the_Functions_build_has_a_request_here()
    {
        var functions = HttpFunctionNames();

        Assert.Contains("CurationApprove", functions); // the metadata is the build's own, not empty
        Assert.Equal(functions.Order(), Requests.Keys.Concat(ReachedByEffect).Order());
    }

    [Fact]
    public async Task Each_request_is_answered_by_its_own_function_through_the_local_host()
    {
        foreach (var (function, (asCurator, request)) in Requests)
        {
            var before = Executions(function);

            using var response = await (asCurator ? Host.Curator : Host.Http).SendAsync(request());

            Assert.True((int)response.StatusCode < 500, $"{function} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            await SolidayApi.EventuallyAsync(() => Task.FromResult(Executions(function) > before), $"the host logs that {function} ran");
        }
    }

    [Fact]
    public async Task Approve_publishes_and_reject_rejects_each_through_its_own_function()
    {
        var approved = await Host.Http.SubmitAsync(new SubmissionBuilder());
        var rejected = await Host.Http.SubmitAsync(new SubmissionBuilder());
        await Host.Http.WaitForStatusAsync(approved, "awaiting-curation");
        await Host.Http.WaitForStatusAsync(rejected, "awaiting-curation");

        using var approval = await Host.Curator.ApproveAsync(approved);
        using var rejection = await Host.Curator.RejectAsync(rejected, "Not of the day");

        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);
        Assert.Equal("approve", JsonNode.Parse(await approval.Content.ReadAsStringAsync())!["decision"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, rejection.StatusCode);
        Assert.Equal("reject", JsonNode.Parse(await rejection.Content.ReadAsStringAsync())!["decision"]!.GetValue<string>());
        await Host.Http.WaitForStatusAsync(approved, "published");
        await Host.Http.WaitForStatusAsync(rejected, "rejected");
        Assert.True(await Host.Http.SiteHasAsync($"entries/{approved}.html"));
        Assert.False(await Host.Http.SiteHasAsync($"entries/{rejected}.html"));
        Assert.All(ReachedByEffect, function => Assert.True(Executions(function) > 0, $"The host never logged {function} running."));
    }

    private int Executions(string function)
    {
        var marker = $"Executing 'Functions.{function}'";
        var output = Host.Output;
        var count = 0;
        for (var at = output.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = output.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static List<string> HttpFunctionNames() =>
        (from function in JsonNode.Parse(File.ReadAllText(Path.Combine(LocalDirectory, "functions.metadata")))!.AsArray()
         where function!["bindings"]!.AsArray().Any(b => b!["type"]!.GetValue<string>() == "httpTrigger")
         select function!["name"]!.GetValue<string>()).ToList();

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, object body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
}
