using Soliday.Entries;
using Soliday.Pages;
using Soliday.Words;

namespace Soliday.Tests.Pages;

/// <summary>A licence told back to the person who chose it, as a choice in plain words rather than its short name.</summary>
public sealed class LicenceWordsTests
{
    [Theory]
    [InlineData("CC-BY-4.0", "Anyone may reuse it if they name you")]
    [InlineData("cc-by-sa-4.0", "Anyone may reuse it if they name you and share their work the same way")]
    [InlineData("CC0-1.0", "Anyone may reuse it freely, without naming you")]
    public void The_sender_reads_the_choice_they_made_on_the_form(string id, string expected)
    {
        var words = LicenceWords.ForSender(SiteWords.English, id, "Noor");

        Assert.Equal(expected, words);
        Assert.DoesNotContain("CC", words, StringComparison.Ordinal); // the short name is the reuse page's
    }

    [Fact]
    public void A_post_shown_with_permission_is_said_as_readers_read_it()
    {
        Assert.Equal(
            "Shown here with the permission of Noor, who keeps every right: ask them before reusing it",
            LicenceWords.ForSender(SiteWords.English, Licences.WithPermission.Id, "Noor"));
    }

    [Fact]
    public void A_licence_the_site_does_not_know_is_shown_as_it_was_kept()
    {
        Assert.Equal("All rights reserved", LicenceWords.ForSender(SiteWords.English, "All rights reserved", "Noor"));
    }
}
