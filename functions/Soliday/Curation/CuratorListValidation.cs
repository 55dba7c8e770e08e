using Microsoft.Extensions.Options;

namespace Soliday.Curation;

/// <summary>
/// Refuses, at start, a list of curators the audit log or a removal could not tell apart: each
/// needs a name and a token, no two the same name (in any case) and no two the same token. The
/// messages say which items clash by position and name, never by token.
/// </summary>
public sealed class CuratorListValidation : IValidateOptions<CurationOptions>
{
    /// <summary>The longest name the audit log and the curation page take.</summary>
    public const int MaxNameLength = 100;

    private const string Setting = $"{CurationOptions.Section}:{nameof(CurationOptions.Curators)}";
    private const string LocalSetting = $"{CurationOptions.Section}:{nameof(CurationOptions.LocalToken)}";

    public ValidateOptionsResult Validate(string? name, CurationOptions options)
    {
        var failures = new List<string>();
        var configured = options.ConfiguredCurators().ToList();
        foreach (var (index, curator) in configured)
        {
            if (string.IsNullOrWhiteSpace(curator.Name) || curator.Name.Trim().Length > MaxNameLength)
            {
                failures.Add($"{Setting}:{index}:Name must be the curator's name, 1 to {MaxNameLength} characters: it is what the audit log records beside their decisions.");
            }

            if (string.IsNullOrWhiteSpace(curator.Token))
            {
                failures.Add($"{Setting}:{index}:Token is missing: give {Describe(index, curator)} a token of their own (e.g. openssl rand -base64 32).");
            }
        }

        // The local token's holder counts too: a named curator may not share its name or its token.
        var everyone = configured.Select(item => (Label: Describe(item.Index, item.Curator), Name: item.Curator.Name.Trim(), Token: item.Curator.Token.Trim())).ToList();
        if (!string.IsNullOrWhiteSpace(options.LocalToken))
        {
            everyone.Add(($"{LocalSetting} ({CurationOptions.LocalCuratorName})", CurationOptions.LocalCuratorName, options.LocalToken.Trim()));
        }

        foreach (var clash in everyone.Where(c => c.Name.Length > 0).GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            failures.Add($"{Join(clash.Select(c => c.Label))} have the same name: give each curator their own, so the audit log tells them apart.");
        }

        foreach (var clash in everyone.Where(c => c.Token.Length > 0).GroupBy(c => c.Token, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"{Join(clash.Select(c => c.Label))} have the same token: give each curator their own, so one can be taken off the list without locking out the other.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Describe(int index, NamedCurator curator) =>
        string.IsNullOrWhiteSpace(curator.Name) ? $"{Setting}:{index}" : $"{Setting}:{index} ({curator.Name.Trim()})";

    private static string Join(IEnumerable<string> labels) => string.Join(" and ", labels);
}
