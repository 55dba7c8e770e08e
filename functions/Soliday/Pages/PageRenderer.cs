using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;

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

    public async Task<string> RenderAsync<TPage, TModel>(TModel model)
        where TPage : IComponent, IPage<TModel>
    {
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(IPage<TModel>.Model)] = model });
            var output = await renderer.RenderComponentAsync<TPage>(parameters);
            return "<!DOCTYPE html>\n" + output.ToHtmlString();
        });
    }
}
