using System.Net;
using System.Text;
using System.Text.Json;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>Every curation route, for the tests that check each one refuses whoever is not a curator.</summary>
public static class CurationRoutes
{
    private const string SomeId = "0123456789abcdef0123456789abcdef";

    public static IEnumerable<HttpRequestMessage> Requests()
    {
        yield return new HttpRequestMessage(HttpMethod.Get, "/api/curation");
        yield return new HttpRequestMessage(HttpMethod.Get, "/api/curation/queue");
        yield return new HttpRequestMessage(HttpMethod.Get, "/api/curation/counts");
        foreach (var action in new[] { "approve", "reject", "unpublish", "remove", "edit", "feature" })
        {
            yield return new HttpRequestMessage(HttpMethod.Post, $"/api/curation/{SomeId}/{action}") { Content = Json(new { reason = "x", text = "x", featured = true }) };
        }

        yield return new HttpRequestMessage(HttpMethod.Get, $"/api/curation/{SomeId}/edit");
        yield return new HttpRequestMessage(HttpMethod.Post, "/api/curation/bulk") { Content = Json(new { action = "approve", ids = new[] { SomeId } }) };
        yield return new HttpRequestMessage(HttpMethod.Get, $"/api/curation/media/{SomeId}/0-480.jpg");
    }

    /// <summary>The API answers 401 with a challenge; the page sends a browser to the sign-in page instead.</summary>
    public static void AssertRefused(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (request.RequestUri!.AbsolutePath == "/api/curation")
        {
            Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"the curation page answered {(int)response.StatusCode}");
            Assert.Equal("/api/curation/signin", response.Headers.Location!.OriginalString);
            return;
        }

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    /// <summary>The principal App Service Authentication sends: base64 JSON of claims.</summary>
    public static string Principal(string name, string role) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "preferred_username",
        role_typ = "roles",
        claims = new[] { new { typ = "preferred_username", val = name }, new { typ = "roles", val = role } },
    })));

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
