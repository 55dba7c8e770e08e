namespace Soliday.Submissions;

/// <summary>Where an entry came from; shown to curators and used as a tag.</summary>
public static class SubmissionSources
{
    public const string Form = "form";

    /// <summary>Read from a Mastodon server's #Soliday timeline. Posts pushed to the webhook carry their own source name.</summary>
    public const string Mastodon = "mastodon";

    /// <summary>Found by Bluesky's post search (Hashtags:Bluesky). A webhook sender may use the same name.</summary>
    public const string Bluesky = "bluesky";
}
