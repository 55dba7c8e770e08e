using Microsoft.AspNetCore.Http;
using Soliday.Web;

namespace Soliday.Tests.Web;

public sealed class ContentNegotiationTests
{
    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", true)] // a browser
    [InlineData("application/json", false)]
    [InlineData("*/*", false)]
    [InlineData(null, false)] // an API client that states no preference gets the documented JSON
    [InlineData("application/json, text/html;q=0.5", false)]
    public void Browsers_get_pages_and_everyone_else_JSON(string? accept, bool html)
    {
        var context = new DefaultHttpContext();
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        Assert.Equal(html, context.Request.PrefersHtml());
    }
}
