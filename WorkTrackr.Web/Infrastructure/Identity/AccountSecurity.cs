using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkTrackr.Data;
using WorkTrackr.Data.Identity;

namespace WorkTrackr.Web.Infrastructure.Identity;

/// <summary>One signed-in browser as its owner sees it on their profile.</summary>
public sealed record SessionView(Guid Id, DateTime StartedAt, DateTime LastSeenAt, string? IpAddress, string? UserAgent, bool IsCurrent);

/// <summary>One line of sign-in history.</summary>
public sealed record SignInEventView(DateTime At, SignInEventKind Kind, string? IpAddress, string? UserAgent);

/// <summary>
/// Sign-in history and sessions. Every sign-in starts a <see cref="UserSession"/> named in the cookie
/// (<see cref="WorkTrackrClaims.SessionId"/>); the cookie's revalidation (every minute) and the circuit's (every 30 s)
/// refuse a session that has ended, so ending one signs that browser out within a minute. Each sign-in, failure,
/// lockout, sign-out and password change is a <see cref="SignInEvent"/>, with the client's address and browser, and so
/// is a person ending another of their sessions (sessions ended by a deactivation, a role change or a password change
/// are not listed one by one). Users sit outside the tenant filter: every query here names the person.
/// </summary>
public sealed class AccountSecurity(IDbContextFactory<WorkTrackrDbContext> dbFactory, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    /// <summary>Failures from anywhere, as a multiple of the per-address limit, that lock the account for everyone (a distributed attack).</summary>
    public const int AccountWideFactor = 10;

    /// <summary>How many lines of history a profile or the team page shows.</summary>
    public const int HistoryLength = 50;

    /// <summary>
    /// How long a sign-in cookie lasts without use (sliding). A session not seen for that long has no cookie left, and is
    /// no longer listed as open.
    /// </summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    /// <summary>The session a principal's cookie names, if any.</summary>
    public static Guid? SessionOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(WorkTrackrClaims.SessionId), out var id) ? id : null;

    /// <summary>Starts a session for a sign-in, records it, and returns the session's id for the cookie.</summary>
    public async Task<Guid> StartSessionAsync(ApplicationUser user, HttpContext? http)
    {
        var (address, agent) = Client(http);
        var now = Now;
        var session = new UserSession { UserId = user.Id, StartedAt = now, LastSeenAt = now, IpAddress = address, UserAgent = agent };
        await using var db = await dbFactory.CreateDbContextAsync();
        db.UserSessions.Add(session);
        db.SignInEvents.Add(Event(user.Id, user.OrganisationId, user.Email, SignInEventKind.SignedIn, address, agent, now));
        await db.SaveChangesAsync();
        return session.Id;
    }

    /// <summary>
    /// Whether the session is still open for this person; marks it seen. Cookies from before sessions existed name
    /// none, and are refused like an ended session: the person signs in once more.
    /// </summary>
    public async Task<bool> IsOpenAsync(Guid userId, Guid? sessionId, bool touch)
    {
        if (sessionId is not { } id) return false;
        await using var db = await dbFactory.CreateDbContextAsync();
        var open = db.UserSessions.Where(s => s.Id == id && s.UserId == userId && s.EndedAt == null);
        return touch ? await open.ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, Now)) == 1 : await open.AnyAsync();
    }

    /// <summary>
    /// Starts a password attempt on the account from where <paramref name="http"/> comes from, and says whether it may go
    /// on. Wrong passwords are counted per IP address: <c>Identity:MaxFailedAccessAttempts</c> from one address within
    /// <c>Identity:LockoutMinutes</c> lock that address out, so a stranger who knows the email cannot lock its owner out
    /// from elsewhere; ten times as many from all addresses together lock the account for everyone. A sign-in or a
    /// password change starts the count again.
    /// The attempt is written as a failure before it is counted, so attempts made at the same moment count each other
    /// and no more than the limit get to try a password. Settle it with <see cref="SucceededAsync"/> or
    /// <see cref="LockedOutAsync"/>; left as it is, it stays a failure.
    /// </summary>
    public async Task<(Guid Attempt, bool LockedOut)> BeginAttemptAsync(ApplicationUser user, HttpContext? http)
    {
        var (address, agent) = Client(http);
        await using var db = await dbFactory.CreateDbContextAsync();
        var attempt = Event(user.Id, user.OrganisationId, user.Email, SignInEventKind.Failed, address, agent, Now);
        db.SignInEvents.Add(attempt);
        await db.SaveChangesAsync();
        // Failures before this one reached the limit: this attempt is one past it.
        var (here, everywhere) = await FailuresAsync(db, user, address);
        return (attempt.Id, here > Limit || everywhere > Limit * AccountWideFactor);
    }

    /// <summary>
    /// Whether this address is locked out of the account now: the failures so far (an attempt's own included) have
    /// reached the limit. The attempt that reaches it is answered as a lockout, and the sign-in page then explains nothing.
    /// </summary>
    public async Task<bool> IsLockedOutAsync(ApplicationUser user, HttpContext? http)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var (here, everywhere) = await FailuresAsync(db, user, Client(http).Address);
        return here >= Limit || everywhere >= Limit * AccountWideFactor;
    }

    /// <summary>The attempt was the right password: it is no failure (the sign-in itself is recorded with its session).</summary>
    public async Task SucceededAsync(Guid attempt)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.SignInEvents.Where(e => e.Id == attempt).ExecuteDeleteAsync();
    }

    /// <summary>The attempt was refused unheard, the address being locked out: it is recorded as that, not as a guess.</summary>
    public async Task LockedOutAsync(Guid attempt)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.SignInEvents.Where(e => e.Id == attempt).ExecuteUpdateAsync(e => e.SetProperty(x => x.Kind, SignInEventKind.LockedOut));
    }

    private int Limit => identity.Value.Lockout.MaxFailedAccessAttempts;

    private async Task<(int Here, int Everywhere)> FailuresAsync(WorkTrackrDbContext db, ApplicationUser user, string? address)
    {
        var since = Now - identity.Value.Lockout.DefaultLockoutTimeSpan;
        var events = db.SignInEvents.AsNoTracking().Where(e => e.UserId == user.Id && e.At > since);
        var restart = await events.Where(e => e.Kind == SignInEventKind.SignedIn || e.Kind == SignInEventKind.PasswordChanged).MaxAsync(e => (DateTime?)e.At);
        var failures = events.Where(e => e.Kind == SignInEventKind.Failed && (restart == null || e.At > restart));
        return (await failures.CountAsync(e => e.IpAddress == address), await failures.CountAsync());
    }

    /// <summary>Records a failed attempt (a wrong password, or an address nobody signs in with) or a lockout.</summary>
    public async Task RecordAsync(SignInEventKind kind, ApplicationUser? user, string? email, HttpContext? http)
    {
        var (address, agent) = Client(http);
        await using var db = await dbFactory.CreateDbContextAsync();
        db.SignInEvents.Add(Event(user?.Id, user?.OrganisationId, Truncate(user?.Email ?? email, Data.Common.DataLimits.EmailLength), kind, address, agent, Now));
        await db.SaveChangesAsync();
    }

    /// <summary>A sign-out: the session ends with it.</summary>
    public async Task SignedOutAsync(ClaimsPrincipal principal, HttpContext? http)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return;
        var (address, agent) = Client(http);
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.OrganisationId, u.Email }).SingleOrDefaultAsync();
        if (user is null) return;
        if (SessionOf(principal) is { } sessionId)
            await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
        db.SignInEvents.Add(Event(userId, user.OrganisationId, user.Email, SignInEventKind.SignedOut, address, agent, now));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// After a password change or reset: every other session of the person ends, their calendar feed address stops
    /// working (it is a standing secret, like the password), and the change is recorded. One transaction.
    /// <paramref name="keep"/> is the session that made the change, if it stays signed in.
    /// </summary>
    public async Task PasswordChangedAsync(ApplicationUser user, Guid? keep, HttpContext? http)
    {
        var (address, agent) = Client(http);
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.UserSessions.Where(s => s.UserId == user.Id && s.EndedAt == null && s.Id != keep).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.CalendarFeedTokenHash, (string?)null));
        db.SignInEvents.Add(Event(user.Id, user.OrganisationId, user.Email, SignInEventKind.PasswordChanged, address, agent, now));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Every session of a person ends: they were deactivated, or an Admin changed their role.</summary>
    public static Task EndAllAsync(WorkTrackrDbContext db, Guid userId, DateTime now, CancellationToken cancellationToken) =>
        db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);

    /// <summary>The person's open sessions, newest first, the one of <paramref name="principal"/> marked current.</summary>
    public async Task<IReadOnlyList<SessionView>> OpenSessionsAsync(ClaimsPrincipal principal)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return [];
        var current = SessionOf(principal);
        await using var db = await dbFactory.CreateDbContextAsync();
        var seen = Now - SessionLifetime;
        var sessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null && s.LastSeenAt > seen)
            .OrderByDescending(s => s.LastSeenAt).ToListAsync();
        return sessions.Select(s => new SessionView(s.Id, s.StartedAt, s.LastSeenAt, s.IpAddress, s.UserAgent, s.Id == current)).ToList();
    }

    /// <summary>Ends one of the person's own other sessions; false when it is not theirs, is this one, or has ended.</summary>
    public async Task<bool> EndSessionAsync(ClaimsPrincipal principal, Guid sessionId, HttpContext? http)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) || SessionOf(principal) == sessionId) return false;
        var (address, agent) = Client(http);
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync();
        var ended = await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
        if (ended == 0) return false;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.OrganisationId, u.Email }).SingleAsync();
        db.SignInEvents.Add(Event(userId, user.OrganisationId, user.Email, SignInEventKind.SessionEnded, address, agent, now));
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>The person's own history, newest first.</summary>
    public async Task<IReadOnlyList<SignInEventView>> HistoryAsync(ClaimsPrincipal principal)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return [];
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.SignInEvents.AsNoTracking().Where(e => e.UserId == userId).OrderByDescending(e => e.At).Take(HistoryLength)
            .Select(e => new SignInEventView(e.At, e.Kind, e.IpAddress, e.UserAgent)).ToListAsync();
    }

    /// <summary>A line of history as people read it.</summary>
    public static string Describe(SignInEventKind kind) => kind switch
    {
        SignInEventKind.SignedIn => "Signed in",
        SignInEventKind.Failed => "Failed sign-in",
        SignInEventKind.LockedOut => "Locked out",
        SignInEventKind.SignedOut => "Signed out",
        SignInEventKind.PasswordChanged => "Password changed",
        SignInEventKind.SessionEnded => "Ended another session",
        _ => kind.ToString(),
    };

    /// <summary>A browser named the way people know it ("Firefox on Windows"), from its user agent; the raw text when unknown.</summary>
    public static string DescribeBrowser(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "Unknown browser";
        string? Has(params (string Token, string Name)[] names) => names.FirstOrDefault(n => userAgent.Contains(n.Token, StringComparison.OrdinalIgnoreCase)).Name;
        // Order matters: Edge and Opera say Chrome too, and Chrome says Safari.
        var browser = Has(("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Chromium/", "Chromium"), ("Safari/", "Safari"), ("curl/", "curl"));
        var system = Has(("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Mac OS X", "macOS"), ("Linux", "Linux"));
        return (browser, system) switch
        {
            (null, _) => userAgent.Length > 60 ? userAgent[..60] + "…" : userAgent,
            (_, null) => browser,
            _ => $"{browser} on {system}",
        };
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static SignInEvent Event(Guid? userId, Guid? organisationId, string? email, SignInEventKind kind, string? address, string? agent, DateTime at) =>
        new() { UserId = userId, OrganisationId = organisationId, Email = email, Kind = kind, At = at, IpAddress = address, UserAgent = agent };

    private static (string? Address, string? Agent) Client(HttpContext? http)
    {
        var agent = http?.Request.Headers.UserAgent.ToString();
        return (AddressOf(http?.Connection.RemoteIpAddress), Truncate(string.IsNullOrWhiteSpace(agent) ? null : agent, Data.Common.DataLimits.UserAgentLength));
    }

    /// <summary>A client's address as recorded (sign-ins, the audit log): IPv4 written as IPv4 even when it came over IPv6.</summary>
    public static string? AddressOf(System.Net.IPAddress? address) =>
        (address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address)?.ToString();

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
