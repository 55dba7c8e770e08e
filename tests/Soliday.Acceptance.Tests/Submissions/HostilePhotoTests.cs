using System.Net;
using Azure.Storage.Blobs.Models;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>
/// Files made to knock a server over (metadata bombs in every format we take) are refused with a
/// reason, and the site keeps answering. A host of its own: "nothing stored" must mean nothing at all.
/// </summary>
public sealed class HostilePhotoTests : IAsyncLifetime
{
    /// <summary>As many at once as the benchmark sends: twice the decode slots, so some wait their turn.</summary>
    private const int AtOnce = 4;

    private SolidayHost _host = null!;

    public async Task InitializeAsync() => _host = await SolidayHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Each_hostile_photo_is_refused_with_a_reason_and_the_site_keeps_answering()
    {
        foreach (var file in HostileImages.Suite())
        {
            using var response = await _host.Http.PostSubmissionAsync(new SubmissionBuilder().WithPhotoBytes(file.Bytes, $"{file.Name}.jpg"));

            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{file.Name}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.ProblemAsync();
            Assert.Equal("too-much-metadata", problem["code"]!.GetValue<string>());
            Assert.Contains("hidden information", problem["errors"]!["photo"]![0]!.GetValue<string>());
            await AssertAnsweringAsync();
        }

        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task The_hostile_suite_sent_four_at_a_time_leaves_the_site_answering_and_nothing_stored()
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var batch in HostileImages.Suite().Chunk(AtOnce))
        {
            var responses = await Task.WhenAll(batch.Select(file =>
                _host.Http.PostSubmissionAsync(new SubmissionBuilder().WithPhotoBytes(file.Bytes, $"{file.Name}.png"))));
            statuses.AddRange(responses.Select(r => r.StatusCode));
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        Assert.Equal(HostileImages.Suite().Count, statuses.Count);
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.UnprocessableEntity, status));
        await AssertAnsweringAsync();
        Assert.Empty(await StoredAsync());

        // And a real photo still goes through afterwards: nothing was left held (a slot, a lock).
        using var real = await _host.Http.PostSubmissionAsync(new SubmissionBuilder());
        Assert.Equal(HttpStatusCode.Accepted, real.StatusCode);
    }

    [Fact]
    public async Task No_damaged_or_crafted_file_in_the_corpus_gets_a_server_error()
    {
        foreach (var file in Directory.GetFiles(Corpus.Malformed).Order(StringComparer.Ordinal))
        {
            using var response = await _host.Http.PostSubmissionAsync(new SubmissionBuilder().WithPhotoBytes(await File.ReadAllBytesAsync(file), Path.GetFileName(file)));

            Assert.True(
                response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType or HttpStatusCode.UnprocessableEntity,
                $"{Path.GetFileName(file)}: {(int)response.StatusCode}");
        }

        await AssertAnsweringAsync();
    }

    private async Task AssertAnsweringAsync()
    {
        using var health = await _host.Http.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>Every upload and entry record in storage.</summary>
    private async Task<List<string>> StoredAsync()
    {
        var stored = new List<string>();
        foreach (var container in new[] { "uploads", "entries" })
        {
            var client = _host.Blobs.GetBlobContainerClient(container);
            if (!await client.ExistsAsync())
            {
                continue;
            }

            await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions()))
            {
                stored.Add($"{container}/{blob.Name}");
            }
        }

        return stored;
    }
}
