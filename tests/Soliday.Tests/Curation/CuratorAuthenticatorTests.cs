using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Soliday.Curation;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Tests.Curation;

public sealed class CuratorAuthenticatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-the-token")]
    [InlineData("Basic dGhlLXRva2Vu")]
    [InlineData("Bearer the-token-and-more")]
    public void A_caller_without_the_exact_token_is_not_a_curator(string? authorization)
    {
        Assert.Null(Authenticator().Identify(Request(authorization)).Curator);
    }

    [Fact]
    public void A_caller_with_the_token_is_a_curator()
    {
        Assert.NotNull(Authenticator().Identify(Request("Bearer the-token")).Curator);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void With_no_token_configured_nobody_is_a_curator(string? configured)
    {
        Assert.Null(Authenticator(token: configured).Identify(Request("Bearer ")).Curator);
    }

    [Fact]
    public void An_Easy_Auth_principal_with_the_curator_role_is_a_curator_by_name()
    {
        var curator = Authenticator(trustEasyAuth: true).Identify(Request(principal: Principal("jo@solihull.gov.uk", "curator"))).Curator;

        Assert.Equal("jo@solihull.gov.uk", curator?.Name);
    }

    [Fact]
    public void An_Easy_Auth_principal_without_the_role_is_not_a_curator_even_with_the_token()
    {
        var request = Request("Bearer the-token", Principal("visitor@example.org", "reader"));

        Assert.Null(Authenticator(trustEasyAuth: true).Identify(request).Curator);
    }

    [Fact]
    public void A_principal_header_is_ignored_unless_Easy_Auth_is_configured_in_front()
    {
        Assert.Null(Authenticator(trustEasyAuth: false).Identify(Request(principal: Principal("forged@example.org", "curator"))).Curator);
    }

    [Fact]
    public void A_session_from_the_sign_in_page_names_the_curator_until_it_is_tampered_with()
    {
        var authenticator = Authenticator();
        var (session, _) = authenticator.NewSession(Request(null), new Curator(CurationOptions.LocalCuratorName));

        Assert.Equal(CurationOptions.LocalCuratorName, authenticator.Identify(Request(null, cookie: session)).Curator?.Name);
        Assert.Null(authenticator.Identify(Request(null, cookie: session.Replace('.', 'x'))).Curator);
        Assert.Null(authenticator.Identify(Request(null, cookie: "TWFyZ2FyZXQ." + session.Split('.')[1])).Curator);
    }

    [Fact]
    public void A_session_ends_when_the_curator_token_changes()
    {
        var (session, _) = Authenticator(token: "the-token").NewSession(Request(null), new Curator(CurationOptions.LocalCuratorName));

        Assert.Equal(CurationOptions.LocalCuratorName, Authenticator(token: "the-token").Identify(Request(null, cookie: session)).Curator?.Name);
        Assert.Null(Authenticator(token: "a-new-token-after-a-leak").Identify(Request(null, cookie: session)).Curator);
        Assert.Null(Authenticator(token: null).Identify(Request(null, cookie: session)).Curator);
    }

    [Fact]
    public void Each_named_curator_s_token_names_them()
    {
        var authenticator = Authenticator(token: null, curators: [Jo, Sam]);

        Assert.Equal("Jo Baker", authenticator.Identify(Request($"Bearer {Jo.Token}")).Curator?.Name);
        Assert.Equal("Sam Ng", authenticator.Identify(Request($"Bearer {Sam.Token}")).Curator?.Name);
        Assert.Null(authenticator.Identify(Request("Bearer the-token")).Curator);
    }

    [Fact]
    public void The_local_token_is_one_more_curator_beside_the_named_ones()
    {
        var authenticator = Authenticator(token: "the-token", curators: [Jo]);

        Assert.Equal(CurationOptions.LocalCuratorName, authenticator.CuratorWithToken("the-token")?.Name);
        Assert.Equal("Jo Baker", authenticator.CuratorWithToken(Jo.Token)?.Name);
    }

    [Fact]
    public void Taking_a_curator_off_the_list_ends_their_session_and_nobody_else_s()
    {
        var before = Authenticator(token: null, curators: [Jo, Sam]);
        var (josSession, _) = before.NewSession(Request(null), before.CuratorWithToken(Jo.Token)!);
        var (samsSession, _) = before.NewSession(Request(null), before.CuratorWithToken(Sam.Token)!);

        var after = Authenticator(token: null, curators: [Sam]);

        Assert.Null(after.Identify(Request(null, cookie: josSession)).Curator);
        Assert.Null(after.CuratorWithToken(Jo.Token));
        Assert.Equal("Sam Ng", after.Identify(Request(null, cookie: samsSession)).Curator?.Name);
    }

    [Fact]
    public void A_session_ends_when_that_curator_s_token_changes_and_nobody_else_s()
    {
        var before = Authenticator(token: null, curators: [Jo, Sam]);
        var (josSession, _) = before.NewSession(Request(null), new Curator(Jo.Name));
        var (samsSession, _) = before.NewSession(Request(null), new Curator(Sam.Name));

        var after = Authenticator(token: null, curators: [new NamedCurator { Name = Jo.Name, Token = "jo-s-new-token-after-a-leak-0123456789" }, Sam]);

        Assert.Null(after.Identify(Request(null, cookie: josSession)).Curator);
        Assert.Equal("Sam Ng", after.Identify(Request(null, cookie: samsSession)).Curator?.Name);
    }

    [Fact]
    public void A_session_cannot_be_renamed_to_another_curator()
    {
        var authenticator = Authenticator(token: null, curators: [Jo, Sam]);
        var (josSession, _) = authenticator.NewSession(Request(null), new Curator(Jo.Name));
        var body = WebEncoders.Base64UrlDecode(josSession.Split('.')[0]);
        byte[] renamed = [.. body.AsSpan(0, sizeof(long)), .. Encoding.UTF8.GetBytes(Sam.Name)];

        Assert.Null(authenticator.Identify(Request(null, cookie: $"{WebEncoders.Base64UrlEncode(renamed)}.{josSession.Split('.')[1]}")).Curator);
    }

    [Fact]
    public void A_token_Azure_could_not_resolve_from_Key_Vault_lets_nobody_in()
    {
        // Azure hands the app the reference itself when the secret is missing: no secret at all.
        const string Unresolved = "@Microsoft.KeyVault(VaultName=kv-soliday;SecretName=curator-jo)";
        var authenticator = Authenticator(token: null, curators: [new NamedCurator { Name = "Jo Baker", Token = Unresolved }, Sam]);

        Assert.Null(authenticator.Identify(Request($"Bearer {Unresolved}")).Curator);
        Assert.Equal("Sam Ng", authenticator.CuratorWithToken(Sam.Token)?.Name);
    }

    [Fact]
    public void Only_a_bearer_token_is_a_credential_a_sender_could_guess()
    {
        var authenticator = Authenticator(trustEasyAuth: true);
        var (session, _) = authenticator.NewSession(Request(null), new Curator(CurationOptions.LocalCuratorName));

        Assert.True(authenticator.Identify(Request("Bearer a-guess")).ByBearerToken);
        Assert.False(authenticator.Identify(Request(null, cookie: session)).ByBearerToken);
        Assert.False(authenticator.Identify(Request("Bearer a-guess", Principal("jo@solihull.gov.uk", "curator"))).ByBearerToken);
    }

    private static readonly NamedCurator Jo = new() { Name = "Jo Baker", Token = "jo-s-own-token-0123456789abcdef0123" };
    private static readonly NamedCurator Sam = new() { Name = "Sam Ng", Token = "sam-s-own-token-0123456789abcdef012" };

    private static CuratorAuthenticator Authenticator(string? token = "the-token", bool trustEasyAuth = false, List<NamedCurator>? curators = null)
    {
        var submissions = Options.Create(new SubmissionOptions { SigningKey = Convert.ToBase64String(new byte[32]) });
        var curation = Options.Create(new CurationOptions { LocalToken = token, TrustEasyAuth = trustEasyAuth, Curators = curators ?? [] });
        var signer = new TokenSigner(submissions.Value.SigningKeyBytes());

        // Never reached: these tests identify without the throttle, which the acceptance tests exercise.
        var unusedStorage = new BlobServiceClient("UseDevelopmentStorage=true");
        return new CuratorAuthenticator(curation, signer, new CuratorTokenThrottle(new AddressCounter(unusedStorage, signer, TimeProvider.System), curation, submissions), TimeProvider.System);
    }

    /// <summary>The principal App Service Authentication sends: base64 JSON of claims.</summary>
    private static string Principal(string name, string role) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "preferred_username",
        role_typ = "roles",
        claims = new[] { new { typ = "preferred_username", val = name }, new { typ = "roles", val = role } },
    })));

    private static HttpRequest Request(string? authorization = null, string? principal = null, string? cookie = null)
    {
        var context = new DefaultHttpContext();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        if (principal is not null)
        {
            context.Request.Headers[CuratorAuthenticator.PrincipalHeader] = principal;
        }

        if (cookie is not null)
        {
            context.Request.Headers.Cookie = $"{CuratorAuthenticator.SessionCookie}={cookie}";
        }

        return context.Request;
    }
}
