using System.Diagnostics;

namespace Soliday.Functions.Tests.Curation;

/// <summary>
/// The Functions app as Azure starts it (its own Program, as a process): a short curator token
/// stops it before it takes any request, saying what to set.
/// </summary>
public sealed class CuratorTokenAtStartTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_app_refuses_to_start_with_a_short_curator_token()
    {
        var (exitCode, output) = await StartAsync("too-short");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Curation:LocalToken must be at least 32 characters", output);
    }

    [Fact]
    public async Task A_long_curator_token_passes_the_check()
    {
        // No Functions host is there to connect to, so the worker stops anyway; not over the token.
        var (_, output) = await StartAsync(Convert.ToBase64String(new byte[32]));

        Assert.DoesNotContain("Curation:LocalToken", output);
    }

    private static async Task<(int ExitCode, string Output)> StartAsync(string curatorToken)
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
                ["Curation__LocalToken"] = curatorToken,
            },
        };
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
