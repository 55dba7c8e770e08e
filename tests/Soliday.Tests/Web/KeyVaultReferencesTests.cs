using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Soliday.Hashtags;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Tests.Web;

/// <summary>
/// A setting App Service could not resolve holds its reference's text, which the Bicep spells out
/// for anyone to read: a key, token or secret that is still one must never sign or check anything.
/// </summary>
public sealed class KeyVaultReferencesTests
{
    private const string Reference = "@Microsoft.KeyVault(VaultName=kv-soliday;SecretName=submissions-signing-key)";

    [Fact]
    public void A_signing_key_still_a_reference_signs_nothing_and_names_the_setting()
    {
        var signer = new TokenSigner(new SubmissionOptions { SigningKey = Reference }.SigningKeyBytes);

        var refusal = Assert.Throws<NotReadyException>(() => signer.Sign("takedown", "0123"));

        Assert.Contains("Submissions:SigningKey", refusal.Message);
        Assert.DoesNotContain("kv-soliday", refusal.Message);
    }

    [Fact]
    public void A_webhook_signed_with_the_reference_text_itself_is_not_checked_against_it()
    {
        var signatures = new WebhookSignatures(Options.Create(new HashtagOptions { WebhookSecret = Reference }));

        Assert.Throws<NotReadyException>(() => signatures.Check("1", "sha256=00", "{}"u8, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Only_the_names_of_unresolved_settings_are_listed()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Submissions:SigningKey"] = Reference,
            ["Curation:LocalToken"] = " @microsoft.keyvault(SecretUri=https://kv.vault.azure.net/secrets/token/)",
            ["Hashtags:WebhookSecret"] = "an ordinary secret that mentions @Microsoft.KeyVault( later",
        }).Build();

        Assert.Equal(["Curation:LocalToken", "Submissions:SigningKey"], KeyVaultReferences.UnresolvedSettings(configuration));
    }
}
