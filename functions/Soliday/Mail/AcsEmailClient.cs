using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Soliday.Mail;

/// <summary>
/// Sends one message through Azure Communication Services Email's REST API
/// (<c>POST {endpoint}/emails:send</c>, api-version 2023-03-31), authenticated with a Microsoft Entra
/// token for the app's managed identity, so no key or password exists to leak or to expire. The
/// <c>Azure.Communication.Email</c> SDK is not available to this build; the call is one documented
/// request.
/// </summary>
/// <remarks>
/// ACS answers <c>202</c> once it has taken the message and delivers it on its own; the send
/// operation is not polled, as a delivery failure would not be retried by sending again anyway.
/// </remarks>
public sealed partial class AcsEmailClient(IHttpClientFactory httpClients, IOptions<NotificationOptions> options, ILogger<AcsEmailClient> logger)
{
    public const string ClientName = "acs-email";

    /// <summary>The version of the Email API this request follows (its GA version).</summary>
    public const string ApiVersion = "2023-03-31";

    /// <summary>The Entra scope of the Communication Services data plane; the double slash is Microsoft's own.</summary>
    public const string Scope = "https://communication.azure.com//.default";

    /// <summary>A service that does not answer within this is down: the caller's retries take over.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly Lazy<TokenCredential> _identity = new(() => IdentityFor(options.Value.Acs.ClientId));

    public bool IsConfigured => options.Value.Acs.IsConfigured;

    public async Task SendAsync(string from, MailMessage mail, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(options.Value.Acs.Endpoint!.Trim().TrimEnd('/') + "/");
        var token = await TokenAsync(cancellationToken);

        // "./": a relative path starting "emails:" would read as a URI of the scheme "emails".
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, $"./emails:send?api-version={ApiVersion}"))
        {
            Content = JsonContent.Create(new SendEmailRequest(
                from,
                new EmailContent(mail.Subject, mail.Body),
                new EmailRecipients([new EmailAddress(mail.To)]),
                UserEngagementTrackingDisabled: true)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, e.GetType().Name);
            throw new MailNotSentException($"Azure Communication Services could not be reached ({e.GetType().Name}).", permanent: false);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return;
            }

            // Only the status, never the body: ACS's error text can quote the recipient's address.
            var status = (int)response.StatusCode;
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                // Not permanent: right after a deployment the role may not be in effect yet.
                LogIdentityRefused(logger, status);
                throw new MailNotSentException($"Azure Communication Services refused the app's identity (HTTP {status}).", permanent: false);
            }

            // A message ACS cannot take (an address it will not send to, say) would be refused again;
            // anything else (throttled, down, a misconfigured endpoint) may pass later.
            var permanent = response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity;
            LogRefused(logger, status, permanent ? "not retried" : "retried");
            throw new MailNotSentException($"Azure Communication Services refused the message (HTTP {status}).", permanent);
        }
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await _identity.Value.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken)).Token;
        }
        catch (AuthenticationFailedException e)
        {
            // CredentialUnavailableException is one of these: no managed identity on this machine at all.
            LogNoToken(logger, e.GetType().Name);
            throw new MailNotSentException($"The app's managed identity got no token for Azure Communication Services ({e.GetType().Name}).", permanent: false);
        }
    }

    private static ManagedIdentityCredential IdentityFor(string? clientId) =>
        new(string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId.Trim()));

    [LoggerMessage(Level = LogLevel.Error, Message = "Azure Communication Services refused the app's managed identity (HTTP {Status}): give it the Communication and Email Service Owner role on the Communication Service (the Bicep does), or wait for a new role to take effect. The message is kept and tried again")]
    private static partial void LogIdentityRefused(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Azure Communication Services refused a message (HTTP {Status}); {Outcome}")]
    private static partial void LogRefused(ILogger logger, int status, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Azure Communication Services could not be reached ({Failure}); the message is tried again")]
    private static partial void LogUnreachable(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "The app's managed identity got no token for Azure Communication Services ({Failure}): check Notifications:Acs:ClientId is the identity's client id. The message is tried again")]
    private static partial void LogNoToken(ILogger logger, string failure);

    private sealed record SendEmailRequest(
        [property: JsonPropertyName("senderAddress")] string SenderAddress,
        [property: JsonPropertyName("content")] EmailContent Content,
        [property: JsonPropertyName("recipients")] EmailRecipients Recipients,
        [property: JsonPropertyName("userEngagementTrackingDisabled")] bool UserEngagementTrackingDisabled);

    private sealed record EmailContent(
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("plainText")] string PlainText);

    private sealed record EmailRecipients([property: JsonPropertyName("to")] IReadOnlyList<EmailAddress> To);

    private sealed record EmailAddress([property: JsonPropertyName("address")] string Address);
}
