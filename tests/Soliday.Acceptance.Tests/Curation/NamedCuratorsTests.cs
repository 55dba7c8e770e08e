using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Soliday.Acceptance.Tests.Support;
using Soliday.Storage;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Curation;

/// <summary>
/// Each curator signs in with a token of their own: the audit log names who decided, and taking one
/// curator off the list ends their sessions and bearer access, and nobody else's.
/// </summary>
public sealed partial class NamedCuratorsTests
{
    private readonly string _josToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
    private readonly string _samsToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));

    [Fact]
    public async Task Each_curator_s_decisions_are_audited_under_their_configured_name()
    {
        await using var host = await SolidayHost.StartAsync(Curators());
        var approvedByJo = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "The market opens"));
        var rejectedBySam = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "A private garden"));
        await host.Curator.WaitForQueueAsync(approvedByJo);
        await host.Curator.WaitForQueueAsync(rejectedBySam);
        using var jo = SessionClient(host, await SignInAsync(host, _josToken));
        using var sam = BearerClient(host, _samsToken);

        using var approval = await jo.ApproveAsync(approvedByJo);
        using var rejection = await sam.RejectAsync(rejectedBySam, "Not taken on the day.");
        var josPage = await jo.CurationPageAsync();

        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, rejection.StatusCode);
        Assert.Contains("Signed in as Jo Baker.", josPage);
        var audit = await AuditAsync(host);
        Assert.Contains((approvedByJo, "approve", "Jo Baker"), audit);
        Assert.Contains((rejectedBySam, "reject", "Sam Ng"), audit);
    }

    [Fact]
    public async Task Taking_a_curator_off_the_list_ends_their_session_and_bearer_access_and_nobody_else_s()
    {
        await using var host = await SolidayHost.StartAsync(Curators());
        using var josSession = SessionClient(host, await SignInAsync(host, _josToken));
        using var samsSession = SessionClient(host, await SignInAsync(host, _samsToken));
        using var josBearer = BearerClient(host, _josToken);
        using var samsBearer = BearerClient(host, _samsToken);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], await QueueAnswersAsync(josSession, samsSession, josBearer, samsBearer));

        // Jo has left: her two settings are cleared, and the app restarts with the new list.
        await host.KillAsync();
        await host.RestartAsync(new() { ["Curation__Curators__0__Name"] = "", ["Curation__Curators__0__Token"] = "" });
        var answers = await QueueAnswersAsync(josSession, josBearer, samsSession, samsBearer, host.Curator);
        using var josSignIn = await SignInAttemptAsync(host, _josToken);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], answers);
        Assert.Equal(HttpStatusCode.Unauthorized, josSignIn.StatusCode);
        Assert.Contains("That code is not one we know.", await josSignIn.Content.ReadAsStringAsync());
        Assert.Contains("Sam Ng", host.Output); // the banner names the curators left...
        Assert.DoesNotContain(_samsToken, host.Output); // ...and never prints a named curator's token
    }

    [Fact]
    public async Task Taking_a_curator_off_the_settings_file_ends_their_access_at_the_next_request_without_a_restart()
    {
        // Arrange: the list in the file the host reads again when it changes, as App Service resolves
        // a Key Vault reference again; Jo and Sam signed in, each with a decision made.
        var settingsFile = Path.Combine(Path.GetTempPath(), "soliday-tests", $"curators-{Guid.NewGuid():N}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(settingsFile)!);
        await WriteCuratorsAsync(settingsFile, ("Jo Baker", _josToken), ("Sam Ng", _samsToken));
        await using var host = await SolidayHost.StartAsync(new()
        {
            ["Local__SettingsFile"] = settingsFile,
            ["DOTNET_USE_POLLING_FILE_WATCHER"] = "true",
        });
        var process = host.ProcessId;
        string[] ids = [.. await Task.WhenAll(Enumerable.Range(1, 3).Select(n => host.Http.SubmitAsync(new SubmissionBuilder().With("caption", $"Market stall {n}"))))];
        foreach (var id in ids)
        {
            await host.Curator.WaitForQueueAsync(id);
        }

        using var josSession = SessionClient(host, await SignInAsync(host, _josToken));
        using var samsSession = SessionClient(host, await SignInAsync(host, _samsToken));
        using var josBearer = BearerClient(host, _josToken);
        using var samsBearer = BearerClient(host, _samsToken);
        using var josApproval = await josSession.ApproveAsync(ids[0]);
        using var samsApproval = await samsBearer.ApproveAsync(ids[1]);
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted], [josApproval.StatusCode, samsApproval.StatusCode]);

        // Act: Jo has left; the file is written again without her, and the host keeps running.
        await WriteCuratorsAsync(settingsFile, ("Sam Ng", _samsToken));
        await SolidayApi.EventuallyAsync(async () =>
        {
            using var probe = await josBearer.GetAsync("/api/curation/queue");
            return probe.StatusCode == HttpStatusCode.Unauthorized;
        }, "the host reads the list again and Jo's token stops working");
        var answers = await QueueAnswersAsync(josSession, josBearer, samsSession, samsBearer, host.Curator);
        using var josPage = await josSession.GetAsync("/api/curation");
        using var josLateApproval = await josSession.ApproveAsync(ids[2]);
        using var samsLateApproval = await samsSession.ApproveAsync(ids[2]);

        // Assert: Jo is out everywhere (her browser is sent to sign in), Sam and the local curator are not,
        // and each decision stays under the name of whoever made it.
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], answers);
        Assert.Equal(HttpStatusCode.SeeOther, josPage.StatusCode);
        Assert.Equal("/api/curation/signin", josPage.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, josLateApproval.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, samsLateApproval.StatusCode);
        Assert.Equal(process, host.ProcessId);
        var audit = await AuditAsync(host);
        Assert.Contains((ids[0], "approve", "Jo Baker"), audit);
        Assert.Contains((ids[1], "approve", "Sam Ng"), audit);
        Assert.Contains((ids[2], "approve", "Sam Ng"), audit);
        Assert.DoesNotContain(audit, line => line.Id == ids[2] && line.Curator == "Jo Baker");

        // A slip in the next edit (two curators of one name) is refused and logged, not a 500 for everyone:
        // the list before it, Sam's alone, stays.
        await WriteCuratorsAsync(settingsFile, ("Sam Ng", _samsToken), ("Sam Ng", _josToken));
        await SolidayApi.EventuallyAsync(async () =>
        {
            using var probe = await samsBearer.GetAsync("/api/curation/queue");
            return host.Output.Contains("keeps the ones before", StringComparison.Ordinal);
        }, "the host reads the list again, refuses it, and says so");
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.OK], await QueueAnswersAsync(josBearer, samsBearer, host.Curator));
        Assert.Equal(process, host.ProcessId);
        Assert.DoesNotContain(_josToken, host.Output);
        File.Delete(settingsFile);
    }

    /// <summary>
    /// Writes the curator list whole, then moves it into place, so the host never reads half a file.
    /// </summary>
    private static async Task WriteCuratorsAsync(string settingsFile, params (string Name, string Token)[] curators)
    {
        var list = new JsonArray([.. curators.Select(c => new JsonObject { ["Name"] = c.Name, ["Token"] = c.Token })]);
        var written = settingsFile + ".new";
        await File.WriteAllTextAsync(written, new JsonObject { ["Curation"] = new JsonObject { ["Curators"] = list } }.ToJsonString());
        File.Move(written, settingsFile, overwrite: true);
    }

    private Dictionary<string, string> Curators() => new()
    {
        ["Curation__Curators__0__Name"] = "Jo Baker",
        ["Curation__Curators__0__Token"] = _josToken,
        ["Curation__Curators__1__Name"] = "Sam Ng",
        ["Curation__Curators__1__Token"] = _samsToken,
    };

    private static async Task<HttpStatusCode[]> QueueAnswersAsync(params HttpClient[] curators)
    {
        var answers = new List<HttpStatusCode>();
        foreach (var curator in curators)
        {
            using var response = await curator.GetAsync("/api/curation/queue");
            answers.Add(response.StatusCode);
        }

        return [.. answers];
    }

    /// <summary>The session cookie the sign-in page gives for a token, as <c>name=value</c>.</summary>
    private static async Task<string> SignInAsync(SolidayHost host, string token)
    {
        using var response = await SignInAttemptAsync(host, token);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return Cookie(response, "soliday-curator");
    }

    private static async Task<HttpResponseMessage> SignInAttemptAsync(SolidayHost host, string token)
    {
        using var page = await host.Http.GetAsync("/api/curation/signin");
        var formToken = FormTokenField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/curation/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["form-token"] = formToken, ["token"] = token }),
        };
        signIn.Headers.Add("Cookie", Cookie(page, "soliday-form"));
        return await host.Http.SendAsync(signIn);
    }

    /// <summary>A client that sends a session cookie, as a script run from a signed-in curator's machine would.</summary>
    private static HttpClient SessionClient(SolidayHost host, string sessionCookie)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.Http.BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", sessionCookie);
        return client;
    }

    private static HttpClient BearerClient(SolidayHost host, string token) =>
        new() { BaseAddress = host.Http.BaseAddress, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };

    private static async Task<List<(string Id, string Action, string Curator)>> AuditAsync(SolidayHost host)
    {
        var log = host.Blobs.GetBlobContainerClient(StorageLayout.Curation).GetBlobClient(StorageLayout.AuditLog(DateOnly.FromDateTime(DateTime.UtcNow)));
        var lines = (await log.DownloadContentAsync()).Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Select(l => JsonNode.Parse(l)!).Select(n => (n["submissionId"]!.GetValue<string>(), n["action"]!.GetValue<string>(), n["curator"]!.GetValue<string>()))];
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0];

    [GeneratedRegex("name=\"form-token\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenField();
}
