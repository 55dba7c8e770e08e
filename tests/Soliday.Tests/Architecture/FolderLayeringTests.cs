using Soliday.Entries;
using Soliday.Testing;

namespace Soliday.Tests.Architecture;

/// <summary>
/// The folders of functions/Soliday form layers (issue 13): a folder uses only the folders of lower
/// layers, and those of its own block, never one above; so no cycle runs between folders but the
/// one inside the public site's block. The table and the types behind each edge:
/// <c>dotnet run --project tests/Soliday.Benchmarks -- dependencies [from] [to]</c>; the layers and
/// why in docs/layering.md.
/// </summary>
public sealed class FolderLayeringTests
{
    /// <summary>
    /// Lowest layer first: a folder may use the folders of lower layers and of its own block. Entries
    /// is the kernel (the entry and its value types); Storage and Web know no capability; Timeline, its
    /// open data and the site's Pages are one block; Workflow (the orchestration, its activities and
    /// their contracts, and what starts, signals, stops and purges it) sits above the capabilities it
    /// drives; the root only composes.
    /// </summary>
    private static readonly string[][] TargetLayers =
    [
        ["Entries"],
        ["Telemetry"],
        ["Words"],
        ["Storage"],
        ["Web"],
        ["Mail"],
        ["Imaging"],
        ["Tagging"],
        ["Timeline", "Timeline/OpenData", "Pages"],
        ["Submissions"],
        ["Hashtags"],
        ["Curation"],
        ["Notifications"],
        ["Workflow"],
        ["Operations"],
        ["(root)"],
    ];

    private static readonly string[] TimelineBlock = TargetLayers.Single(block => block.Contains("Timeline"));

    private static readonly FolderDependencies Today = FolderDependencies.OfSoliday();

    [Fact]
    public void Every_folder_has_a_place_in_the_layers()
    {
        var placed = TargetLayers.SelectMany(block => block).ToHashSet();

        var unplaced = Today.Folders.Where(folder => !placed.Contains(folder)).ToList();

        Assert.True(unplaced.Count == 0,
            "A folder with no layer (add it to TargetLayers and docs/layering.md): " + string.Join(", ", unplaced));
    }

    [Fact]
    public void No_folder_uses_a_folder_above_it()
    {
        var upward = UpwardEdges(Today.Edges);

        Assert.True(upward.Count == 0,
            "Uses of a higher layer (move the type down, or the user up; see docs/layering.md):\n"
            + string.Join("\n", upward.Select(edge => $"{edge}: {TypesBehind(edge)}")));
    }

    [Fact]
    public void No_cycle_between_folders_but_inside_the_timeline_block()
    {
        var cycles = Today.Cycles();

        Assert.All(cycles, cycle => Assert.Subset(TimelineBlock.ToHashSet(), cycle.ToHashSet()));
    }

    [Fact]
    public void The_rules_catch_a_use_of_a_higher_folder_and_the_cycle_it_makes()
    {
        // Storage naming a queue of Curation, as StorageSetup once did from inside Storage.
        var withBackEdge = Today.Edges.Add(FolderDependencies.Edge("Storage", "Curation"));

        Assert.Equal(["Storage → Curation"], UpwardEdges(withBackEdge));
        Assert.Contains(FolderDependencies.CyclesOf(Today.Folders, withBackEdge),
            cycle => cycle.Contains("Storage") && cycle.Contains("Curation"));
        // And a use inside the block is no back-edge: the pages and the timeline use each other.
        Assert.Contains("Timeline → Pages", Today.Edges);
        Assert.Contains("Pages → Timeline", Today.Edges);
    }

    [Fact]
    public void The_analysis_sees_uses_in_signatures_method_bodies_constants_and_nameof()
    {
        Assert.Contains("Submissions → Storage", Today.Edges);
        Assert.Contains("Workflow → Curation", Today.Edges);
        // A constructor parameter: the erasure unpublishes through the timeline.
        Assert.Contains(new TypeUse("Submissions", "EntryErasure", "Timeline", "TimelinePublisher"), Today.Uses);
        // Only inside a method body: the stylesheet endpoint answers a missing asset with a problem.
        Assert.Contains(new TypeUse("Pages", "AssetEndpoint", "Web", "Problems"), Today.Uses);
        // Only a constant, which the compiler copies in: the queue names storage creates.
        Assert.Contains(new TypeUse("(root)", "StorageSetup", "Hashtags", "HashtagPostQueue"), Today.Uses);
        // Only a nameof, which the compiler also copies in. None crosses folders today (the
        // orchestration names its steps in Workflow itself), so a file that does is read beside the real build.
        Assert.Contains(new TypeUse("Storage", "NamesOnly", "Imaging", "PhotoPreparation"), WithSource("Storage/NamesOnly.cs", "static class NamesOnly { const string Step = nameof(PhotoPreparation); }").Uses);
        // A Razor component counts as the C# it becomes.
        Assert.Contains(new TypeUse("Curation", "CurationPage", "Pages", "PageShell"), Today.Uses);
    }

    /// <summary>The analysis of today's build, with the source of one file added under a folder of its own.</summary>
    private static FolderDependencies WithSource(string path, string code)
    {
        var folder = Directory.CreateTempSubdirectory("soliday-layering-");
        try
        {
            var file = Path.Combine(folder.FullName, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, code);
            return FolderDependencies.Of(typeof(SolidayOptions).Assembly.Location, folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<string> UpwardEdges(IEnumerable<string> edges)
    {
        var layerOf = TargetLayers
            .SelectMany((block, layer) => block.Select(folder => (folder, layer)))
            .ToDictionary(entry => entry.folder, entry => entry.layer);
        return
        [
            .. edges
                .Select(edge => edge.Split(" → "))
                .Where(ends => layerOf.ContainsKey(ends[0]) && layerOf.ContainsKey(ends[1]) && layerOf[ends[1]] > layerOf[ends[0]])
                .Select(ends => FolderDependencies.Edge(ends[0], ends[1])),
        ];
    }

    private static string TypesBehind(string edge)
    {
        var ends = edge.Split(" → ");
        return string.Join(", ", Today.Uses
            .Where(use => use.FromFolder == ends[0] && use.ToFolder == ends[1])
            .Select(use => $"{use.FromType} uses {use.ToType}"));
    }
}
