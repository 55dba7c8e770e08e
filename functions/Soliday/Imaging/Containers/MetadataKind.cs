namespace Soliday.Imaging.Containers;

/// <summary>What a piece of a container holds, for the limit that applies to it.</summary>
public enum MetadataKind
{
    /// <summary>Pixels or the structure needed to read them: not metadata, not counted.</summary>
    Image,
    IccProfile,
    Exif,
    Xmp,
    Text,
    /// <summary>Anything else a writer added (Photoshop resources, maker blocks, unknown chunks).</summary>
    Other,
}
