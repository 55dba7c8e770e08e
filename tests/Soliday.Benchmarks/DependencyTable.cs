using Soliday.Testing;

namespace Soliday.Benchmarks;

/// <summary>
/// Prints, as Markdown to paste into docs/layering.md, which folders of functions/Soliday use
/// which: the table, the pairs that use each other and the knots (cycles). Given two folders, the
/// types that make the one use the other, which is where a cycle is broken.
/// </summary>
public static class DependencyTable
{
    public static int Run(string? from, string? to)
    {
        var dependencies = FolderDependencies.OfSoliday();
        if (from is not null)
        {
            return PrintTypes(dependencies, from, to);
        }

        Console.WriteLine("| Folder | Uses | Used by |");
        Console.WriteLine("|---|---|---|");
        foreach (var folder in dependencies.Folders)
        {
            var usedBy = dependencies.Folders.Where(other => dependencies.UsedBy(other).Contains(folder));
            Console.WriteLine($"| {folder} | {List(dependencies.UsedBy(folder))} | {List(usedBy)} |");
        }

        var pairs = dependencies.MutualPairs();
        Console.WriteLine();
        Console.WriteLine($"{dependencies.Edges.Count} folder → folder edges; {pairs.Count} pairs of folders use each other:");
        Console.WriteLine();
        foreach (var (first, second) in pairs)
        {
            Console.WriteLine($"- {first} ⇄ {second}");
        }

        var cycles = dependencies.Cycles();
        Console.WriteLine();
        Console.WriteLine($"{cycles.Count} strongly connected set(s) of folders (each folder reaches every other):");
        Console.WriteLine();
        foreach (var cycle in cycles)
        {
            Console.WriteLine($"- {cycle.Count} folders: {string.Join(", ", cycle)}");
        }

        return 0;
    }

    private static int PrintTypes(FolderDependencies dependencies, string from, string? to)
    {
        var uses = dependencies.Uses.Where(use => use.FromFolder == from && (to is null || use.ToFolder == to)).ToList();
        if (!dependencies.Folders.Contains(from) || (to is not null && !dependencies.Folders.Contains(to)))
        {
            Console.Error.WriteLine($"Folders are: {string.Join(", ", dependencies.Folders)}");
            return 2;
        }

        Console.WriteLine($"| {from} type | uses | in |");
        Console.WriteLine("|---|---|---|");
        foreach (var use in uses)
        {
            Console.WriteLine($"| {use.FromType} | {use.ToType} | {use.ToFolder} |");
        }

        return 0;
    }

    private static string List(IEnumerable<string> folders) =>
        folders.Any() ? string.Join(", ", folders) : "—";
}
