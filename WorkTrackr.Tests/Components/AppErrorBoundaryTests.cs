using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;
using WorkTrackr.Web.Components.Layout;

namespace WorkTrackr.Tests.Components;

/// <summary>The layout's error boundary, rendered alone: no app and no database, so a unit test.</summary>
[Trait("Category", "Unit")]
#pragma warning disable CA1001 // the provider's Dispose does nothing; the test context's logging holds it for the test's life
public sealed class AppErrorBoundaryTests : ComponentTest
#pragma warning restore CA1001
{
    private readonly CapturingLogger log = new();

    public AppErrorBoundaryTests()
    {
        Context.Services.AddLogging(b => b.AddProvider(log));
        Context.Services.AddSingleton<IErrorBoundaryLogger, UnusedErrorBoundaryLogger>();
    }

    private sealed class FailingPage : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("database on fire");
    }

    private sealed class HealthyPage : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, "all good");
    }

    private IRenderedComponent<AppErrorBoundary> Render<TPage>() where TPage : IComponent =>
        Context.Render<AppErrorBoundary>(p => p.AddChildContent<TPage>());

    [Fact]
    public void An_unexpected_error_shows_a_friendly_message_whose_id_is_in_the_log()
    {
        var cut = Render<FailingPage>();

        var (message, exception) = Assert.Single(log.Entries);
        Assert.Equal("database on fire", exception?.Message);
        var id = Regex.Match(message, "error ([0-9A-F]{8})").Groups[1].Value;
        Assert.NotEmpty(id);
        var alert = cut.ByTestId("error-boundary");
        Assert.Contains("Something went wrong", alert.Text());
        Assert.Equal(id, cut.ByTestId("error-id").Text());
        Assert.DoesNotContain("database on fire", cut.Markup);
        Assert.True(alert.HasButton("Try again"));
    }

    [Fact]
    public void A_healthy_page_renders_as_itself()
    {
        var cut = Render<HealthyPage>();

        Assert.Equal("all good", cut.Markup);
        Assert.Empty(log.Entries);
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

    /// <summary>ErrorBoundary injects one (bUnit registers its own); AppErrorBoundary logs through ILogger instead, which this test reads.</summary>
    private sealed class UnusedErrorBoundaryLogger : IErrorBoundaryLogger
    {
        public ValueTask LogErrorAsync(Exception exception) => throw new InvalidOperationException("AppErrorBoundary should log by itself.");
    }
}
