using Soliday.Curation;

namespace Soliday.Tests.Curation;

public sealed class CuratorListValidationTests
{
    private const string JosToken = "jo-s-own-token-0123456789abcdef0123";
    private const string SamsToken = "sam-s-own-token-0123456789abcdef012";

    [Fact]
    public void Curators_with_their_own_names_and_tokens_are_accepted()
    {
        var result = Validate(Options(("Jo Baker", JosToken), ("Sam Ng", SamsToken)), localToken: "the-local-token");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Two_curators_with_the_same_name_in_any_case_are_refused_by_position_and_name()
    {
        var result = Validate(Options(("Jo Baker", JosToken), ("jo baker", SamsToken)));

        Assert.True(result.Failed);
        Assert.Contains("Curation:Curators:0 (Jo Baker) and Curation:Curators:1 (jo baker) have the same name", result.FailureMessage);
    }

    [Fact]
    public void Two_curators_with_the_same_token_are_refused_without_the_token_in_the_message()
    {
        var result = Validate(Options(("Jo Baker", JosToken), ("Sam Ng", JosToken)));

        Assert.True(result.Failed);
        Assert.Contains("Curation:Curators:0 (Jo Baker) and Curation:Curators:1 (Sam Ng) have the same token", result.FailureMessage);
        Assert.DoesNotContain(JosToken, result.FailureMessage);
    }

    [Fact]
    public void A_named_curator_may_not_share_the_local_token_or_its_name()
    {
        var result = Validate(Options(("Jo Baker", JosToken), (CurationOptions.LocalCuratorName, SamsToken)), localToken: JosToken);

        Assert.Contains("Curation:Curators:0 (Jo Baker) and Curation:LocalToken (Local curator) have the same token", result.FailureMessage);
        Assert.Contains("Curation:Curators:1 (Local curator) and Curation:LocalToken (Local curator) have the same name", result.FailureMessage);
    }

    [Theory]
    [InlineData("", JosToken, "Curation:Curators:0:Name must be the curator's name")]
    [InlineData("Jo Baker", " ", "Curation:Curators:0:Token is missing: give Curation:Curators:0 (Jo Baker) a token of their own")]
    public void A_curator_without_a_name_or_a_token_is_refused(string name, string token, string expected)
    {
        var result = Validate(Options((name, token)));

        Assert.Contains(expected, result.FailureMessage);
    }

    [Fact]
    public void A_blanked_item_is_no_curator_rather_than_an_error()
    {
        // As clearing a curator's two app settings leaves it.
        var options = Options(("", ""), ("Sam Ng", SamsToken));

        Assert.True(Validate(options).Succeeded);
        Assert.Equal(["Sam Ng"], options.TokenHolders().Select(h => h.Name));
    }

    private static CurationOptions Options(params (string Name, string Token)[] curators) =>
        new() { Curators = [.. curators.Select(c => new NamedCurator { Name = c.Name, Token = c.Token })] };

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(CurationOptions options, string? localToken = null)
    {
        options.LocalToken = localToken;
        return new CuratorListValidation().Validate(null, options);
    }
}
