using Soliday.Entries;
using Soliday.Timeline;

namespace Soliday.Tests.Timeline;

public sealed class PublicTagsTests
{
    [Theory]
    [InlineData("#parkrun", "parkrun")]
    [InlineData("#ParkRun", "parkrun")]
    [InlineData("place:Brueton Park", "place-brueton-park")]
    [InlineData("colour:green", "colour-green")]
    [InlineData("#café", "cafe")]
    [InlineData("place:St. Alphege's", "place-st-alphege-s")]
    public void A_tag_s_page_name_is_plain_lower_case_ASCII(string tag, string slug)
    {
        Assert.Equal(slug, PublicTags.Slug(EntryTag.Parse(tag)!));
    }

    [Fact]
    public void Tags_whose_letters_cannot_be_kept_still_get_different_pages()
    {
        var tokyo = PublicTags.Slug(EntryTag.Parse("#東京")!);
        var kyoto = PublicTags.Slug(EntryTag.Parse("#京都")!);

        Assert.Matches("^tag-[0-9a-f]{8}$", tokyo);
        Assert.NotEqual(tokyo, kyoto);
        Assert.NotEqual(PublicTags.Slug(EntryTag.Parse("#a東")!), PublicTags.Slug(EntryTag.Parse("#a京")!));
    }

    [Theory]
    [InlineData("source:form", false)]
    [InlineData("hour:07", false)]
    [InlineData("period:morning", false)]
    [InlineData("orientation:portrait", false)]
    [InlineData("#parkrun", true)]
    [InlineData("place:Shirley", true)]
    [InlineData("colour:green", true)]
    [InlineData("event:carnival", true)]
    public void Only_tags_that_say_what_an_entry_is_about_are_public(string tag, bool isPublic)
    {
        Assert.Equal(isPublic, PublicTags.IsPublic(EntryTag.Parse(tag)!));
    }

    [Fact]
    public void Two_spellings_of_one_hashtag_are_one_public_tag()
    {
        var tags = PublicTags.Of([EntryTag.Parse("#ParkRun")!, EntryTag.Parse("#parkrun")!, EntryTag.Parse("source:form")!]);

        Assert.Equal("#ParkRun", PublicTags.Label(Assert.Single(tags)));
    }
}
