namespace Soliday.Tagging;

/// <summary>A named place: photos whose GPS falls within its radius are tagged with its name.</summary>
public sealed record NamedPlace(string Name, double Latitude, double Longitude, double RadiusKm);

/// <summary>Bound from the <c>Tagging</c> configuration section.</summary>
public sealed class TaggingOptions
{
    public const string Section = "Tagging";

    /// <summary>
    /// The places a coarse location is named from. Only the name is ever public: a photo's GPS
    /// position stays in the private record.
    /// </summary>
    public List<NamedPlace> Places { get; set; } = [];
}
