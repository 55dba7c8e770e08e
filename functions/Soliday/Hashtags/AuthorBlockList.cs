using Microsoft.Extensions.Options;

namespace Soliday.Hashtags;

/// <summary>
/// The accounts whose posts Soliday ignores (<see cref="HashtagOptions.BlockedAccounts"/>): an
/// account as <c>@name@server</c>, or a whole server by its name. Checked by the poller, and again
/// when a post is taken in, so posts pushed to the webhook obey it too.
/// </summary>
public sealed class AuthorBlockList(IOptions<HashtagOptions> options)
{
    public bool IsBlocked(PostAuthor author)
    {
        var handle = Normalise(author.Handle);
        if (handle.Length == 0)
        {
            return false;
        }

        var server = handle.Contains('@') ? handle[(handle.LastIndexOf('@') + 1)..] : null;
        return options.Value.BlockedAccounts.Select(Normalise).Any(blocked => blocked.Length > 0
            && (blocked == handle || (!blocked.Contains('@') && blocked == server)));
    }

    private static string Normalise(string? handle) => (handle ?? "").Trim().TrimStart('@').ToLowerInvariant();
}
