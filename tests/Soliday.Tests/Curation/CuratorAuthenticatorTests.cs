using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Soliday.Curation;

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
        Assert.Null(new CuratorAuthenticator(Token("the-token")).Authenticate(Request(authorization)));
    }

    [Fact]
    public void A_caller_with_the_token_is_a_curator()
    {
        Assert.NotNull(new CuratorAuthenticator(Token("the-token")).Authenticate(Request("Bearer the-token")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void With_no_token_configured_nobody_is_a_curator(string? configured)
    {
        Assert.Null(new CuratorAuthenticator(Token(configured)).Authenticate(Request("Bearer ")));
    }

    private static IOptions<CurationOptions> Token(string? token) => Options.Create(new CurationOptions { LocalToken = token });

    private static HttpRequest Request(string? authorization)
    {
        var context = new DefaultHttpContext();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        return context.Request;
    }
}
