using Soliday.Testing;

namespace Soliday.Tests.Architecture;

/// <summary>
/// A ratchet on the folders of functions/Soliday (issue 13): today they are one knot, every folder
/// reaching every other. No folder may start using one it did not use, and a use that goes away
/// must be struck from <see cref="Allowed"/>, so the list only shrinks until the target layering
/// holds. The table and the types behind each edge: <c>dotnet run --project tests/Soliday.Benchmarks
/// -- dependencies [from] [to]</c>; the plan in docs/layering.md.
/// </summary>
public sealed class FolderLayeringTests
{
    /// <summary>Every folder → folder use there is today (measured 2026-12-06), and no other.</summary>
    private static readonly string[] Allowed =
    [
        "(root) → Curation", "(root) → Hashtags", "(root) → Imaging", "(root) → Operations", "(root) → Pages",
        "(root) → Notifications", "(root) → Storage", "(root) → Submissions", "(root) → Tagging", "(root) → Timeline", "(root) → Web",
        "Curation → (root)", "Curation → Hashtags", "Curation → Imaging", "Curation → Pages", "Curation → Storage",
        "Curation → Submissions", "Curation → Tagging", "Curation → Telemetry", "Curation → Timeline", "Curation → Web",
        "Hashtags → (root)", "Hashtags → Curation", "Hashtags → Imaging", "Hashtags → Storage", "Hashtags → Submissions",
        "Hashtags → Web",
        "Imaging → (root)", "Imaging → Storage", "Imaging → Submissions", "Imaging → Telemetry",
        "Notifications → (root)", "Notifications → Curation", "Notifications → Pages", "Notifications → Storage", "Notifications → Submissions",
        "Notifications → Timeline", "Notifications → Web",
        "Operations → (root)", "Operations → Curation", "Operations → Storage", "Operations → Submissions", "Operations → Web",
        "Pages → (root)", "Pages → Curation", "Pages → Hashtags", "Pages → Imaging", "Pages → Submissions",
        "Pages → Tagging", "Pages → Timeline", "Pages → Web",
        "Storage → Curation", "Storage → Hashtags", "Storage → Imaging", "Storage → Submissions", "Storage → Timeline",
        "Submissions → (root)", "Submissions → Curation", "Submissions → Hashtags", "Submissions → Imaging", "Submissions → Notifications",
        "Submissions → Pages", "Submissions → Storage", "Submissions → Tagging", "Submissions → Telemetry",
        "Submissions → Timeline", "Submissions → Web",
        "Tagging → (root)", "Tagging → Imaging", "Tagging → Submissions",
        "Timeline → (root)", "Timeline → Imaging", "Timeline → Pages", "Timeline → Storage", "Timeline → Submissions",
        "Timeline → Tagging", "Timeline → Telemetry", "Timeline → Timeline/OpenData",
        "Timeline/OpenData → Pages", "Timeline/OpenData → Submissions", "Timeline/OpenData → Tagging",
        "Timeline/OpenData → Timeline",
        "Web → Pages", "Web → Storage", "Web → Submissions",
    ];

    /// <summary>
    /// The target, lowest layer first: a folder may use the folders of lower layers and of its own
    /// block, never one above. Entries is the kernel still to be made (the entry's own types, from
    /// Submissions, Imaging, Tagging, Curation and the root); Storage and Web know no capability;
    /// Timeline, its open data and the Pages are one block; Workflow (the orchestration, out of
    /// Submissions) sits above the capabilities it drives; the root only composes.
    /// </summary>
    private static readonly string[][] TargetLayers =
    [
        ["Entries"],
        ["Telemetry"],
        ["Storage"],
        ["Web"],
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

    /// <summary>Today's edges that point up the target layers: the work of the re-layering.</summary>
    private static readonly string[] EdgesThatMustGo =
    [
        "Curation → (root)", "Hashtags → (root)", "Imaging → (root)", "Notifications → (root)", "Operations → (root)", "Pages → (root)",
        "Submissions → (root)", "Tagging → (root)", "Timeline → (root)", // SolidayOptions to Entries
        "Hashtags → Curation", // EntryFlag, FlagCodes to Entries
        "Imaging → Submissions", // Entry, EntryStateNames to Entries; EntryStore to Storage
        "Pages → Curation", "Pages → Hashtags", "Pages → Submissions", // curation and form pages to their capability
        "Storage → Curation", "Storage → Hashtags", "Storage → Submissions", "Storage → Timeline", // StorageSetup to (root)
        "Storage → Imaging", // ImageFormats to Entries
        "Submissions → Curation", "Submissions → Hashtags", "Submissions → Notifications", // SubmissionOrchestration and EntryErasure to Workflow
        "Tagging → Submissions", "Timeline → Submissions", "Timeline/OpenData → Submissions", // Entry, Licence… to Entries
        "Web → Pages", // AssetEndpoints to Pages
        "Web → Submissions", // TokenSigner takes its key, not SubmissionOptions
    ];

    private static readonly FolderDependencies Today = FolderDependencies.OfSoliday();

    [Fact]
    public void No_folder_starts_using_a_folder_it_did_not_use()
    {
        var added = Today.Edges.Except(Allowed).ToList();

        Assert.True(added.Count == 0,
            "New folder → folder uses (break them, or argue for them in docs/layering.md first):\n"
            + string.Join("\n", added.Select(edge => $"{edge}: {TypesBehind(edge)}")));
    }

    [Fact]
    public void Every_allowed_edge_is_still_used_so_the_list_shrinks_as_cycles_break()
    {
        var gone = Allowed.Except(Today.Edges).ToList();

        Assert.True(gone.Count == 0,
            "No longer used; strike from Allowed (and from EdgesThatMustGo): " + string.Join(", ", gone));
    }

    [Fact]
    public void The_analysis_sees_uses_in_signatures_method_bodies_constants_and_nameof()
    {
        Assert.Contains("Submissions → Storage", Today.Edges);
        // A constructor parameter: the erasure unpublishes through the timeline.
        Assert.Contains(new TypeUse("Submissions", "EntryErasure", "Timeline", "TimelinePublisher"), Today.Uses);
        // Only inside a method body: the stylesheet endpoint looks the asset up.
        Assert.Contains(new TypeUse("Web", "AssetEndpoints", "Pages", "SiteAssets"), Today.Uses);
        // Only a constant, which the compiler copies in: the queue names storage creates.
        Assert.Contains(new TypeUse("Storage", "StorageSetup", "Hashtags", "HashtagPostQueue"), Today.Uses);
        // Only a nameof, which the compiler also copies in: the orchestration calls the photo step by name.
        Assert.Contains(new TypeUse("Submissions", "SubmissionOrchestration", "Imaging", "PhotoPreparation"), Today.Uses);
        // A Razor component counts as the C# it becomes.
        Assert.Contains(new TypeUse("Pages", "CurationPage", "Curation", "BoardEntry"), Today.Uses);
    }

    [Fact]
    public void Edges_that_must_go_are_exactly_todays_edges_pointing_up_the_target_layers()
    {
        var layerOf = TargetLayers
            .SelectMany((block, layer) => block.Select(folder => (folder, layer)))
            .ToDictionary(entry => entry.folder, entry => entry.layer);
        Assert.Subset(layerOf.Keys.ToHashSet(), Today.Folders.ToHashSet());

        var upward = Allowed
            .Select(edge => edge.Split(" → "))
            .Where(ends => layerOf[ends[1]] > layerOf[ends[0]])
            .Select(ends => FolderDependencies.Edge(ends[0], ends[1]));

        Assert.Equal(upward.Order(StringComparer.Ordinal), EdgesThatMustGo.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_the_edges_that_must_go_the_only_cycle_left_is_inside_the_timeline_block()
    {
        var remaining = Allowed.Except(EdgesThatMustGo).ToHashSet();

        var cycles = FolderDependencies.CyclesOf(Today.Folders, remaining);

        var timelineBlock = TargetLayers.Single(block => block.Contains("Timeline"));
        Assert.All(cycles, cycle => Assert.Subset(timelineBlock.ToHashSet(), cycle.ToHashSet()));
        Assert.NotEmpty(FolderDependencies.CyclesOf(Today.Folders, Allowed.ToHashSet()));
    }

    private static string TypesBehind(string edge)
    {
        var ends = edge.Split(" → ");
        return string.Join(", ", Today.Uses
            .Where(use => use.FromFolder == ends[0] && use.ToFolder == ends[1])
            .Select(use => $"{use.FromType} uses {use.ToType}"));
    }
}
