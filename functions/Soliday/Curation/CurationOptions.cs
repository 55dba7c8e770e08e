using Soliday.Entries;
using Soliday.Web;

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

    /// <summary>The name the audit log gives decisions made with <see cref="LocalToken"/>.</summary>
    public const string LocalCuratorName = "Local curator";

    /// <summary>
    /// The curators, each with a name and a token of their own. An item left with neither (a blanked
    /// setting) is no curator; one with only one of them is refused at start (<see cref="CuratorListValidation"/>).
    /// </summary>
    public List<NamedCurator> Curators { get; set; } = [];

    /// <summary>
    /// A token for one more curator, <see cref="LocalCuratorName"/>, for the local host. When no
    /// curator is configured at all, Soliday.Local makes a random one and prints it; an Azure
    /// deployment names its curators instead (<see cref="Curators"/>).
    /// </summary>
    public string? LocalToken { get; set; }

    /// <summary>
    /// Wrong curator tokens (at sign-in or as a bearer token) one address may send in an hour; then
    /// every try from it, even with the right token, gets <c>429</c> until the hour is out.
    /// </summary>
    public int WrongTokenLimitPerHour { get; set; } = 10;

    /// <summary>No token (curation refused, or Easy Auth only), or one at least <see cref="MinimumTokenLength"/> long.</summary>
    public static bool IsStrongEnough(string? token) => string.IsNullOrWhiteSpace(token) || token.Trim().Length >= MinimumTokenLength;

    /// <summary>The configured items that are not blank: the curators <see cref="CuratorListValidation"/> checks.</summary>
    public IEnumerable<(int Index, NamedCurator Curator)> ConfiguredCurators() =>
        Curators.Select((curator, index) => (index, curator))
            .Where(item => !string.IsNullOrWhiteSpace(item.curator.Name) || !string.IsNullOrWhiteSpace(item.curator.Token));

    /// <summary>
    /// Everyone a token identifies, with the token they sign in with: the named curators, then the
    /// local token's holder. A token Azure could not resolve from Key Vault is left out: that curator
    /// cannot sign in until the secret is there, rather than anyone who guesses the reference.
    /// </summary>
    public IReadOnlyList<NamedCurator> TokenHolders()
    {
        var holders = ConfiguredCurators().Select(item => new NamedCurator { Name = item.Curator.Name.Trim(), Token = item.Curator.Token.Trim() }).ToList();
        if (!string.IsNullOrWhiteSpace(LocalToken))
        {
            holders.Add(new NamedCurator { Name = LocalCuratorName, Token = LocalToken.Trim() });
        }

        // A token Azure could not resolve is the reference's own text, which is no secret: it lets nobody
        // in (the others still work), and /api/health names the setting until it resolves.
        return [.. holders.Where(h => h.Token.Length > 0 && !KeyVaultReferences.IsUnresolved(h.Token))];
    }

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
