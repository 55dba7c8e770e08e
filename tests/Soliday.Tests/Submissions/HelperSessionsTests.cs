using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Tests.Submissions;

/// <summary>
/// Volunteer mode's codes and cookie: a code names its volunteer and nothing else does; the cookie
/// names the helper, never the code, and ends when it expires, is tampered with, or the code is taken
/// off the list or changed; a curator's ends when they are no longer signed in.
/// </summary>
public sealed class HelperSessionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 20, 14, 0, 0, TimeSpan.Zero);
    private static readonly HelperCode Ada = new() { Name = "Ada Lovelace", Code = "ada-helps-at-the-library-cafe" };
    private static readonly HelperCode Ben = new() { Name = "Ben Okafor", Code = "ben-helps-at-the-shirley-cafe" };

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ada-helps-at-the-library-caf")]
    [InlineData("ada-helps-at-the-library-cafe-and-more")]
    [InlineData("ADA-HELPS-AT-THE-LIBRARY-CAFE")]
    public void Anything_but_a_volunteer_s_exact_code_names_nobody(string? presented)
    {
        Assert.Null(new Setup().Sessions.HelperWithCode(presented));
    }

    [Fact]
    public void A_code_names_its_own_volunteer_typed_with_spaces_around_it()
    {
        var setup = new Setup();

        Assert.Equal(new Helper("Ben Okafor", false), setup.Sessions.HelperWithCode("  ben-helps-at-the-shirley-cafe "));
        Assert.Equal(new Helper("Ada Lovelace", false), setup.Sessions.HelperWithCode(Ada.Code));
    }

    [Fact]
    public void A_code_still_waiting_for_Key_Vault_names_nobody_not_even_whoever_reads_the_reference()
    {
        const string Reference = "@Microsoft.KeyVault(SecretUri=https://vault.vault.azure.net/secrets/helper-ada/)";
        var setup = new Setup(new HelperCode { Name = "Ada Lovelace", Code = Reference });

        Assert.Null(setup.Sessions.HelperWithCode(Reference));
    }

    [Fact]
    public void The_cookie_names_the_helper_never_the_code_and_lasts_the_configured_time()
    {
        var setup = new Setup();
        var (value, options) = setup.Sessions.NewSession(new DefaultHttpContext().Request, new Helper("Ada Lovelace", false));

        var body = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(value.Split('.')[0]));
        Assert.Contains("Ada Lovelace", body);
        Assert.DoesNotContain(Ada.Code, body);
        Assert.DoesNotContain(Ada.Code, value);
        Assert.Equal(Start + TimeSpan.FromHours(4), options.Expires);
        Assert.True(options.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, options.SameSite);
        Assert.Equal("/api", options.Path);
        Assert.Equal(new Helper("Ada Lovelace", false), setup.Sessions.Current(setup.RequestWith(value)));
    }

    [Fact]
    public void The_mode_ends_when_the_cookie_expires()
    {
        var setup = new Setup();
        var cookie = setup.SessionFor(Ada);

        setup.Clock.Now = Start + TimeSpan.FromHours(4) - TimeSpan.FromSeconds(1);
        var justBefore = setup.Sessions.Current(setup.RequestWith(cookie));
        setup.Clock.Now = Start + TimeSpan.FromHours(4);
        var atTheEnd = setup.Sessions.Current(setup.RequestWith(cookie));

        Assert.NotNull(justBefore);
        Assert.Null(atTheEnd);
    }

    [Fact]
    public void Taking_a_code_off_the_list_ends_that_volunteer_s_mode_and_nobody_else_s()
    {
        var setup = new Setup();
        var adas = setup.SessionFor(Ada);
        var bens = setup.SessionFor(Ben);

        setup.Options.HelperCodes.RemoveAt(0);

        Assert.Null(setup.Sessions.Current(setup.RequestWith(adas)));
        Assert.Equal("Ben Okafor", setup.Sessions.Current(setup.RequestWith(bens))?.Name);
    }

    [Fact]
    public void Changing_a_volunteer_s_code_ends_the_mode_started_with_the_old_one()
    {
        var setup = new Setup();
        var cookie = setup.SessionFor(Ada);

        setup.Options.HelperCodes[0] = new HelperCode { Name = Ada.Name, Code = "ada-s-new-code-after-a-leak-0001" };

        Assert.Null(setup.Sessions.Current(setup.RequestWith(cookie)));
    }

    [Fact]
    public void A_cookie_changed_by_hand_is_worth_nothing()
    {
        var setup = new Setup();
        var cookie = setup.SessionFor(Ada);
        var (bensBody, _) = Split(setup.SessionFor(Ben));
        var (_, adasSignature) = Split(cookie);

        Assert.Null(setup.Sessions.Current(setup.RequestWith($"{bensBody}.{adasSignature}")));
        Assert.Null(setup.Sessions.Current(setup.RequestWith(cookie[..^2] + "xx")));
        Assert.Null(setup.Sessions.Current(setup.RequestWith("not a cookie at all")));
        Assert.Null(setup.Sessions.Current(setup.RequestWith("!!!.???")));
        Assert.Null(setup.Sessions.Current(setup.RequestWith("AA.AA")));
    }

    [Fact]
    public void A_curator_s_mode_lasts_while_they_are_signed_in_here_under_the_same_name()
    {
        var setup = new Setup();
        setup.Curators.SignedIn = "Jo Baker";
        var helper = setup.Sessions.SignedInCurator(new DefaultHttpContext().Request)!;
        var (cookie, _) = setup.Sessions.NewSession(new DefaultHttpContext().Request, helper);

        var whileSignedIn = setup.Sessions.Current(setup.RequestWith(cookie));
        setup.Curators.SignedIn = "Sam Ng";
        var anotherCurator = setup.Sessions.Current(setup.RequestWith(cookie));
        setup.Curators.SignedIn = null;
        var signedOut = setup.Sessions.Current(setup.RequestWith(cookie));

        Assert.Equal(new Helper("Jo Baker", true), whileSignedIn);
        Assert.Null(anotherCurator);
        Assert.Null(signedOut);
    }

    [Fact]
    public void A_volunteer_cookie_is_not_a_curator_s_of_the_same_name()
    {
        var setup = new Setup(new HelperCode { Name = "Jo Baker", Code = "jo-helps-at-the-cafe-too-0001" });
        var volunteer = setup.SessionFor(setup.Options.HelperCodes[0]);
        setup.Options.HelperCodes.Clear();
        setup.Curators.SignedIn = "Jo Baker";

        Assert.Null(setup.Sessions.Current(setup.RequestWith(volunteer)));
    }

    private static (string Body, string Signature) Split(string cookie) => (cookie.Split('.')[0], cookie.Split('.')[1]);

    private sealed class Setup
    {
        public Setup(params HelperCode[] helpers)
        {
            Options = new SubmissionOptions
            {
                SigningKey = Convert.ToBase64String(new byte[32]),
                HelperCodes = helpers.Length > 0 ? [.. helpers] : [new() { Name = Ada.Name, Code = Ada.Code }, new() { Name = Ben.Name, Code = Ben.Code }],
            };
            Sessions = new HelperSessions(Microsoft.Extensions.Options.Options.Create(Options), new TokenSigner(Options.SigningKeyBytes()), Curators, Clock);
        }

        public SubmissionOptions Options { get; }

        public MovableClock Clock { get; } = new() { Now = Start };

        public CuratorsHere Curators { get; } = new();

        public HelperSessions Sessions { get; }

        public string SessionFor(HelperCode helper) =>
            Sessions.NewSession(new DefaultHttpContext().Request, Sessions.HelperWithCode(helper.Code)!).Value;

        public HttpRequest RequestWith(string cookie)
        {
            var context = new DefaultHttpContext();
            context.Request.Headers.Cookie = $"{HelperSessions.CookieName}={cookie}";
            return context.Request;
        }
    }

    /// <summary>Which curator the browser is signed in as, as the test says.</summary>
    private sealed class CuratorsHere : ISignedInCurators
    {
        public string? SignedIn { get; set; }

        public string? NameOf(HttpRequest request) => SignedIn;
    }

    private sealed class MovableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
