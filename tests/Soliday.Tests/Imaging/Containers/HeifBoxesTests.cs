using System.Buffers.Binary;
using Soliday.Entries;
using Soliday.Imaging.Containers;
using Soliday.Testing;

namespace Soliday.Tests.Imaging.Containers;

public sealed class HeifBoxesTests
{
    [Fact]
    public void The_corpus_HEIC_reads_as_HEIC_of_its_declared_size_with_no_problem()
    {
        var structure = HeifBoxes.Read(HeifFiles.Original(), new MetadataTally());

        Assert.Equal(new HeifStructure(ImageFormats.Heic, HeifFiles.Width, HeifFiles.Height, IsSequence: false, Problem: null), structure);
    }

    [Fact]
    public void An_AVIF_reads_as_AVIF()
    {
        var structure = HeifBoxes.Read(HeifFiles.Avif(), new MetadataTally());

        Assert.Equal((ImageFormats.Avif, HeifFiles.Width, HeifFiles.Height, (string?)null), (structure.Format, structure.Width, structure.Height, structure.Problem));
    }

    [Fact]
    public void Other_ISO_media_files_and_other_pictures_are_not_taken_for_HEIF()
    {
        var mp4 = HeifFiles.Original();
        "isom"u8.CopyTo(mp4.AsSpan(8));
        "mp41"u8.CopyTo(mp4.AsSpan(16));
        "mp42"u8.CopyTo(mp4.AsSpan(20));

        Assert.True(HeifBoxes.IsHeif(HeifFiles.Original()));
        Assert.False(HeifBoxes.IsHeif(mp4));
        Assert.False(HeifBoxes.IsHeif(Corpus.Read("other-formats", "PI__exif_gps.jpg")));
    }

    [Fact]
    public void An_image_sequence_is_read_as_one()
    {
        var sequence = HeifFiles.Avif();
        "avis"u8.CopyTo(sequence.AsSpan(8));

        Assert.True(HeifBoxes.Read(sequence, new MetadataTally()).IsSequence);
    }

    [Fact]
    public void The_largest_size_any_image_item_declares_is_the_one_read()
    {
        var structure = HeifBoxes.Read(HeifFiles.WithDeclaredSize(60_000, 70_000), new MetadataTally());

        Assert.Equal((60_000, 70_000), (structure.Width, structure.Height));
        Assert.Null(structure.Problem); // a bomb is well formed: the gate refuses it for its size
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void Nesting_is_bounded_at_the_limit(int extraLevels, bool refused)
    {
        // The properties in ipco sit at level 3 (inside meta, iprp, ipco); each ipco nested in it adds one.
        var structure = HeifBoxes.Read(HeifFiles.WithNestedBoxes(extraLevels), new MetadataTally());

        Assert.Equal(refused ? $"boxes nested deeper than {HeifBoxes.MaxDepth}" : null, structure.Problem);
    }

    [Fact]
    public void A_box_running_past_its_parent_is_a_problem()
    {
        Assert.Contains("does not fit", HeifBoxes.Read(HeifFiles.WithOverlongBox(), new MetadataTally()).Problem);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(100)]
    [InlineData(460)]
    public void A_file_cut_inside_its_boxes_is_a_problem(int bytes)
    {
        Assert.NotNull(HeifBoxes.Read(HeifFiles.Truncated(bytes), new MetadataTally()).Problem);
    }

    [Fact]
    public void Thousands_of_boxes_are_refused_before_each_is_read()
    {
        var file = HeifFiles.Original();
        var freeBoxes = new byte[8 * (HeifBoxes.MaxBoxes + 1)];
        for (var at = 0; at < freeBoxes.Length; at += 8)
        {
            BinaryPrimitives.WriteUInt32BigEndian(freeBoxes.AsSpan(at), 8);
            "free"u8.CopyTo(freeBoxes.AsSpan(at + 4));
        }

        var structure = HeifBoxes.Read(file.Concat(freeBoxes).ToArray(), new MetadataTally());

        Assert.Contains($"more than {HeifBoxes.MaxBoxes} boxes", structure.Problem);
    }

    [Fact]
    public void A_colour_profile_over_its_limit_is_tallied_and_stops_the_walk()
    {
        var profile = new byte[MetadataLimits.MaxIccProfileBytes + 1];
        var colr = new byte[8 + 4 + profile.Length];
        BinaryPrimitives.WriteUInt32BigEndian(colr, (uint)colr.Length);
        "colr"u8.CopyTo(colr.AsSpan(4));
        "prof"u8.CopyTo(colr.AsSpan(8));
        var meta = new byte[8 + 4 + colr.Length];
        BinaryPrimitives.WriteUInt32BigEndian(meta, (uint)meta.Length);
        "meta"u8.CopyTo(meta.AsSpan(4));
        colr.CopyTo(meta, 12);
        var tally = new MetadataTally();

        var structure = HeifBoxes.Read(HeifFiles.Original()[..24].Concat(meta).ToArray(), tally);

        Assert.Contains("IccProfile over", tally.Exceeded);
        Assert.Equal(tally.Exceeded, structure.Problem);
    }

    [Fact]
    public void An_EXIF_item_over_its_limit_is_tallied_wherever_it_lies_and_one_within_it_is_not()
    {
        var tally = new MetadataTally();

        var over = HeifBoxes.Read(HeifFiles.WithExifItemOf((int)MetadataLimits.MaxExifBytes + 1), tally);
        var within = HeifBoxes.Read(HeifFiles.WithExifItemOf(64 * 1024), new MetadataTally());

        Assert.Contains("Exif over", tally.Exceeded);
        Assert.Equal(tally.Exceeded, over.Problem);
        Assert.Null(within.Problem);
    }

    [Fact]
    public void An_item_whose_data_lies_outside_the_file_is_a_problem()
    {
        Assert.Equal("an item whose data lies outside the file", HeifBoxes.Read(HeifFiles.WithExifItemOutsideTheFile(), new MetadataTally()).Problem);
    }
}
