using Soliday.Hashtags;

namespace Soliday.Tests.Hashtags;

public sealed class MastodonIdsTests
{
    [Fact]
    public void Ids_are_ordered_as_numbers_not_as_text()
    {
        Assert.True(MastodonIds.IsNewer("110000000000001000", "109999999999999999"));
        Assert.True(MastodonIds.IsNewer("10", "9"));
        Assert.False(MastodonIds.IsNewer("9", "10"));
        Assert.False(MastodonIds.IsNewer("110", "110"));
        Assert.True(MastodonIds.IsNewer("1", null));
        Assert.Equal("300", MastodonIds.Newest(["20", "300", "100"]));
        Assert.Equal("20", MastodonIds.Oldest(["300", "20", "100"]));
    }
}
