using Soliday.Web;

namespace Soliday.Tests.Web;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:1234::9")]
    public void Every_address_in_one_home_s_IPv6_64_shares_one_bucket(string one, string another)
    {
        Assert.Equal(ClientAddress.BucketOf(one), ClientAddress.BucketOf(another));
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1")]
    [InlineData("2001:db8:1:2::1", "2001:db9:1:2::1")]
    [InlineData("198.51.100.1", "198.51.100.2")]
    public void Neighbouring_networks_and_IPv4_addresses_keep_buckets_of_their_own(string one, string another)
    {
        Assert.NotEqual(ClientAddress.BucketOf(one), ClientAddress.BucketOf(another));
    }

    [Fact]
    public void An_IPv6_bucket_is_named_as_its_64()
    {
        Assert.Equal("2001:db8:1:2::/64", ClientAddress.BucketOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
    }

    [Fact]
    public void An_IPv4_mapped_address_counts_as_the_IPv4_address_it_carries()
    {
        Assert.Equal("198.51.100.7", ClientAddress.BucketOf("::ffff:198.51.100.7"));
        Assert.Equal(ClientAddress.BucketOf("198.51.100.7"), ClientAddress.BucketOf("::ffff:198.51.100.7"));
        Assert.NotEqual(ClientAddress.BucketOf("::ffff:198.51.100.7"), ClientAddress.BucketOf("::ffff:198.51.100.8"));
    }

    [Fact]
    public void Something_that_is_not_an_address_is_its_own_bucket()
    {
        Assert.Equal("unknown", ClientAddress.BucketOf("unknown"));
    }
}
