using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Soliday.Functions.Telemetry;

namespace Soliday.Functions.Tests.Telemetry;

/// <summary>
/// Whether and how the Functions app sends telemetry: the deployment turns Application Insights'
/// local authentication off, so sending without the identity would lose every trace.
/// </summary>
public sealed class ApplicationInsightsSettingsTests
{
    [Fact]
    public void Without_a_connection_string_nothing_is_exported()
    {
        Assert.Null(ApplicationInsightsSettings.From(Settings(("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Authorization=AAD"))));
        Assert.Null(ApplicationInsightsSettings.From(Settings(("APPLICATIONINSIGHTS_CONNECTION_STRING", ""))));
    }

    [Fact]
    public void The_deployments_authentication_string_sends_with_its_user_assigned_identity()
    {
        var settings = ApplicationInsightsSettings.From(Settings(
            ("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/"),
            ("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Authorization=AAD;ClientId=00000000-0000-0000-0000-000000000001")));

        Assert.NotNull(settings);
        Assert.StartsWith("InstrumentationKey=", settings.ConnectionString);
        Assert.IsType<ManagedIdentityCredential>(settings.Credential);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Authorization=Key")]
    [InlineData("ClientId=00000000-0000-0000-0000-000000000001")]
    public void Anything_but_Authorization_AAD_sends_with_the_connection_string_alone(string? authenticationString)
    {
        Assert.Null(ApplicationInsightsSettings.CredentialFor(authenticationString));
    }

    [Fact]
    public void Authorization_AAD_alone_means_the_system_assigned_identity()
    {
        Assert.IsType<ManagedIdentityCredential>(ApplicationInsightsSettings.CredentialFor("authorization = aad"));
    }

    private static IConfiguration Settings(params (string Name, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Name, (string?)s.Value))).Build();
}
