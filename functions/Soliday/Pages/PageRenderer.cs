using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;
using Soliday.Words;

namespace Soliday.Pages;

/// <summary>A Razor component that renders one view model, passed as its <c>Model</c> parameter.</summary>
public interface IPage<TModel>
{
    TModel Model { get; set; }
}

/// <summary>Renders Razor components to HTML strings: typed views, and every value HTML-encoded by Razor.</summary>
public sealed class PageRenderer(IServiceProvider services, ILoggerFactory loggerFactory)
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    /// <summary>
    /// Encodes what HTML needs (<c>&lt; &gt; &amp; "</c>) and leaves other letters as UTF-8, which every
    /// page declares: "…" or "é" as <c>&amp;#x2026;</c> would add five bytes to each of the day page's hundreds of lines.
    /// </summary>
    private static readonly HtmlEncoder Encoder = PageTextEncoder.Instance;

    private readonly IServiceProvider _services = new WithEncoder(services);

    /// <summary>A whole page, with its doctype.</summary>
    public async Task<string> RenderAsync<TPage, TModel>(TModel model)
        where TPage : IComponent, IPage<TModel> =>
        "<!DOCTYPE html>\n" + await RenderPartAsync<TPage, TModel>(model);

    /// <summary>A piece of a page (one hour's section, say), to be composed with others.</summary>
    public async Task<string> RenderPartAsync<TPart, TModel>(TModel model)
        where TPart : IComponent, IPage<TModel>
    {
        await using var renderer = new HtmlRenderer(_services, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(IPage<TModel>.Model)] = model });
            var output = await renderer.RenderComponentAsync<TPart>(parameters);
            return output.ToHtmlString();
        });
    }

    /// <summary>
    /// The app's services, with <see cref="Encoder"/> as the one the renderer asks for, and English
    /// words where no <see cref="SiteWords"/> was registered (a page rendered on its own, in a test).
    /// </summary>
    private sealed class WithEncoder(IServiceProvider inner) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(HtmlEncoder) ? Encoder
            : serviceType == typeof(SiteWords) ? inner.GetService(serviceType) ?? SiteWords.English
            : inner.GetService(serviceType);
    }
}
