using Soliday.Hashtags.Bluesky;
using Soliday.Web;

namespace Soliday.Hashtags;

/// <summary>
/// The submission id of a post from elsewhere: derived from the post's public address, so the same
/// post, read twice, from two servers' timelines or from the poller and the webhook, is one entry.
/// For a Mastodon post that is its web address on the author's home server (its server and its id
/// there), the same whichever server's timeline it was read from. A Bluesky post is its
/// <c>at://</c> URI (its author's DID and its record key), whether the poller read it or a webhook
/// sender gave that URI as its id (or a bsky.app address naming the DID): a handle can change, the
/// DID cannot. Keyed with the signing
/// key, as form ids are: an entry's status page cannot be found from the post's address.
/// </summary>
public sealed class PostSubmissionIds(TokenSigner signer)
{
    private const string Purpose = "hashtag-post";

    public string For(HashtagPost post) => Convert.ToHexStringLower(signer.Sign(Purpose, Identity(post)).AsSpan(0, 16));

    /// <summary>What makes two posts one: a Bluesky post's <c>at://</c> URI, else the post's address.</summary>
    public static string Identity(HashtagPost post) =>
        (BlueskyPostUri.Parse(post.PostId) ?? BlueskyPostUri.FromWebUrl(post.Url))?.ToString() ?? Canonical(post.Url);

    /// <summary>One spelling per address: scheme and host in lower case, no default port, no fragment, no trailing slash.</summary>
    public static string Canonical(string url)
    {
        var uri = new Uri(url);
        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        return $"{uri.Scheme.ToLowerInvariant()}://{uri.IdnHost.ToLowerInvariant()}{port}{uri.AbsolutePath.TrimEnd('/')}{uri.Query}";
    }
}
