using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Infrastructure.Circuits;

/// <summary>
/// A form's unsaved edits, kept through a resumed circuit: written when the server persists a live circuit (a
/// disconnection longer than Circuits:DisconnectedRetention) and taken back by the page the resumed circuit renders.
/// The rules live here once: only a live circuit's edits are written (at the end of prerendering there are none), and a
/// draft goes back only to the person and organisation that typed it, since a circuit resumes as whoever is signed in
/// now (another person, after a sign-out in another tab).
/// </summary>
public sealed class FormDraft<T> : IDisposable where T : class
{
    private sealed record Envelope(Guid? UserId, Guid? OrganisationId, T Draft);

    private readonly PersistentComponentState state;
    private readonly CurrentUser user;
    private readonly Func<string> key;
    private readonly PersistingComponentStateSubscription subscription;

    /// <param name="isLive">Whether the page renders on a live circuit (its <c>RendererInfo.IsInteractive</c>).</param>
    /// <param name="key">The draft's name, e.g. of the record the form edits (read when writing and when taking).</param>
    /// <param name="snapshot">The edits to keep, or null when there are none worth keeping.</param>
    public FormDraft(PersistentComponentState state, CurrentUser user, Func<bool> isLive, Func<string> key, Func<T?> snapshot)
    {
        (this.state, this.user, this.key) = (state, user, key);
        subscription = state.RegisterOnPersisting(() =>
        {
            if (isLive() && snapshot() is { } draft) state.PersistAsJson(key(), new Envelope(user.UserId, user.OrganisationId, draft));
            return Task.CompletedTask;
        }, RenderMode.InteractiveServer);
    }

    /// <summary>The draft the resumed circuit brought back for this user, if any; each is taken once.</summary>
    public T? Take() =>
        state.TryTakeFromJson<Envelope>(key(), out var envelope) && envelope is not null
        && envelope.UserId == user.UserId && envelope.OrganisationId == user.OrganisationId ? envelope.Draft : null;

    public void Dispose() => subscription.Dispose();
}
