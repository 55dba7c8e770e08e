using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Soliday.Functions.Telemetry;

/// <summary>
/// Where telemetry goes in Azure, from the two settings the Functions host itself reads: the
/// Application Insights connection string, and the authentication string that tells it to send with
/// an Entra identity (the deployment turns local authentication off, so an identity is the only way in).
/// </summary>
public sealed record ApplicationInsightsSettings(string ConnectionString, TokenCredential? Credential)
{
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Null when no connection string is set: then nothing is exported (the host still logs).</summary>
    public static ApplicationInsightsSettings? From(IConfiguration configuration) =>
        configuration[ConnectionStringKey] is { Length: > 0 } connectionString
            ? new ApplicationInsightsSettings(connectionString, CredentialFor(configuration[AuthenticationStringKey]))
            : null;

    /// <summary>
    /// <c>Authorization=AAD</c> sends with a managed identity, <c>Authorization=AAD;ClientId=...</c>
    /// with that user-assigned one; anything else sends with the connection string's key alone.
    /// </summary>
    public static TokenCredential? CredentialFor(string? authenticationString)
    {
        var parts = (authenticationString ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new ManagedIdentityCredential(parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? ManagedIdentityId.FromUserAssignedClientId(clientId)
            : ManagedIdentityId.SystemAssigned);
    }
}
