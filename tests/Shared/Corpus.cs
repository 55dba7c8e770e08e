namespace Soliday.Testing;

/// <summary>
/// The shared test images (<c>../shared/corpus</c> beside the repository): real photos with EXIF,
/// other formats, and crafted malformed files. See its MANIFEST.tsv.
/// </summary>
public static class Corpus
{
    public static string Root { get; } = Find();

    public static string RealExif => Path.Combine(Root, "real-exif");
    public static string OtherFormats => Path.Combine(Root, "other-formats");
    public static string Malformed => Path.Combine(Root, "malformed");

    public static string File(string folder, string name) => Path.Combine(Root, folder, name);

    public static byte[] Read(string folder, string name) => System.IO.File.ReadAllBytes(File(folder, name));

    /// <summary>Every file of a folder by name, as theory data: test names stay readable.</summary>
    public static IEnumerable<object[]> Files(string folder) =>
        Directory.GetFiles(Path.Combine(Root, folder)).Order(StringComparer.Ordinal).Select(file => new object[] { Path.GetFileName(file) });

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("SOLIDAY_CORPUS") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (System.IO.File.Exists(Path.Combine(candidate, "MANIFEST.tsv")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "The test corpus (../shared/corpus beside the repository) was not found; set SOLIDAY_CORPUS to its path.");
    }
}
