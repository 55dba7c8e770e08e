using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Soliday.Hashtags;

namespace Soliday.Tests.Hashtags.Bluesky;

/// <summary>Bluesky settings that cannot work stop the app at start, saying which; none at all is fine.</summary>
public sealed class BlueskyOptionsTests
{
    [Theory]
    [InlineData("Hashtags:Bluesky:Handle", "soliday-reader.bsky.social")]
    [InlineData("Hashtags:Bluesky:AppPassword", "abcd-efgh-ijkl-mnop")]
    public void Some_of_the_three_settings_without_the_others_are_refused_at_start(string setting, string value)
    {
        using var services = HashtagServices.Build(new() { [setting] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<HashtagOptions>>().Value);

        Assert.Contains("Set all three of Hashtags:Bluesky:Service, Hashtags:Bluesky:Handle and Hashtags:Bluesky:AppPassword", refused.Message);
    }

    [Theory]
    [InlineData("http://bsky.social", "soliday-reader.bsky.social")]
    [InlineData("https://bsky.social:8443", "soliday-reader.bsky.social")]
    [InlineData("https://bsky.social", "not a handle")]
    public void A_service_not_on_HTTPS_port_443_or_a_handle_that_is_not_one_is_refused_at_start(string service, string handle)
    {
        using var services = HashtagServices.Build(new() { ["Hashtags:Bluesky:Service"] = service, ["Hashtags:Bluesky:Handle"] = handle, ["Hashtags:Bluesky:AppPassword"] = "abcd-efgh-ijkl-mnop" });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<HashtagOptions>>().Value);

        Assert.Contains("Hashtags:Bluesky:Service must be an https:// base URL on port 443", refused.Message);
    }

    [Fact]
    public void No_Bluesky_settings_means_Bluesky_is_not_read_and_all_three_mean_it_is()
    {
        using var none = HashtagServices.Build();
        using var all = HashtagServices.Build(new() { ["Hashtags:Bluesky:Service"] = "https://bsky.social/", ["Hashtags:Bluesky:Handle"] = "@Soliday-Reader.bsky.social", ["Hashtags:Bluesky:AppPassword"] = "abcd-efgh-ijkl-mnop" });

        Assert.False(none.GetRequiredService<IOptions<HashtagOptions>>().Value.Bluesky.IsConfigured);
        var bluesky = all.GetRequiredService<IOptions<HashtagOptions>>().Value.Bluesky;
        Assert.True(bluesky.IsConfigured);
        Assert.Equal("https://bsky.social/", bluesky.ServiceUrl.AbsoluteUri);
        Assert.Equal("bluesky-bsky.social-443", bluesky.CheckpointKey);
    }

    [Fact]
    public void An_app_password_still_a_Key_Vault_reference_is_never_used_to_sign_in()
    {
        using var unresolved = HashtagServices.Build(new() { ["Hashtags:Bluesky:Service"] = "https://bsky.social/", ["Hashtags:Bluesky:Handle"] = "soliday-reader.bsky.social", ["Hashtags:Bluesky:AppPassword"] = "@Microsoft.KeyVault(VaultName=kv-soliday;SecretName=hashtags-bluesky-app-password)" });
        using var resolved = HashtagServices.Build(new() { ["Hashtags:Bluesky:Service"] = "https://bsky.social/", ["Hashtags:Bluesky:Handle"] = "soliday-reader.bsky.social", ["Hashtags:Bluesky:AppPassword"] = "abcd-efgh-ijkl-mnop" });

        Assert.False(unresolved.GetRequiredService<IOptions<HashtagOptions>>().Value.Bluesky.CanSignIn); // the poller and the source check then send nothing
        Assert.True(resolved.GetRequiredService<IOptions<HashtagOptions>>().Value.Bluesky.CanSignIn);
    }
}
