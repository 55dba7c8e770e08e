namespace Soliday.Imaging;

/// <summary>Limits on what a photo may be, bound from the <c>Imaging</c> configuration section.</summary>
public sealed class ImagingOptions
{
    public const string Section = "Imaging";

    /// <summary>Largest upload accepted, in bytes (25 MB: a phone's full-size photo with room to spare).</summary>
    public long MaxUploadBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Most pixels decoded (50 MP: above any phone camera, far below a decompression bomb).</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Longest side accepted, in pixels.</summary>
    public int MaxSide { get; set; } = 16_000;

    /// <summary>Rendition widths, each made as JPEG and WebP; never upscaled.</summary>
    public int[] RenditionWidths { get; set; } = [480, 960, 1600];

    /// <summary>
    /// How long decoding one photo, or reading its header, may take before it is refused. A 50 MP JPEG decodes in about a
    /// second here; a crafted file that makes the decoder crawl is stopped at this budget.
    /// </summary>
    public TimeSpan DecodeTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Photos checked or decoded at once in this process: header reads (the form's, posts') take a
    /// slot too. A 50 MP photo peaks at about 250 MB while it is made into renditions; two at a
    /// time keep the process under 700 MB (docs/benchmarks.md, "Hostile uploads"), a 2 GB instance
    /// safe, and already keep two cores busy. More than this simply wait their turn.
    /// </summary>
    public int MaxConcurrentPhotos { get; set; } = 2;

    /// <summary>
    /// Most memory one image may claim while decoded, in MB. A 50 MP photo decodes to 200 MB of RGBA;
    /// anything asking for more is refused by the allocator itself, a second line behind the pixel
    /// limit read from the header.
    /// </summary>
    public int AllocationLimitMegabytes { get; set; } = 256;
}
