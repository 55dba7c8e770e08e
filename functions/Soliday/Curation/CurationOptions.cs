using Soliday.Entries;

namespace Soliday.Curation;

/// <summary>Bound from the <c>Curation</c> configuration section.</summary>
public sealed class CurationOptions
{
    public const string Section = "Curation";

    /// <summary>
    /// The shortest curator token a deployment may use: 32 characters of a random token are far
    /// beyond guessing, even at <see cref="WrongTokenLimitPerHour"/> guesses an hour from every address.
    /// </summary>
    public const int MinimumTokenLength = 32;

    /// <summary>
    /// The bearer token curators present on the local host. When unset, Soliday.Local makes a random
    /// one and prints it; an Azure deployment with no token refuses every curator request.
    /// </summary>
    public string? LocalToken { get; set; }

    /// <summary>
    /// Wrong curator tokens (at sign-in or as a bearer token) one address may send in an hour; then
    /// every try from it, even with the right token, gets <c>429</c> until the hour is out.
    /// </summary>
    public int WrongTokenLimitPerHour { get; set; } = 10;

    /// <summary>No token (curation refused, or Easy Auth only), or one at least <see cref="MinimumTokenLength"/> long.</summary>
    public static bool IsStrongEnough(string? token) => string.IsNullOrWhiteSpace(token) || token.Trim().Length >= MinimumTokenLength;

    /// <summary>How long an entry waits for a curator before it expires unpublished.</summary>
    public TimeSpan DecisionTimeout { get; set; } = TimeSpan.FromDays(14);

    /// <summary>After this long waiting, an entry is listed as overdue and a reminder goes on the <c>curator-reminders</c> queue.</summary>
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How long after publication curators may still edit, feature or withdraw an entry.</summary>
    public TimeSpan ChangesAfterPublication { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// While curators may change a published post from elsewhere, how often its source is asked
    /// whether the author deleted it (then it is taken off and erased). See
    /// <see cref="EntryWorkflow.DefaultSourceCheckEvery"/> for why six hours.
    /// </summary>
    public TimeSpan SourceCheckEvery { get; set; } = EntryWorkflow.DefaultSourceCheckEvery;

    /// <summary>Words that flag an entry for a closer look (matched as whole words, in any case).</summary>
    public List<string> WatchedWords { get; set; } = [];

    /// <summary>
    /// Trust the App Service Authentication (Easy Auth) principal header. Only when Easy Auth really
    /// stands in front of the app: otherwise anyone could send that header.
    /// </summary>
    public bool TrustEasyAuth { get; set; }

    /// <summary>The role an Easy Auth principal needs to curate.</summary>
    public string CuratorRole { get; set; } = "curator";
}
