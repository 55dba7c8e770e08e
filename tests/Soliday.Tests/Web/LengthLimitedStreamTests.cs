using Soliday.Web;

namespace Soliday.Tests.Web;

public sealed class LengthLimitedStreamTests
{
    [Fact]
    public async Task Reading_up_to_the_limit_works_and_one_byte_more_fails()
    {
        await using var atLimit = new LengthLimitedStream(new MemoryStream(new byte[100]), 100);
        await using var overLimit = new LengthLimitedStream(new MemoryStream(new byte[101]), 100);

        Assert.Equal(100, (await ReadAllAsync(atLimit)).Length);
        await Assert.ThrowsAsync<RequestBodyTooLargeException>(() => ReadAllAsync(overLimit));
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, bufferSize: 7);
        return copy.ToArray();
    }
}
