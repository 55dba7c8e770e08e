using System.Net;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Curation;

/// <summary>A host configured as behind App Service Authentication: the principal decides who curates.</summary>
public sealed class EasyAuthTests
{
    [Fact]
    public async Task Behind_Easy_Auth_only_a_principal_with_the_curator_role_curates_and_is_named_in_the_decision()
    {
        await using var host = await SolidayHost.StartAsync(new() { ["Curation__TrustEasyAuth"] = "true" });
        var id = await host.Http.SubmitAsync(new SubmissionBuilder());
        await host.Curator.WaitForQueueAsync(id);

        foreach (var request in CurationRoutes.Requests())
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", CurationRoutes.Principal("visitor@example.org", "reader"));
            using var response = await host.Http.SendAsync(request);
            CurationRoutes.AssertRefused(request, response);
        }

        using var approval = new HttpRequestMessage(HttpMethod.Post, $"/api/curation/{id}/approve");
        approval.Headers.Add("X-MS-CLIENT-PRINCIPAL", CurationRoutes.Principal("jo.bloggs@solihull.gov.uk", "curator"));
        using var approved = await host.Http.SendAsync(approval);
        Assert.Equal(HttpStatusCode.Accepted, approved.StatusCode);
        await host.Http.WaitForStatusAsync(id, "published");

        var audit = await host.Blobs.GetBlobContainerClient("curation").GetBlobClient($"audit/{DateTime.UtcNow:yyyy-MM-dd}.jsonl").DownloadContentAsync();
        Assert.Contains("jo.bloggs@solihull.gov.uk", audit.Value.Content.ToString());
        Assert.Contains(id, audit.Value.Content.ToString());
    }
}
