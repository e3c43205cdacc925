using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Radzen;
using WorkTrackr.Web.Components.Layout;

namespace WorkTrackr.Tests.Components;

[Trait("Category", "Unit")]
public sealed class AppErrorBoundaryTests
{
    private sealed class FailingPage : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("database on fire");
    }

    private sealed class HealthyPage : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, "all good");
    }

    private sealed class CapturingLogger : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<(string Message, Exception? Exception)> Entries { get; } = new();
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) Entries.Enqueue((formatter(state, exception), exception));
        }
        public void Dispose() { }
    }

    private static async Task<string> RenderAsync<TPage>(CapturingLogger log) where TPage : IComponent
    {
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(log))
            .AddSingleton<NavigationManager, StaticNavigationManager>()
            .AddSingleton<IErrorBoundaryLogger, UnusedErrorBoundaryLogger>()
            .AddSingleton<Microsoft.JSInterop.IJSRuntime, NoJavaScript>()
            .AddRadzenComponents()
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            RenderFragment page = b => { b.OpenComponent<TPage>(0); b.CloseComponent(); };
            var output = await renderer.RenderComponentAsync<AppErrorBoundary>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(AppErrorBoundary.ChildContent)] = page }));
            return output.ToHtmlString();
        });
    }

    [Fact]
    public async Task An_unexpected_error_shows_a_friendly_message_whose_id_is_in_the_log()
    {
        var log = new CapturingLogger();

        var html = await RenderAsync<FailingPage>(log);

        var (message, exception) = Assert.Single(log.Entries);
        Assert.Equal("database on fire", exception?.Message);
        var id = System.Text.RegularExpressions.Regex.Match(message, "error ([0-9A-F]{8})").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Contains("Something went wrong", html);
        Assert.Contains(id, html);
        Assert.DoesNotContain("database on fire", html);
    }

    [Fact]
    public async Task A_healthy_page_renders_as_itself()
    {
        var log = new CapturingLogger();

        var html = await RenderAsync<HealthyPage>(log);

        Assert.Equal("all good", html);
        Assert.Empty(log.Entries);
    }

    /// <summary>ErrorBoundary injects one; AppErrorBoundary logs through ILogger instead, which this test reads.</summary>
    private sealed class UnusedErrorBoundaryLogger : IErrorBoundaryLogger
    {
        public ValueTask LogErrorAsync(Exception exception) => throw new InvalidOperationException("AppErrorBoundary should log by itself.");
    }

    /// <summary>Static rendering never reaches JavaScript; Radzen components only ask for it.</summary>
    private sealed class NoJavaScript : Microsoft.JSInterop.IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => throw new NotSupportedException();
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => throw new NotSupportedException();
    }

    private sealed class StaticNavigationManager : NavigationManager
    {
        public StaticNavigationManager() => Initialize("http://localhost/", "http://localhost/");
    }
}
