using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace WorkTrackr.Tests.Components;

/// <summary>
/// One bUnit context per test, set up as a circuit hosts a component: the component library's services, and JavaScript
/// in loose mode, which answers every call with a default, as the library only asks it to focus, position or measure.
/// Disposed asynchronously: MudBlazor's services implement only <see cref="IAsyncDisposable"/>, and a
/// synchronous dispose throws after the test.
/// </summary>
public abstract class ComponentTest : IAsyncLifetime
{
    static ComponentTest()
    {
        // bUnit waits a second by default; a real database on a machine shared with other builds needs longer. The
        // setting is process-wide, so it is set here, before any component test class runs.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    protected ComponentTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
    }

    protected BunitContext Context { get; } = new();

    private IRenderedComponent<MudBlazor.MudPopoverProvider>? popovers;

    /// <summary>
    /// Where MudBlazor shows what pops over a page (a select's options, an autocomplete's list), as the layout's
    /// provider does in the app. Touch it before rendering a component with MudBlazor selects or autocompletes: it is
    /// rendered on first use (after the services are set up, which a render locks).
    /// </summary>
    protected IRenderedComponent<MudBlazor.MudPopoverProvider> Popovers => popovers ??= Context.Render<MudBlazor.MudPopoverProvider>();

    /// <summary>bUnit's navigation manager: where the component sent the user (it starts at http://localhost/).</summary>
    protected NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    /// <summary>
    /// Renders as on a live page (a circuit), not the prerendering before it. Setting it starts bUnit's renderer, which
    /// locks the services: a subclass adds its own before it calls this.
    /// </summary>
    public virtual Task InitializeAsync()
    {
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();
}
