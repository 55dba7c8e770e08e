using System.Diagnostics;
using System.Text.Json.Nodes;
using Soliday.Infrastructure.Tests.Support;

namespace Soliday.Infrastructure.Tests;

/// <summary>
/// A build that deploys tomorrow as it does today: the SDK moves only by patches, and warnings or a
/// new advisory fail CI and Debug builds but never the Release publish `azd deploy` makes.
/// </summary>
public sealed class BuildSettingsTests
{
    [Fact]
    public void The_SDK_is_pinned_to_its_feature_band_and_rolls_forward_only_to_patches()
    {
        var sdk = JsonNode.Parse(File.ReadAllText(Repository.File("global.json")))!["sdk"]!;

        Assert.Equal("latestPatch", sdk["rollForward"]!.GetValue<string>());
        Assert.Matches(@"^10\.0\.\d00$", sdk["version"]!.GetValue<string>());
        Assert.False(sdk["allowPrerelease"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("Debug", false, true, false)] // a developer's build and test: warnings fail it, an advisory does not
    [InlineData("Debug", true, true, true)] // .ci/run
    [InlineData("Release", true, true, true)] // a Release build in CI
    [InlineData("Release", false, false, false)] // azd deploy's dotnet publish
    public void Warnings_and_advisories_are_errors_in_CI_and_never_block_a_Release_publish_outside_it(
        string configuration, bool ci, bool warningsAreErrors, bool advisoriesAreErrors)
    {
        var properties = Evaluate(configuration, ci);

        Assert.Equal(warningsAreErrors, bool.Parse(properties["TreatWarningsAsErrors"]!.GetValue<string>()));
        var errors = properties["WarningsAsErrors"]!.GetValue<string>().Split(';');
        var notErrors = properties["WarningsNotAsErrors"]!.GetValue<string>().Split(';');
        foreach (var advisory in new[] { "NU1901", "NU1902", "NU1903", "NU1904" })
        {
            Assert.Equal(advisoriesAreErrors, errors.Contains(advisory));
            Assert.Equal(!advisoriesAreErrors, notErrors.Contains(advisory));
        }

        Assert.Equal("all", properties["NuGetAuditMode"]!.GetValue<string>());
    }

    [Fact]
    public void The_CI_script_runs_as_CI()
    {
        Assert.Matches(@"(?m)^export CI=true$", File.ReadAllText(Repository.File(".ci", "run")));
    }

    /// <summary>The Functions project's properties as MSBuild evaluates them, without building.</summary>
    private static JsonObject Evaluate(string configuration, bool ci)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in new[]
        {
            "msbuild", Repository.File("functions", "Soliday.Functions", "Soliday.Functions.csproj"),
            $"-p:Configuration={configuration}",
            "-getProperty:TreatWarningsAsErrors", "-getProperty:WarningsAsErrors",
            "-getProperty:WarningsNotAsErrors", "-getProperty:NuGetAuditMode",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("CI");
        if (ci)
        {
            start.Environment["CI"] = "true";
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet msbuild exited {process.ExitCode}: {output}{error.Result}");
        return JsonNode.Parse(output)!["Properties"]!.AsObject();
    }
}
