using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Soliday.Hashtags;

namespace Soliday.Tests.Hashtags;

/// <summary>Settings that would make ingestion unsafe or unbounded stop the app at start, saying which and why.</summary>
public sealed class HashtagOptionsTests
{
    [Theory]
    [InlineData("https://mastodon.example:8443")]
    [InlineData("http://mastodon.example")]
    public void A_Mastodon_server_not_on_HTTPS_port_443_is_refused_at_start(string server)
    {
        using var services = HashtagServices.Build(new() { ["Hashtags:Mastodon:Servers:0"] = server });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<HashtagOptions>>().Value);

        Assert.Contains("port 443", refused.Message);
    }

    [Fact]
    public void A_Mastodon_server_on_HTTPS_is_accepted_and_the_hourly_limits_have_their_defaults()
    {
        using var services = HashtagServices.Build(new() { ["Hashtags:Mastodon:Servers:0"] = "https://mastodon.example" });

        var options = services.GetRequiredService<IOptions<HashtagOptions>>().Value;

        Assert.Equal("https://mastodon.example/", Assert.Single(options.MastodonServers()).BaseUrl.AbsoluteUri);
        Assert.Equal(10, options.MaxPostsPerAuthorPerHour);
        Assert.Equal(200, options.MaxPostsPerServerPerHour);
    }

    [Theory]
    [InlineData("Hashtags:MaxPostsPerAuthorPerHour")]
    [InlineData("Hashtags:MaxPostsPerServerPerHour")]
    public void An_hourly_limit_below_one_is_refused_at_start(string setting)
    {
        using var services = HashtagServices.Build(new() { [setting] = "0" });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<HashtagOptions>>().Value);

        Assert.Contains(setting, refused.Message);
    }
}
