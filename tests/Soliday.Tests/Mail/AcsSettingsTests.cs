using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Soliday.Mail;
using Soliday.Tests.Hashtags;

namespace Soliday.Tests.Mail;

/// <summary>
/// The Communication Services endpoint the app sends a bearer token and residents' take-down links
/// to: HTTPS, or a stand-in on this machine; anything else stops the app at start, saying which setting.
/// </summary>
public sealed class AcsSettingsTests
{
    [Theory]
    [InlineData("http://soliday.europe.communication.azure.com")]
    [InlineData("soliday.europe.communication.azure.com")]
    [InlineData("ftp://127.0.0.1")]
    public void An_endpoint_that_is_not_HTTPS_is_refused_at_start(string endpoint)
    {
        using var services = HashtagServices.Build(new() { ["Notifications:Acs:Endpoint"] = endpoint });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<NotificationOptions>>().Value);

        Assert.Contains("Notifications:Acs:Endpoint", refused.Message);
    }

    [Theory]
    [InlineData("https://soliday.europe.communication.azure.com")]
    [InlineData("http://127.0.0.1:5071")]
    public void An_HTTPS_or_loopback_endpoint_with_a_sender_sets_email_up_without_any_SMTP_server(string endpoint)
    {
        using var services = HashtagServices.Build(new() { ["Notifications:Acs:Endpoint"] = endpoint, ["Notifications:From"] = "DoNotReply@example.azurecomm.net" });

        Assert.True(services.GetRequiredService<MailSender>().IsConfigured);
    }

    [Fact]
    public void An_endpoint_without_a_sender_address_sends_nothing()
    {
        using var services = HashtagServices.Build(new() { ["Notifications:Acs:Endpoint"] = "https://soliday.europe.communication.azure.com" });

        Assert.False(services.GetRequiredService<MailSender>().IsConfigured);
    }
}
