using Microsoft.Extensions.Options;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>
/// Refuses, at start (and at a reload), a list of helper codes the audit log or a removal could not
/// tell apart, or a code short enough to guess: each volunteer needs a name and a code of at least
/// <see cref="MinimumCodeLength"/> characters, no two the same name (in any case) and no two the same
/// code. The messages say which items clash by position and name, never by code.
/// </summary>
public sealed class HelperCodeListValidation : IValidateOptions<SubmissionOptions>
{
    /// <summary>The longest name the audit log and the form take.</summary>
    public const int MaxNameLength = 100;

    /// <summary>
    /// Sixteen characters: a random code that long (say <c>openssl rand -base64 12</c>) is far beyond
    /// guessing at <see cref="SubmissionOptions.WrongHelperCodeLimitPerHour"/> tries an hour from every
    /// address, and still short enough to type on a phone at a café.
    /// </summary>
    public const int MinimumCodeLength = 16;

    private const string Setting = $"{SubmissionOptions.Section}:{nameof(SubmissionOptions.HelperCodes)}";

    public ValidateOptionsResult Validate(string? name, SubmissionOptions options)
    {
        var failures = new List<string>();
        var configured = options.HelperCodes.Select((helper, index) => (Index: index, Helper: helper))
            .Where(item => !string.IsNullOrWhiteSpace(item.Helper.Name) || !string.IsNullOrWhiteSpace(item.Helper.Code))
            .ToList();
        foreach (var (index, helper) in configured)
        {
            if (string.IsNullOrWhiteSpace(helper.Name) || helper.Name.Trim().Length > MaxNameLength)
            {
                failures.Add($"{Setting}:{index}:Name must be the volunteer's name, 1 to {MaxNameLength} characters: it is what the audit log and curators see beside the entries they help send.");
            }

            // A Key Vault reference's own text is no code: it is checked once Azure has resolved it.
            var code = helper.Code.Trim();
            if (!KeyVaultReferences.IsUnresolved(code) && code.Length < MinimumCodeLength)
            {
                failures.Add($"{Setting}:{index}:Code must be at least {MinimumCodeLength} characters: give {Describe(index, helper)} a random code of their own (e.g. openssl rand -base64 12).");
            }
        }

        foreach (var clash in configured.Where(c => c.Helper.Name.Trim().Length > 0).GroupBy(c => c.Helper.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            failures.Add($"{Join(clash)} have the same name: give each volunteer their own, so the audit log tells them apart.");
        }

        foreach (var clash in configured.Where(c => c.Helper.Code.Trim().Length > 0).GroupBy(c => c.Helper.Code.Trim(), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"{Join(clash)} have the same code: give each volunteer their own, so one can be taken off the list without stopping the other.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Describe(int index, HelperCode helper) =>
        string.IsNullOrWhiteSpace(helper.Name) ? $"{Setting}:{index}" : $"{Setting}:{index} ({helper.Name.Trim()})";

    private static string Join(IEnumerable<(int Index, HelperCode Helper)> clash) => string.Join(" and ", clash.Select(c => Describe(c.Index, c.Helper)));
}
