using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WorkTrackr.Data.Auditing;
using WorkTrackr.Data.Notifications;
using WorkTrackr.Web.Infrastructure.Identity;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Tests.TestData;

/// <summary>An organisation with a user per organisation role and one row of every organisation-owned type.</summary>
public sealed record TestOrganisation(Guid Id, string Name, IReadOnlyDictionary<string, ApplicationUser> Users, IReadOnlyDictionary<Type, Guid> RowIds);

public static class TestOrganisations
{
    public const string Password = "Test!Pass123";

    /// <summary>A valid PNG of one pixel: a logo that draws.</summary>
    public static readonly byte[] OnePixelPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static async Task<TestOrganisation> CreateAsync(WorkTrackrFactory factory, string name, OrganisationStatus status = OrganisationStatus.Active)
    {
        var organisation = new Organisation { Name = name, Status = status, TimeZoneId = "Europe/London", Currency = "GBP" };
        await using (var db = factory.CreateDbContext(null))
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }

        var users = new Dictionary<string, ApplicationUser>();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var slug = Guid.NewGuid().ToString("N")[..8];
            foreach (var role in Roles.Organisation)
            {
                var user = new ApplicationUser
                {
                    UserName = $"{role.ToLowerInvariant()}-{slug}@example.test",
                    Email = $"{role.ToLowerInvariant()}-{slug}@example.test",
                    DisplayName = $"{name} {role}",
                    OrganisationId = organisation.Id,
                };
                Check(await userManager.CreateAsync(user, Password));
                Check(await userManager.AddToRoleAsync(user, role));
                users[role] = user;
            }
        }

        var technician = users[Roles.Technician];
        await using var data = factory.CreateDbContext(organisation.Id);
        var contact = Build.Contact($"{name} customer");
        var product = Build.Product($"{name} support plan", price: 25, cost: 10);
        var template = new TicketTemplate { Name = $"{name} template" };
        var ticket = new Ticket { Number = Ticket.FormatNumber(1), Title = $"{name} ticket", Contact = contact, Template = template, AssignedUserId = technician.Id };
        var crmEvent = Build.CrmEvent($"{name} call", contact.Id, DateTime.UtcNow, minutes: 60);
        var service = Build.Service(contact.Id, product.Id, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)));
        var line = Build.Line("Support", quantity: 1, unitPrice: 25);
        var invoice = Build.Invoice(contact, DateOnly.FromDateTime(DateTime.UtcNow), InvoiceStatus.Draft, Invoice.FormatNumber(2026, 1), line);
        var document = new InvoiceDocument { Invoice = invoice, NextAttemptAt = DateTime.UtcNow };
        var reminder = new RenewalReminder { CustomerServiceId = service.Id, RenewalDate = service.RenewalDate!.Value, DaysBefore = 14, CreatedAt = DateTime.UtcNow };
        var notification = new Notification { UserId = technician.Id, Title = $"{name} notice", CreatedAt = DateTime.UtcNow };
        var audit = new AuditEntry { EntityType = nameof(Ticket), EntityId = ticket.Id.ToString(), At = DateTime.UtcNow, Action = AuditAction.Created };
        var activity = new TicketActivity { TicketId = ticket.Id, At = DateTime.UtcNow, Kind = TicketActivityKind.Created, Text = "Created" };
        var sla = new SlaTarget { Priority = TicketPriority.Urgent, ResponseMinutes = 30, ResolutionMinutes = 120 };
        var sequence = new NumberSequence { Name = NumberSequence.Tickets, LastValue = 1 };
        var invitation = new TeamInvitation
        {
            Email = $"invitee-{Guid.NewGuid():N}@example.test", Role = Roles.Technician, TokenHash = Guid.NewGuid().ToString("N"),
            SentAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow + TeamInvitation.ValidFor,
        };
        var logo = new OrganisationLogo { Name = "logo.png", ContentType = OrganisationLogo.Png, Content = OnePixelPng };
        data.AddRange(contact, product, template, ticket, crmEvent, service, invoice, document, reminder, notification, audit, activity, sla, sequence, invitation, logo);
        await data.SaveChangesAsync();

        return new TestOrganisation(organisation.Id, name, users, new Dictionary<Type, Guid>
        {
            [typeof(Contact)] = contact.Id,
            [typeof(Product)] = product.Id,
            [typeof(TicketTemplate)] = template.Id,
            [typeof(Ticket)] = ticket.Id,
            [typeof(CrmEvent)] = crmEvent.Id,
            [typeof(CustomerService)] = service.Id,
            [typeof(Invoice)] = invoice.Id,
            [typeof(InvoiceLine)] = line.Id,
            [typeof(InvoiceDocument)] = document.Id,
            [typeof(RenewalReminder)] = reminder.Id,
            [typeof(Notification)] = notification.Id,
            [typeof(AuditEntry)] = audit.Id,
            [typeof(TicketActivity)] = activity.Id,
            [typeof(SlaTarget)] = sla.Id,
            [typeof(NumberSequence)] = sequence.Id,
            [typeof(TeamInvitation)] = invitation.Id,
            [typeof(OrganisationLogo)] = logo.Id,
        });
    }

    /// <summary>A scope whose current user is <paramref name="user"/>, with the claims a real sign-in gives.</summary>
    public static async Task<AsyncServiceScope> SignedInScopeAsync(this WorkTrackrFactory factory, ApplicationUser user)
    {
        var scope = factory.Services.CreateAsyncScope();
        var claimsFactory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(await claimsFactory.CreateAsync(user));
        return scope;
    }

    /// <summary>
    /// An HTTP client signed in as <paramref name="user"/>: it carries the Identity cookie a sign-in would write (the same
    /// claims, protected by the app's own cookie options), and does not follow redirects.
    /// </summary>
    public static async Task<HttpClient> SignedInClientAsync(this WorkTrackrFactory factory, ApplicationUser user)
    {
        var principal = await factory.SignedInPrincipalAsync(user);
        var cookie = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + cookie.ExpireTimeSpan },
            IdentityConstants.ApplicationScheme);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", $"{cookie.Cookie.Name}={cookie.TicketDataFormat.Protect(ticket)}");
        return client;
    }

    /// <summary>
    /// What a sign-in puts in the cookie: the user's claims and a new session (AccountSecurity), as
    /// WorkTrackrSignInManager makes them.
    /// </summary>
    public static async Task<ClaimsPrincipal> SignedInPrincipalAsync(this WorkTrackrFactory factory, ApplicationUser user)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        var session = await scope.ServiceProvider.GetRequiredService<AccountSecurity>().StartSessionAsync(user, http: null);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(WorkTrackrClaims.SessionId, session.ToString()));
        return principal;
    }

    /// <summary>A password sign-in as the sign-in page makes it, from <paramref name="address"/> and, when given, a browser.</summary>
    public static async Task<SignInResult> PasswordSignInAsync(this WorkTrackrFactory factory, string email, string password, string address, string? userAgent = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);
        if (userAgent is not null) http.Request.Headers.UserAgent = userAgent;
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext = http;
        return await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().PasswordSignInAsync(email, password, isPersistent: false, lockoutOnFailure: true);
    }

    /// <summary>A new Platform admin, of no organisation.</summary>
    public static async Task<ApplicationUser> PlatformAdminAsync(this WorkTrackrFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"platform-{Guid.NewGuid():N}@example.test";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "Pat Auditor" };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, Roles.PlatformAdmin));
        return user;
    }

    /// <summary>A user by email, such as a demo login.</summary>
    public static async Task<ApplicationUser> FindUserAsync(this WorkTrackrFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
    }

    /// <summary>Calls one service as <paramref name="user"/>, in a scope of its own, as a request or circuit would.</summary>
    public static async Task<T> RunAsAsync<TService, T>(this WorkTrackrFactory factory, ApplicationUser user, Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = await factory.SignedInScopeAsync(user);
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Calls the invoice services as <paramref name="user"/>, in a scope of their own, as the invoice page would.</summary>
    public static Task<T> RunAsAsync<T>(this WorkTrackrFactory factory, ApplicationUser user, Func<InvoiceApi, Task<T>> action) =>
        factory.RunAsAsync(user, (IServiceProvider services) => action(new InvoiceApi(services)));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
