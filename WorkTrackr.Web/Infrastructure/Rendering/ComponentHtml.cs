using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace WorkTrackr.Web.Infrastructure.Rendering;

/// <summary>
/// Renders a Razor component to an HTML string with Blazor's <see cref="HtmlRenderer"/>, outside any circuit: the one
/// way the app turns a template into HTML, for documents printed to PDF (<see cref="Pdf.DocumentPrinter"/>) and for
/// emails' bodies. Razor encodes what the template shows, so no caller encodes by hand.
/// </summary>
public sealed class ComponentHtml(IServiceProvider services, ILoggerFactory loggerFactory)
{
    /// <summary>The component's HTML, given its parameters by name (<c>[nameof(Template.Name)] = value</c>).</summary>
    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var html = new HtmlRenderer(services, loggerFactory);
        return await html.Dispatcher.InvokeAsync(async () =>
            (await html.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
