using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Soliday.Pages;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>The page a browser gets instead of problem details, from every residents' endpoint.</summary>
public sealed class ResidentErrorPages(PageRenderer pages, IOptions<SiteOptions> site)
{
    public async Task<IResult> RenderAsync(int status, string title, string message) =>
        new HtmlPage(await pages.RenderAsync<ErrorPage, ErrorView>(new ErrorView(title, message, site.Value)), status);
}
