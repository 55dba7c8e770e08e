using Soliday.Entries;

namespace Soliday.Tests.Entries;

public sealed class EntryReferenceTests
{
    [Fact]
    public void A_reference_is_the_id_s_last_eight_digits_in_two_groups_of_four()
    {
        Assert.Equal("91C0-3F2A", EntryReference.Of("019a2b3c4d5e7f00a1b2c3d4" + "91c03f2a"));
    }

    [Fact]
    public void Entries_sent_in_the_same_minute_get_different_references()
    {
        // Version 7 ids begin with their arrival time: two sent together share their first digits, never their last.
        string first, second;
        do
        {
            first = Guid.CreateVersion7().ToString("N");
            second = Guid.CreateVersion7().ToString("N");
        }
        while (first[..8] != second[..8]); // once in 65 seconds the two fall either side of a change of the first digits

        Assert.Equal(first[..8], second[..8]);
        Assert.NotEqual(EntryReference.Of(first), EntryReference.Of(second));
    }
}
