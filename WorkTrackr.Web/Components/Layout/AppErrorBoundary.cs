using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace WorkTrackr.Web.Components.Layout;

/// <summary>Logs an unexpected error with a short id the user can quote, and shows that id instead of a stack trace.</summary>
public sealed class AppErrorBoundary : ErrorBoundary
{
    [Inject] private ILogger<AppErrorBoundary> Logger { get; set; } = default!;

    public string? ErrorId { get; private set; }

    protected override Task OnErrorAsync(Exception exception)
    {
        ErrorId = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Logger.LogError(exception, "Unhandled error {ErrorId} in a page", ErrorId);
        return Task.CompletedTask;
    }
}
