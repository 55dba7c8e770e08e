using Soliday.Submissions;

namespace Soliday.Tests.Submissions;

/// <summary>The list of helper codes is refused at start when the audit log could not tell volunteers apart, or a code is short enough to guess.</summary>
public sealed class HelperCodeListValidationTests
{
    [Fact]
    public void Two_volunteers_with_their_own_names_and_long_codes_pass_and_so_does_no_list()
    {
        Assert.True(Validate(("Ada Lovelace", "ada-helps-at-the-library-cafe"), ("Ben Okafor", "ben-helps-at-the-shirley-cafe")).Succeeded);
        Assert.True(Validate().Succeeded);
        Assert.True(Validate(("", "")).Succeeded); // a blanked item is no volunteer
    }

    [Fact]
    public void A_short_code_is_refused_and_the_message_names_the_volunteer_never_the_code()
    {
        var result = Validate(("Ada Lovelace", "ada-1234"));

        Assert.True(result.Failed);
        Assert.Contains("Submissions:HelperCodes:0:Code must be at least 16 characters", result.FailureMessage);
        Assert.Contains("(Ada Lovelace)", result.FailureMessage);
        Assert.DoesNotContain("ada-1234", result.FailureMessage);
    }

    [Fact]
    public void A_code_without_a_name_and_a_name_without_a_code_are_refused()
    {
        var result = Validate(("", "a-code-without-a-name-0001"), ("Ben Okafor", ""));

        Assert.Contains("Submissions:HelperCodes:0:Name must be the volunteer's name", result.FailureMessage);
        Assert.Contains("Submissions:HelperCodes:1:Code must be at least 16 characters", result.FailureMessage);
    }

    [Fact]
    public void Two_volunteers_of_one_name_or_one_code_are_refused_without_saying_the_code()
    {
        const string Shared = "one-code-for-two-people-0001";
        var result = Validate(("Ada Lovelace", Shared), ("ada lovelace", "ada-s-other-code-000000001"), ("Ben Okafor", Shared));

        Assert.Contains("Submissions:HelperCodes:0 (Ada Lovelace) and Submissions:HelperCodes:1 (ada lovelace) have the same name", result.FailureMessage);
        Assert.Contains("Submissions:HelperCodes:0 (Ada Lovelace) and Submissions:HelperCodes:2 (Ben Okafor) have the same code", result.FailureMessage);
        Assert.DoesNotContain(Shared, result.FailureMessage);
    }

    [Fact]
    public void A_Key_Vault_reference_waiting_to_resolve_is_not_judged_by_its_length()
    {
        Assert.True(Validate(("Ada Lovelace", "@Microsoft.KeyVault(VaultName=v;SecretName=ada)")).Succeeded);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(params (string Name, string Code)[] helpers) =>
        new HelperCodeListValidation().Validate(null, new SubmissionOptions { HelperCodes = [.. helpers.Select(h => new HelperCode { Name = h.Name, Code = h.Code })] });
}
