using System.Diagnostics;

namespace Soliday.Functions.Tests.Curation;

/// <summary>
/// The Functions app as Azure starts it (its own Program, as a process): a short curator token, or
/// two curators with one token, stops it before it takes any request, saying what to set.
/// </summary>
public sealed class CuratorTokenAtStartTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_app_refuses_to_start_with_a_short_curator_token()
    {
        var (exitCode, output) = await StartAsync(new() { ["Curation__LocalToken"] = "too-short" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Every curator token (Curation:Curators:N:Token, and Curation:LocalToken) must be at least 32 characters", output);
    }

    [Fact]
    public async Task The_app_refuses_to_start_with_two_curators_sharing_a_token_and_never_prints_it()
    {
        var shared = Convert.ToHexString(new byte[20]);
        var (exitCode, output) = await StartAsync(new()
        {
            ["Curation__Curators__0__Name"] = "Jo Baker",
            ["Curation__Curators__0__Token"] = shared,
            ["Curation__Curators__1__Name"] = "Sam Ng",
            ["Curation__Curators__1__Token"] = shared,
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Curation:Curators:0 (Jo Baker) and Curation:Curators:1 (Sam Ng) have the same token", output);
        Assert.DoesNotContain(shared, output);
    }

    [Fact]
    public async Task A_long_curator_token_passes_the_check()
    {
        // No Functions host is there to connect to, so the worker stops anyway; not over the token.
        var (_, output) = await StartAsync(new() { ["Curation__Curators__0__Name"] = "Jo Baker", ["Curation__Curators__0__Token"] = Convert.ToBase64String(new byte[32]) });

        Assert.DoesNotContain("Curation:", output);
    }

    private static async Task<(int ExitCode, string Output)> StartAsync(Dictionary<string, string> curators)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "Soliday.Functions.dll"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                // What the Functions host gives its worker, and the settings the app checks before this one.
                ["Functions__Worker__HostEndpoint"] = "http://127.0.0.1:9",
                ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
                ["Site__PublicUrl"] = "https://soliday.example/site/",
                ["Soliday__Day"] = "2026-06-20",
                ["Submissions__SigningKey"] = Convert.ToBase64String(new byte[32]),
            },
        };
        foreach (var (key, value) in curators)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(StartLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The Functions app neither started nor stopped within {StartLimit.TotalSeconds} s.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
