using Soliday.Storage;
using Soliday.Tests.Support;
using Soliday.Web;

namespace Soliday.Tests.Web;

/// <summary>The per-address counts behind every limit, on a real Azurite.</summary>
public sealed class AddressCounterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset TwentyToOne = new(2026, 6, 20, 12, 40, 0, TimeSpan.Zero);

    public Task InitializeAsync() => azurite.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Past_the_limit_the_answer_is_no_until_the_next_hour_and_Retry_After_says_so()
    {
        var atTwentyToOne = Counter(TwentyToOne);

        var first = await atTwentyToOne.CountAsync("test", "198.51.100.7", limit: 2, CancellationToken.None);
        var second = await atTwentyToOne.CountAsync("test", "198.51.100.7", limit: 2, CancellationToken.None);
        var third = await atTwentyToOne.CountAsync("test", "198.51.100.7", limit: 2, CancellationToken.None);
        var nextHour = await Counter(TwentyToOne.AddMinutes(20)).CountAsync("test", "198.51.100.7", limit: 2, CancellationToken.None);

        Assert.True(first.Allowed && second.Allowed);
        Assert.False(third.Allowed);
        Assert.Equal(TimeSpan.FromMinutes(20), third.RetryAfter);
        Assert.Equal("1200", third.RetryAfterSeconds);
        Assert.True(nextHour.Allowed);
    }

    [Fact]
    public async Task Every_address_in_one_IPv6_64_shares_one_count_and_the_next_64_has_its_own()
    {
        var counter = Counter(TwentyToOne);

        var one = await counter.CountAsync("test", "2001:db8:1:2::1", limit: 1, CancellationToken.None);
        var sameHome = await counter.CountAsync("test", "2001:db8:1:2:abcd::99", limit: 1, CancellationToken.None);
        var nextDoor = await counter.CountAsync("test", "2001:db8:1:3::1", limit: 1, CancellationToken.None);

        Assert.True(one.Allowed);
        Assert.False(sameHome.Allowed);
        Assert.True(nextDoor.Allowed);
    }

    [Fact]
    public async Task Each_limit_keeps_its_own_count_and_a_peek_counts_nothing()
    {
        var counter = Counter(TwentyToOne);
        await counter.CountAsync("attempts", "198.51.100.7", limit: 1, CancellationToken.None);

        var peekBefore = await counter.PeekAsync("wrong-tokens", "198.51.100.7", limit: 1, CancellationToken.None);
        var peekAgain = await counter.PeekAsync("wrong-tokens", "198.51.100.7", limit: 1, CancellationToken.None);
        var counted = await counter.CountAsync("wrong-tokens", "198.51.100.7", limit: 1, CancellationToken.None);
        var peekAfter = await counter.PeekAsync("wrong-tokens", "198.51.100.7", limit: 1, CancellationToken.None);

        Assert.True(peekBefore.Allowed && peekAgain.Allowed && counted.Allowed);
        Assert.False(peekAfter.Allowed);
    }

    [Fact]
    public async Task Storage_keeps_a_keyed_hash_never_the_address()
    {
        await Counter(TwentyToOne).CountAsync("test", "198.51.100.7", limit: 5, CancellationToken.None);

        var names = new List<string>();
        await foreach (var blob in azurite.Blobs.GetBlobContainerClient(StorageLayout.Limits).GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        var name = Assert.Single(names);
        Assert.Matches("^test/2026062012/[0-9a-f]{24}$", name); // the limit, the hour, 12 bytes of HMAC
        Assert.DoesNotContain("198.51.100.7", name);
    }

    private AddressCounter Counter(DateTimeOffset now) =>
        new(azurite.Blobs, new TokenSigner(new byte[32]), new FixedClock(now));
}
