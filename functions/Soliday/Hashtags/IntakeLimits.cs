using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Hashtags;

/// <summary>Why a post is over an hourly limit: a code for machines, words for curators.</summary>
public sealed record IntakeLimitRefusal(string Code, string Reason);

/// <summary>
/// At most <see cref="HashtagOptions.MaxPostsPerAuthorPerHour"/> posts an hour from one author and
/// <see cref="HashtagOptions.MaxPostsPerServerPerHour"/> from one server reach the curators, counted
/// in storage so every instance shares the count. Each post appends its submission id as one line
/// to the author's (then the server's) append blob for the hour, and the append's own answer decides:
/// appends are atomic and ordered, and each answers with the offset it was written at, which (every
/// line being the same length) is its place in line. So of any number of instances taking posts in
/// at once, exactly the first <c>limit</c> get a place within it; nothing is read first and counted
/// after, which would let a burst through between the two. A post counted before (its try failed
/// later and the queue tries it again) keeps the place of its first line, so a retry neither uses a
/// second place nor loses its own.
/// </summary>
public sealed class IntakeLimits(BlobServiceClient blobs, TokenSigner signer, IOptions<HashtagOptions> options, TimeProvider clock)
{
    public const string AuthorCode = "over-author-limit";
    public const string ServerCode = "over-server-limit";

    private const string Purpose = "hashtag-limit";

    /// <summary>A submission id (32 hex digits) and its newline: every line the same length, so an offset is a place.</summary>
    private const int LineLength = 33;

    /// <summary>
    /// Counts the post (once, whatever the number of tries) and says which limit it is over, if
    /// any. The author is counted first: a post over its author's limit does not use a place of
    /// its server's, so one noisy account cannot crowd out the rest of its server.
    /// </summary>
    public async Task<IntakeLimitRefusal?> CountAsync(HashtagPost post, string submissionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var limits = options.Value;
        if (!await TakePlaceAsync(Counter(hour, "author", AuthorOf(post)), submissionId, limits.MaxPostsPerAuthorPerHour, cancellationToken))
        {
            return new IntakeLimitRefusal(AuthorCode,
                $"Its author sent more than {limits.MaxPostsPerAuthorPerHour} posts in an hour (Hashtags:MaxPostsPerAuthorPerHour), so it was set aside unseen " +
                "rather than let one account flood the curators. If it belongs on the timeline, a developer can send it again from the queue once the hour is over.");
        }

        if (!await TakePlaceAsync(Counter(hour, "server", ServerOf(post)), submissionId, limits.MaxPostsPerServerPerHour, cancellationToken))
        {
            return new IntakeLimitRefusal(ServerCode,
                $"Its author's server ({ServerOf(post)}) sent more than {limits.MaxPostsPerServerPerHour} posts in an hour (Hashtags:MaxPostsPerServerPerHour), so it was set aside unseen " +
                "rather than let one server flood the curators. If it belongs on the timeline, a developer can send it again from the queue once the hour is over.");
        }

        return null;
    }

    /// <summary>
    /// The author as one key whichever way their post came: the handle (<c>name@server</c>, as the
    /// block list reads it), else their profile's address, else the name they show.
    /// </summary>
    public static string AuthorOf(HashtagPost post) =>
        new[] { Normalise(post.Author.Handle), post.Author.Url?.Trim().ToLowerInvariant(), post.Author.Name?.Trim().ToLowerInvariant() }
            .FirstOrDefault(key => key is { Length: > 0 }) ?? "";

    /// <summary>
    /// The author's server: the part of the handle after its <c>@</c> (a Mastodon account's home,
    /// whichever server's timeline it was read from), else the host of their profile's address, else
    /// of the post's. A webhook source whose handles name no server (<c>carol.bsky.example</c>) is
    /// so counted as one server per site it links to.
    /// </summary>
    public static string ServerOf(HashtagPost post)
    {
        var handle = Normalise(post.Author.Handle);
        if (handle.Contains('@'))
        {
            return handle[(handle.LastIndexOf('@') + 1)..];
        }

        return new[] { post.Author.Url, post.Url }
            .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.IdnHost.ToLowerInvariant() : "")
            .FirstOrDefault(host => host.Length > 0) ?? "";
    }

    private static string Normalise(string? handle) => (handle ?? "").Trim().TrimStart('@').ToLowerInvariant();

    private AppendBlobClient Counter(DateTimeOffset hour, string kind, string key) =>
        blobs.GetBlobContainerClient(StorageLayout.Limits)
            .GetAppendBlobClient(StorageLayout.HashtagCounter(hour, kind, Convert.ToHexStringLower(signer.Sign(Purpose, $"{kind}:{key}").AsSpan(0, 12))));

    /// <summary>True when the post has one of the first <paramref name="limit"/> places in the counter.</summary>
    private static async Task<bool> TakePlaceAsync(AppendBlobClient counter, string submissionId, int limit, CancellationToken cancellationToken)
    {
        if (!SubmissionId.IsValid(submissionId))
        {
            throw new ArgumentException("A submission id is 32 hex digits.", nameof(submissionId));
        }

        await counter.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        using var line = new MemoryStream(Encoding.ASCII.GetBytes(submissionId + "\n"));
        var appended = await counter.AppendBlockAsync(line, cancellationToken: cancellationToken);

        // The offset, not the committed block count the answer also carries: Azurite answers that
        // wrongly while appends race (40 at once all answered 1), while its offsets are right.
        var place = (long.Parse(appended.Value.BlobAppendOffset, System.Globalization.CultureInfo.InvariantCulture) / LineLength) + 1;
        if (place <= limit)
        {
            return true; // lines before it may repeat a post, so it is at most this far in line
        }

        // Past the limit by lines; it may still hold an earlier place, if this is a later try of a post counted before.
        var places = new HashSet<string>(StringComparer.Ordinal);
        foreach (var counted in await counter.ReadLinesAsync(cancellationToken))
        {
            if (counted == submissionId)
            {
                return true;
            }

            if (places.Add(counted) && places.Count == limit)
            {
                return false;
            }
        }

        return false;
    }
}
