using Microsoft.Extensions.DependencyInjection;
using Soliday.Hashtags;
using Soliday.Testing;

namespace Soliday.Tests.Hashtags;

/// <summary>
/// Fetching the photos a post names, against a real HTTP server on loopback. Loopback is allowed
/// here (AllowLoopbackMedia, as in tests) only for the address the post gives: every refusal below
/// would hold all the more in production, where loopback is refused too.
/// </summary>
public sealed class MediaDownloaderTests : IAsyncLifetime
{
    private const long Limit = 1024 * 1024;
    private FakeMastodon _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeMastodon.StartAsync();
        _services = Services(allowLoopback: true);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_photo_is_fetched_from_the_address_the_post_gives()
    {
        var photo = Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg");
        _server.ServeImage("ok.jpg", photo);

        var download = await Downloader().DownloadAsync(_server.MediaUrl("ok.jpg"), CancellationToken.None);

        Assert.Null(download.Refusal);
        Assert.Equal(photo, download.Content!.ToArray());
    }

    [Fact]
    public async Task A_photo_that_says_it_is_over_the_limit_is_not_read()
    {
        _server.ServeImage("big.jpg", new byte[Limit + 1]);

        var download = await Downloader().DownloadAsync(_server.MediaUrl("big.jpg"), CancellationToken.None);

        Assert.Equal("too-large", download.Refusal!.Code);
    }

    [Fact]
    public async Task A_photo_sent_without_a_length_is_stopped_at_the_limit_as_it_streams()
    {
        _server.ServeWithoutLength("endless.jpg", 20 * Limit);

        var download = await Downloader().DownloadAsync(_server.MediaUrl("endless.jpg"), CancellationToken.None);

        Assert.Equal("too-large", download.Refusal!.Code);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/media/secret")]
    [InlineData("http://localhost:{port}/media/secret")]
    [InlineData("http://[::1]:{port}/media/secret")]
    public async Task A_redirect_to_loopback_is_never_followed(string location)
    {
        _server.ServeImage("secret", [1, 2, 3]);
        _server.ServeRedirect("to-loopback.jpg", location.Replace("{port}", $"{_server.BaseUrl.Port}", StringComparison.Ordinal));

        var download = await Downloader().DownloadAsync(_server.MediaUrl("to-loopback.jpg"), CancellationToken.None);

        Assert.Equal("address-refused", download.Refusal!.Code);
        Assert.DoesNotContain(_server.Requests, r => r.Path == "/media/secret");
    }

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/iam/security-credentials/")]
    [InlineData("http://169.254.169.254/metadata/instance?api-version=2021-02-01")]
    [InlineData("https://[fd00:ec2::254]/latest/meta-data/")]
    [InlineData("https://10.0.0.5/internal.jpg")]
    [InlineData("https://168.63.129.16/machine?comp=goalstate")] // Azure's wireserver
    [InlineData("https://[64:ff9b::a83f:8110]/machine")] // the wireserver through NAT64
    [InlineData("https://[::ffff:10.0.0.5]/internal.jpg")]
    public async Task A_redirect_to_a_metadata_or_private_address_is_never_followed(string location)
    {
        _server.ServeRedirect("to-metadata.jpg", location);

        var download = await Downloader().DownloadAsync(_server.MediaUrl("to-metadata.jpg"), CancellationToken.None);

        Assert.NotNull(download.Refusal);
        Assert.Contains(download.Refusal.Code, new[] { "address-refused", "not-https" });
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_at_the_connection_itself()
    {
        // Without AllowLoopbackMedia, as in production. "localhost" passes every check of the URL
        // that needs no connection (it is HTTPS, it names no address): only checking the address
        // actually connected catches it, as it would catch a DNS name rebound to 127.0.0.1.
        _server.ServeImage("secret", [1, 2, 3]);
        await using var production = Services(allowLoopback: false);

        var download = await production.GetRequiredService<MediaDownloader>()
            .DownloadAsync($"https://localhost:{_server.BaseUrl.Port}/media/secret", CancellationToken.None);

        Assert.Equal("address-refused", download.Refusal!.Code);
        Assert.DoesNotContain(_server.Requests, r => r.Path == "/media/secret");
    }

    [Theory]
    [InlineData("https://151.101.1.1:8443/photo.jpg")]
    [InlineData("https://151.101.1.1:22/photo.jpg")]
    [InlineData("https://[2a04:4e42::1]:6379/photo.jpg")]
    public async Task A_photo_on_a_port_other_than_443_is_refused_before_any_connection(string url)
    {
        await using var production = Services(allowLoopback: false);

        var download = await production.GetRequiredService<MediaDownloader>().DownloadAsync(url, CancellationToken.None);

        Assert.Equal("port-refused", download.Refusal!.Code);
        Assert.Contains("443", download.Refusal.Message);
    }

    [Fact]
    public async Task A_redirect_to_another_port_of_a_public_address_is_never_followed()
    {
        _server.ServeRedirect("to-admin-port.jpg", "https://151.101.1.1:8443/admin");

        var download = await Downloader().DownloadAsync(_server.MediaUrl("to-admin-port.jpg"), CancellationToken.None);

        Assert.Equal("port-refused", download.Refusal!.Code);
    }

    [Fact]
    public async Task Plain_HTTP_is_refused_for_anything_but_loopback_in_tests()
    {
        var download = await Downloader().DownloadAsync("http://photos.example/1.jpg", CancellationToken.None);

        Assert.Equal("not-https", download.Refusal!.Code);
    }

    [Fact]
    public async Task A_redirect_loop_is_given_up()
    {
        _server.ServeRedirect("loop.jpg", _server.MediaUrl("loop.jpg"));
        await using var services = Services(allowLoopback: true);

        // Every hop after the first is refused for being loopback; in production a public loop ends at the hop limit.
        var download = await services.GetRequiredService<MediaDownloader>().DownloadAsync(_server.MediaUrl("loop.jpg"), CancellationToken.None);

        Assert.NotNull(download.Refusal);
    }

    [Fact]
    public async Task A_photo_that_is_gone_is_a_refusal_and_a_server_error_is_tried_again_later()
    {
        _server.ServeStatus("unavailable.jpg", 503);

        var gone = await Downloader().DownloadAsync(_server.MediaUrl("nothing-here.jpg"), CancellationToken.None);

        Assert.Equal("gone", gone.Refusal!.Code);
        await Assert.ThrowsAsync<HttpRequestException>(() => Downloader().DownloadAsync(_server.MediaUrl("unavailable.jpg"), CancellationToken.None));
    }

    [Fact]
    public async Task A_photo_that_never_finishes_arriving_times_out()
    {
        _server.ServeNeverEnding("slow.jpg");
        await using var services = Services(allowLoopback: true, mediaTimeout: "00:00:01");

        await Assert.ThrowsAsync<TimeoutException>(() => services.GetRequiredService<MediaDownloader>().DownloadAsync(_server.MediaUrl("slow.jpg"), CancellationToken.None));
    }

    private MediaDownloader Downloader() => _services.GetRequiredService<MediaDownloader>();

    private static ServiceProvider Services(bool allowLoopback, string mediaTimeout = "00:00:30") => HashtagServices.Build(new()
    {
        ["Hashtags:AllowLoopbackMedia"] = allowLoopback ? "true" : "false",
        ["Hashtags:MediaTimeout"] = mediaTimeout,
        ["Imaging:MaxUploadBytes"] = $"{Limit}",
    });
}
