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
    [InlineData("100.64.0.1")] // carrier NAT, both ends of 100.64.0.0/10
    [InlineData("100.127.255.254")]
    [InlineData("168.63.129.16")] // Azure's wireserver
    [InlineData("::ffff:168.63.129.16")]
    [InlineData("::ffff:10.1.2.3")] // IPv4-mapped private addresses
    [InlineData("::ffff:192.168.1.1")]
    [InlineData("::ffff:100.64.0.1")]
    [InlineData("0.1.2.3")] // "this network", all of 0.0.0.0/8
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")] // AWS metadata over IPv6
    [InlineData("fc00::1")]
    [InlineData("fdff:ffff:ffff::1")] // the far end of unique local fc00::/7
    [InlineData("febf:ffff::1")] // the far end of link-local fe80::/10
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 of 169.254.169.254
    [InlineData("64:ff9b::a00:5")] // NAT64 of 10.0.0.5
    [InlineData("64:ff9b::a83f:8110")] // NAT64 of 168.63.129.16
    [InlineData("64:ff9b::7f00:1")] // NAT64 of 127.0.0.1
    [InlineData("::ffff:0:a00:5")] // IPv4-translated 10.0.0.5
    [InlineData("::a00:5")] // IPv4-compatible 10.0.0.5
    [InlineData("2002:a9fe:a9fe::1")] // 6to4 of 169.254.169.254
    [InlineData("::")]
    public void Loopback_private_link_local_and_metadata_addresses_are_never_reached(string address)
    {
        Assert.False(PublicAddresses.IsPermitted(IPAddress.Parse(address), allowLoopback: false));
    }

    [Theory]
    [InlineData("151.101.1.1")]
    [InlineData("168.63.129.17")] // next to the wireserver, an ordinary Azure address
    [InlineData("100.128.0.1")] // just past carrier NAT
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

    [Theory]
    [InlineData("151.101.1.1", 443)]
    [InlineData("2a04:4e42::1", 443)]
    public void A_public_address_is_reached_on_HTTPS_port_443(string address, int port)
    {
        Assert.True(PublicAddresses.IsPermitted(new IPEndPoint(IPAddress.Parse(address), port), allowLoopback: false));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(8080)]
    [InlineData(8443)]
    [InlineData(22)]
    [InlineData(6379)] // Redis
    [InlineData(25)]
    public void A_public_address_is_never_reached_on_another_port(int port)
    {
        Assert.False(PublicAddresses.IsPermitted(new IPEndPoint(IPAddress.Parse("151.101.1.1"), port), allowLoopback: false));
    }

    [Fact]
    public void Port_80_is_reached_only_when_loopback_is_allowed_for_tests()
    {
        var plainHttp = new IPEndPoint(IPAddress.Parse("151.101.1.1"), 80);

        Assert.False(PublicAddresses.IsPermitted(plainHttp, allowLoopback: false));
        Assert.True(PublicAddresses.IsPermitted(plainHttp, allowLoopback: true));
    }

    [Fact]
    public void Allowing_loopback_admits_any_port_of_loopback_and_no_other_port_elsewhere()
    {
        // The fake servers of the tests listen on whatever port the system hands out.
        Assert.True(PublicAddresses.IsPermitted(new IPEndPoint(IPAddress.Loopback, 54321), allowLoopback: true));
        Assert.True(PublicAddresses.IsPermitted(new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.1"), 54321), allowLoopback: true));
        Assert.False(PublicAddresses.IsPermitted(new IPEndPoint(IPAddress.Loopback, 54321), allowLoopback: false));
        Assert.False(PublicAddresses.IsPermitted(new IPEndPoint(IPAddress.Parse("151.101.1.1"), 8443), allowLoopback: true));
    }

    [Theory]
    [InlineData("168.63.129.16")]
    [InlineData("169.254.169.254")]
    [InlineData("10.0.0.5")]
    public void A_private_or_platform_address_is_refused_on_port_443_too(string address)
    {
        Assert.False(PublicAddresses.IsPermitted(new IPEndPoint(IPAddress.Parse(address), 443), allowLoopback: true));
    }
}
