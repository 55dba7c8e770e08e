using Soliday.Infrastructure.Tests.Support;

namespace Soliday.Infrastructure.Tests;

/// <summary>The Bicep compiles and passes the linter with nothing to say, offline.</summary>
public sealed class BicepTests
{
    [Fact]
    public void Bicep_build_reports_no_error_or_warning()
    {
        var output = Path.Combine(Path.GetTempPath(), $"soliday-bicep-{Guid.NewGuid():N}");
        try
        {
            var result = BicepCli.Run("build", Repository.File("infra", "main.bicep"), "--outdir", output);

            Assert.True(result.ExitCode == 0 && result.Output.Length == 0, result.ToString());
            Assert.True(File.Exists(Path.Combine(output, "main.json")));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Bicep_lint_reports_nothing(string file)
    {
        var result = BicepCli.Run("lint", Repository.File("infra", file));

        Assert.True(result.ExitCode == 0 && result.Output.Length == 0, result.ToString());
    }

    [Fact]
    public void No_module_comes_from_a_registry()
    {
        // Registry modules cannot be fetched offline, and pin behaviour to someone else's release.
        foreach (var file in Directory.GetFiles(Repository.File("infra"), "*.bicep", SearchOption.AllDirectories))
        {
            Assert.DoesNotMatch(@"(?m)^\s*module\s+\w+\s+'br[:/]", File.ReadAllText(file));
        }
    }

    public static TheoryData<string> BicepFiles()
    {
        var files = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Repository.File("infra"), "*.bicep", SearchOption.AllDirectories).Order())
        {
            files.Add(Path.GetRelativePath(Repository.File("infra"), path));
        }

        return files;
    }
}
