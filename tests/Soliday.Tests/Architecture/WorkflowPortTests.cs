using System.Text.RegularExpressions;

namespace Soliday.Tests.Architecture;

/// <summary>
/// Only Workflow changes an entry's workflow: starting it, raising an event to it, stopping and
/// purging it go through <c>ISubmissionWorkflows</c>, implemented in Workflow (docs/layering.md,
/// "The workflow in one place"). The capabilities may still read an instance's status. A call of
/// the durable client that changes an instance, in any other folder, fails here.
/// </summary>
public sealed partial class WorkflowPortTests
{
    /// <summary>The operators' purge of ended history by a filter (<c>PurgeAllInstancesAsync</c>) is no entry's workflow, and is not matched.</summary>
    [GeneratedRegex(@"\.(ScheduleNewOrchestrationInstanceAsync|RaiseEventAsync|TerminateInstanceAsync|PurgeInstanceAsync|SuspendInstanceAsync|ResumeInstanceAsync|RestartAsync)\s*\(")]
    private static partial Regex ChangesAnInstance();

    [Fact]
    public void No_folder_but_Workflow_changes_an_entry_s_workflow()
    {
        var outside = CallsByFolder().Where(call => call.Folder != "Workflow").Select(call => call.ToString()).ToList();

        Assert.True(outside.Count == 0,
            "Change an entry's workflow through ISubmissionWorkflows (implemented in Workflow):\n" + string.Join("\n", outside));
    }

    [Fact]
    public void The_scan_finds_the_changes_Workflow_makes()
    {
        // Guards the guard: a scan that found nothing would let the other test pass vacuously.
        var methods = CallsByFolder().Where(call => call.Folder == "Workflow").Select(call => call.Method).ToHashSet();

        Assert.Superset(new HashSet<string> { "ScheduleNewOrchestrationInstanceAsync", "RaiseEventAsync", "TerminateInstanceAsync", "PurgeInstanceAsync" }, methods);
    }

    private static IEnumerable<(string Folder, string File, string Method)> CallsByFolder()
    {
        var source = SourceFolder();
        return Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(source, file))
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .SelectMany(file => ChangesAnInstance().Matches(File.ReadAllText(Path.Combine(source, file)))
                .Select(match => (Folder: Path.GetDirectoryName(file)!.Split(Path.DirectorySeparatorChar)[0], File: file, Method: match.Groups[1].Value)));
    }

    private static string SourceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var source = Path.Combine(folder.FullName, "functions", "Soliday");
            if (File.Exists(Path.Combine(source, "Soliday.csproj")))
            {
                return source;
            }
        }

        throw new DirectoryNotFoundException($"No functions/Soliday above {AppContext.BaseDirectory}.");
    }
}
