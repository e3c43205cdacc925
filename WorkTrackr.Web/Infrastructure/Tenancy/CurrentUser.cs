using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using WorkTrackr.Data.Common;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Identity;

namespace WorkTrackr.Web.Infrastructure.Tenancy;

/// <summary>
/// The signed-in person of this scope (an HTTP request or a circuit), and so the tenant its data contexts see.
/// Set by <see cref="CurrentUserMiddleware"/> for requests and by <see cref="CurrentUserCircuitHandler"/> for circuits,
/// because interactive components must not read <c>HttpContext</c>.
/// </summary>
public sealed class CurrentUser : ITenantContext
{
    private ClaimsPrincipal principal = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal => principal;
    public bool IsAuthenticated => principal.Identity?.IsAuthenticated == true;
    public Guid? UserId => ParseGuid(ClaimTypes.NameIdentifier);
    public Guid? OrganisationId => ParseGuid(WorkTrackrClaims.OrganisationId);
    public Guid? ResellerId => ParseGuid(WorkTrackrClaims.ResellerId);
    public string? OrganisationName => principal.FindFirstValue(WorkTrackrClaims.OrganisationName);
    public string DisplayName => principal.FindFirstValue(WorkTrackrClaims.DisplayName) ?? principal.Identity?.Name ?? "";
    public string TimeZoneId => principal.FindFirstValue(WorkTrackrClaims.TimeZone) ?? "UTC";

    /// <summary>The client's address (after the trusted proxies' forwarded headers), for the audit log.</summary>
    public string? IpAddress { get; private set; }

    public void Set(ClaimsPrincipal user) => principal = user;

    public void SetAddress(System.Net.IPAddress? address) => IpAddress = AccountSecurity.AddressOf(address);

    public bool IsInRole(string role) => principal.IsInRole(role);

    /// <summary>Whether this user holds a capability, by the same map the authorization policies use.</summary>
    public bool Can(string capability) =>
        IsAuthenticated && Capabilities.RolesByCapability.TryGetValue(capability, out var roles) && roles.Any(principal.IsInRole);

    private Guid? ParseGuid(string claimType) =>
        Guid.TryParse(principal.FindFirstValue(claimType), out var id) ? id : null;
}

public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        currentUser.Set(context.User);
        currentUser.SetAddress(context.Connection.RemoteIpAddress);
        return next(context);
    }
}

/// <summary>
/// Keeps <see cref="CurrentUser"/> in step with the circuit's authentication state
/// (https://learn.microsoft.com/aspnet/core/blazor/security/additional-scenarios#circuit-handler-to-capture-users-for-custom-services).
/// </summary>
public sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authenticationStateProvider, CurrentUser currentUser,
        IHttpContextAccessor httpContextAccessor)
    : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // The circuit's connection request is the one HttpContext a circuit has, and only while it opens.
        currentUser.SetAddress(httpContextAccessor.HttpContext?.Connection.RemoteIpAddress);
        authenticationStateProvider.AuthenticationStateChanged += OnAuthenticationChanged;
        return base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) => async context =>
    {
        // Every inbound event runs after the circuit's state is known, so set the user before any component code.
        currentUser.Set((await authenticationStateProvider.GetAuthenticationStateAsync()).User);
        await next(context);
    };

    private void OnAuthenticationChanged(Task<AuthenticationState> task) => _ = UpdateAsync(task);

    private async Task UpdateAsync(Task<AuthenticationState> task)
    {
        try
        {
            currentUser.Set((await task).User);
        }
        catch (Exception)
        {
            currentUser.Set(new ClaimsPrincipal(new ClaimsIdentity()));
        }
    }

    public void Dispose() => authenticationStateProvider.AuthenticationStateChanged -= OnAuthenticationChanged;
}
