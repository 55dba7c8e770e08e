using System.Net;
using System.Text.RegularExpressions;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Notifications;

/// <summary>
/// In Azure, mail goes through Azure Communication Services' Email API with a token for the app's
/// managed identity: no key or password anywhere. The local host runs the same code against a
/// loopback stand-in for ACS and for the platform's identity endpoint (<see cref="FakeCommunicationServices"/>).
/// </summary>
public sealed partial class CommunicationServicesMailTests
{
    [Fact]
    public async Task A_resident_s_receipt_goes_out_through_Communication_Services_with_the_app_s_managed_identity()
    {
        await using var acs = await FakeCommunicationServices.StartAsync();
        await using var host = await SolidayHost.StartAsync(acs.Settings);
        using var form = await host.Http.GetAsync("/api/submit");

        var id = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "The bandstand at noon").With("email", "jo@example.org").With("receipt", "true"));
        var receipt = (await acs.WaitForAsync("jo@example.org", 1)).Single();
        var takedownUrl = Links().Matches(receipt.PlainText).Select(m => m.Value).Single(l => l.Contains($"/api/submissions/{id}/takedown?key=", StringComparison.Ordinal));
        using var confirm = await host.Http.GetAsync(takedownUrl);

        Assert.Contains("Email me a receipt", await form.Content.ReadAsStringAsync()); // ACS counts as email set up
        Assert.Equal("Your #Soliday entry has arrived", receipt.Subject);
        Assert.Equal(FakeCommunicationServices.SenderAddress, receipt.SenderAddress);
        Assert.True(receipt.TrackingDisabled, "no tracking pixel or rewritten links in a resident's mail");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal($"resource=https://communication.azure.com/ client_id={FakeCommunicationServices.IdentityClientId}", Assert.Single(acs.TokenRequests));
        Assert.DoesNotContain("jo@example.org", host.Output);
    }

    [Fact]
    public async Task A_refused_identity_is_logged_plainly_and_the_receipt_still_goes_once_the_role_is_in_effect()
    {
        await using var acs = await FakeCommunicationServices.StartAsync();
        await using var host = await SolidayHost.StartAsync(acs.Settings);

        // As right after azd up: the role on the Communication Service is not in effect for two tries.
        acs.Refuse(times: 2, HttpStatusCode.Forbidden);
        await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Bunting on the high street").With("email", "sam@example.org").With("receipt", "true"));
        var receipts = await acs.WaitForAsync("sam@example.org", 1);

        Assert.Equal([403, 403, 202], acs.SendAnswers);
        Assert.Single(acs.TokenRequests); // the token is kept and used again, not asked for at each try
        Assert.Equal("Your #Soliday entry has arrived", Assert.Single(receipts).Subject);
        Assert.Contains("Azure Communication Services refused the app's managed identity (HTTP 403)", host.Output);
        Assert.Contains("Communication and Email Service Owner", host.Output);
        Assert.DoesNotContain("sam@example.org", host.Output);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
