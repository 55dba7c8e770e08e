using System.Net;
using Soliday.Acceptance.Tests.Support;
using Soliday.Storage;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>Soliday.Local keeping photos for the next try for two seconds instead of a day, so their expiry can be watched.</summary>
public sealed class ShortKeepingHost : IAsyncLifetime
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    public SolidayHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SolidayHost.StartAsync(new()
    {
        ["Soliday__Day"] = SharedHost.Day,
        ["Submissions__KeptPhotoLifetime"] = Lifetime.ToString("c"),
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>A kept photo lasts its lifetime only: swept when another is kept, and never used after.</summary>
public sealed class KeptPhotoExpiryTests(ShortKeepingHost fixture) : IClassFixture<ShortKeepingHost>
{
    private const string Description = "Conkers in an open hand";

    private SolidayHost Host => fixture.Host;

    [Fact]
    public async Task A_kept_photo_past_its_lifetime_is_swept_and_asked_for_again()
    {
        var first = await BrowserFormSession.OpenAsync(Host);
        using var firstBack = await first.SendAsync(new SubmissionBuilder().With("alt", Description).Without("consent"));
        var token = first.Kept[0];
        Assert.NotEmpty(await Host.BlobNamesAsync(StorageLayout.Uploads, StorageLayout.KeptFolder));

        await Task.Delay(ShortKeepingHost.Lifetime + TimeSpan.FromSeconds(1));

        // Another resident's form comes back with a photo: keeping theirs sweeps what has expired.
        var second = await BrowserFormSession.OpenAsync(Host);
        using var secondBack = await second.SendAsync(new SubmissionBuilder().WithPhoto("real-exif", "EX__jpg_mobile_jolla.jpg").Without("consent"));
        var left = await Host.BlobNamesAsync(StorageLayout.Uploads, StorageLayout.KeptFolder);
        Assert.Single(left);
        Assert.EndsWith(second.Kept[0], left[0]);

        // The first resident comes back with the token of a photo that has gone: asked for it again, never a written post.
        using var late = await first.SendAsync(new SubmissionBuilder().WithoutPhoto().With("alt", Description).With("caption", "Conker season"), token);

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("We kept the photo from your last try for a while, and it has gone now. Please choose it again. Your words are kept.", first.Page);
        Assert.Contains(Description, first.Page); // the words, kept
    }
}
