using System.Net;
using Soliday.Hashtags;

namespace Soliday.Tests.Hashtags;

public sealed class PublicAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.10.20.30")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")] // cloud metadata (Azure, AWS, GCP)
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("100.100.100.200")] // Alibaba's metadata, in the carrier-NAT range
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")] // AWS metadata over IPv6
    [InlineData("fc00::1")]
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 of 169.254.169.254
    [InlineData("2002:a9fe:a9fe::1")] // 6to4 of 169.254.169.254
    [InlineData("::")]
    public void Loopback_private_link_local_and_metadata_addresses_are_never_reached(string address)
    {
        Assert.False(PublicAddresses.IsPermitted(IPAddress.Parse(address), allowLoopback: false));
    }

    [Theory]
    [InlineData("151.101.1.1")]
    [InlineData("93.184.215.14")]
    [InlineData("2a04:4e42::1")]
    [InlineData("2001:4860:4860::8888")]
    public void Public_addresses_are_reached(string address)
    {
        Assert.True(PublicAddresses.IsPermitted(IPAddress.Parse(address), allowLoopback: false));
    }

    [Fact]
    public void Allowing_loopback_for_tests_allows_nothing_else()
    {
        Assert.True(PublicAddresses.IsPermitted(IPAddress.Loopback, allowLoopback: true));
        Assert.True(PublicAddresses.IsPermitted(IPAddress.IPv6Loopback, allowLoopback: true));
        Assert.False(PublicAddresses.IsPermitted(IPAddress.Parse("169.254.169.254"), allowLoopback: true));
        Assert.False(PublicAddresses.IsPermitted(IPAddress.Parse("192.168.1.1"), allowLoopback: true));
    }
}
