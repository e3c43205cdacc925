using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Data.Resellers;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Features.Resellers;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Email;
using WorkTrackr.Web.Infrastructure.Tenancy;
using WorkTrackr.Web.Infrastructure.TimeZones;

namespace WorkTrackr.Web.Features.Platform;

public sealed record OrganisationRow(Guid Id, string Name, OrganisationPlan Plan, OrganisationStatus Status, int ActiveUsers, int OpenTickets,
    Guid? ResellerId, string? Reseller, DateTime CreatedAt, decimal MonthlyValue);

public sealed class OrganisationInput
{
    [Required(ErrorMessage = "Give the organisation a name."), StringLength(DataLimits.NameLength, ErrorMessage = DataLimits.TooLong)]
    public string Name { get; set; } = "";

    public OrganisationPlan Plan { get; set; } = OrganisationPlan.Starter;

    [Required(ErrorMessage = "Choose a currency."), RegularExpression("^[A-Z]{3}$", ErrorMessage = "Use a three-letter ISO code such as USD.")]
    public string Currency { get; set; } = "USD";

    [Required(ErrorMessage = "Choose a time zone.")]
    public string TimeZoneId { get; set; } = "UTC";
}

public sealed class ResellerInput
{
    [Required(ErrorMessage = "Give the reseller a name."), StringLength(DataLimits.NameLength, ErrorMessage = DataLimits.TooLong)]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter a contact email."), EmailAddress(ErrorMessage = "Enter an email address like name@example.com."), StringLength(DataLimits.EmailLength)]
    public string ContactEmail { get; set; } = "";

    /// <summary>0–1: 0.25 is 25 %.</summary>
    [Range(typeof(decimal), "0", "1", ErrorMessage = "Enter a rate between 0 and 1 (0.25 is 25 %).")]
    public decimal CommissionRate { get; set; } = Reseller.DefaultCommissionRate;
}

public sealed record ResellerRow(Guid Id, string Name, string ContactEmail, decimal CommissionRate, bool IsActive, int Customers);

/// <summary>
/// Platform administration: organisations (plan, status, reseller), resellers and their rates, links between them,
/// plan prices, and paying commission. Platform admins only. The named cross-organisation read for the platform
/// (docs/ARCHITECTURE.md, tenancy): it counts each organisation's active users and open tickets.
/// </summary>
public sealed class PlatformService(IDbContextFactory<WorkTrackrDbContext> dbFactory, CurrentUser currentUser, CommissionLedger ledger, TimeProvider clock,
    IServiceScopeFactory scopes, IEmailSender email)
{
    private bool Allowed => currentUser.Can(Capabilities.ManagePlatform);
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Result<IReadOnlyList<OrganisationRow>>> OrganisationsAsync(string? text = null, CancellationToken cancellationToken = default)
    {
        if (!Allowed) return Result<IReadOnlyList<OrganisationRow>>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organisations = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = LikePattern.Containing(text.Trim().ToLowerInvariant());
            organisations = organisations.Where(o => EF.Functions.Like(o.Name.ToLower(), pattern, LikePattern.Escape));
        }
        var rows = await organisations.OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Plan, o.Status, o.CreatedAt }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var seats = await CommissionLedger.SeatsAsync(db, ids, cancellationToken);
        var openTickets = await db.Tickets.IgnoreQueryFilters([WorkTrackrDbContext.TenantFilter])
            .Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
            .GroupBy(t => t.OrganisationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var resellers = await db.ResellerLinks.AsNoTracking().Where(l => l.UnlinkedOn == null)
            .Select(l => new { l.OrganisationId, l.ResellerId, l.Reseller!.Name }).ToDictionaryAsync(l => l.OrganisationId, cancellationToken);
        var prices = await db.PlanPrices.AsNoTracking().ToDictionaryAsync(p => p.Plan, cancellationToken);
        return Result<IReadOnlyList<OrganisationRow>>.Ok(rows.Select(o => new OrganisationRow(o.Id, o.Name, o.Plan, o.Status, seats.GetValueOrDefault(o.Id),
            openTickets.GetValueOrDefault(o.Id), resellers.TryGetValue(o.Id, out var r) ? r.ResellerId : null, r?.Name, o.CreatedAt,
            CommissionLedger.MonthlyValue(prices.GetValueOrDefault(o.Plan), seats.GetValueOrDefault(o.Id)))).ToList());
    }

    public async Task<Result<Organisation>> OrganisationDetailsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!Allowed) return Result<Organisation>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is { } organisation
            ? Result<Organisation>.Ok(organisation)
            : Result<Organisation>.From(Result.NotFound("The organisation"));
    }

    public async Task<Result<Guid>> CreateOrganisationAsync(OrganisationInput input, CancellationToken cancellationToken = default)
    {
        if (!Allowed) return Result<Guid>.From(Result.Forbidden());
        if (Validate(input) is { Count: > 0 } errors) return Result<Guid>.From(Result.Invalid(errors));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organisation = new Organisation { Name = input.Name.Trim(), Plan = input.Plan, Currency = input.Currency, TimeZoneId = input.TimeZoneId };
        db.Organisations.Add(organisation);
        db.OrganisationPlanChanges.Add(new OrganisationPlanChange { OrganisationId = organisation.Id, Plan = input.Plan, EffectiveFrom = Today });
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(organisation.Id);
    }

    /// <summary>Renames and re-zones an organisation, and changes its plan from today (kept in its history for commission).</summary>
    public async Task<Result> UpdateOrganisationAsync(Guid id, OrganisationInput input, CancellationToken cancellationToken = default)
    {
        if (!Allowed) return Result.Forbidden();
        if (Validate(input) is { Count: > 0 } errors) return Result.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null) return Result.NotFound("The organisation");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        (organisation.Name, organisation.Currency, organisation.TimeZoneId) = (input.Name.Trim(), input.Currency, input.TimeZoneId);
        if (organisation.Plan != input.Plan)
        {
            organisation.Plan = input.Plan;
            var today = Today;
            var sameDay = await db.OrganisationPlanChanges.SingleOrDefaultAsync(c => c.OrganisationId == id && c.EffectiveFrom == today, cancellationToken);
            if (sameDay is not null) sameDay.Plan = input.Plan;
            else db.OrganisationPlanChanges.Add(new OrganisationPlanChange { OrganisationId = id, Plan = input.Plan, EffectiveFrom = today });
        }
        return await SaveAsync(db, transaction, cancellationToken);
    }

    /// <summary>Suspends (its people cannot sign in, and open sessions end within a minute) or reactivates an organisation.</summary>
    public async Task<Result> SetStatusAsync(Guid id, OrganisationStatus status, CancellationToken cancellationToken = default)
    {
        if (!Allowed) return Result.Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Organisations.Where(o => o.Id == id).ExecuteUpdateAsync(o => o.SetProperty(x => x.Status, status), cancellationToken);
        return updated == 1 ? Result.Ok() : Result.NotFound("The organisation");
    }

    public async Task<Result<IReadOnlyList<ResellerRow>>> ResellersAsync(CancellationToken cancellationToken = default)
    {
        if (!Allowed) return Result<IReadOnlyList<ResellerRow>>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rates = await CommissionLedger.RatesOnAsync(db, Today, cancellationToken);
        var rows = await db.Resellers.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new ResellerRow(r.Id, r.Name, r.ContactEmail, r.CommissionRate, r.IsActive, r.Links.Count(l => l.UnlinkedOn == null)))
            .ToListAsync(cancellationToken);
        // The rate in force today comes from the history: a change scheduled for a later date takes over on its day.
        return Result<IReadOnlyList<ResellerRow>>.Ok(rows.Select(r => r with { CommissionRate = rates.GetValueOrDefault(r.Id, r.CommissionRate) }).ToList());
    }

    public async Task<Result<Guid>> CreateResellerAsync(ResellerInput input, CancellationToken cancellationToken = default)
    {
        if (!Allowed) return Result<Guid>.From(Result.Forbidden());
        if (InputValidation.Errors(input) is { Count: > 0 } errors) return Result<Guid>.From(Result.Invalid(errors));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reseller = new Reseller { Name = input.Name.Trim(), ContactEmail = input.ContactEmail.Trim(), CommissionRate = input.CommissionRate };
        db.Resellers.Add(reseller);
        db.ResellerRates.Add(new ResellerRate { ResellerId = reseller.Id, Rate = input.CommissionRate, EffectiveFrom = Today });
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(reseller.Id);
    }

    /// <summary>Edits a reseller; a new commission rate applies from <paramref name="rateFrom"/> (default today) and past months keep theirs.</summary>
    public async Task<Result> UpdateResellerAsync(Guid id, ResellerInput input, DateOnly? rateFrom = null, CancellationToken cancellationToken = default)
    {
        if (!Allowed) return Result.Forbidden();
        if (InputValidation.Errors(input) is { Count: > 0 } errors) return Result.Invalid(errors);
        var from = rateFrom ?? Today;
        if (from < ledger.CurrentMonth) return Result.Invalid("RateFrom", "A rate change can start this month or later: past months are closed.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reseller = await db.Resellers.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (reseller is null) return Result.NotFound("The reseller");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        (reseller.Name, reseller.ContactEmail) = (input.Name.Trim(), input.ContactEmail.Trim());
        var rates = await db.ResellerRates.Where(r => r.ResellerId == id).ToListAsync(cancellationToken);
        if (Data.Resellers.Commission.On(rates.Select(r => (r.EffectiveFrom, r.Rate)).ToList(), from) != input.CommissionRate)
        {
            if (rates.SingleOrDefault(r => r.EffectiveFrom == from) is { } sameDay) sameDay.Rate = input.CommissionRate;
            else db.ResellerRates.Add(new ResellerRate { ResellerId = id, Rate = input.CommissionRate, EffectiveFrom = from });
            if (from <= Today) reseller.CommissionRate = input.CommissionRate;
        }
        return await SaveAsync(db, transaction, cancellationToken);
    }

    /// <summary>Saves and commits; a unique index refusing the save (a second click, or someone else at the same moment) is a conflict, not an error page.</summary>
    private static async Task<Result> SaveAsync(WorkTrackrDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            return Result.Conflict();
        }
    }

    /// <summary>Links an organisation to a reseller from <paramref name="on"/> (default today), ending any link it had the same day.</summary>
    public async Task<Result> LinkAsync(Guid organisationId, Guid resellerId, DateOnly? on = null, CancellationToken cancellationToken = default)
    {
        if (!Allowed) return Result.Forbidden();
        var day = on ?? Today;
        if (LinkDateProblem(day) is { } problem) return problem;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken)) return Result.NotFound("The organisation");
        if (!await db.Resellers.AnyAsync(r => r.Id == resellerId && r.IsActive, cancellationToken)) return Result.NotFound("The reseller");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var open = await db.ResellerLinks.SingleOrDefaultAsync(l => l.OrganisationId == organisationId && l.UnlinkedOn == null, cancellationToken);
        if (open is { } current)
        {
            if (current.ResellerId == resellerId) return Result.Ok();
            if (day < current.LinkedOn) return Result.Invalid("", "The new link cannot start before the current one did.");
            current.UnlinkedOn = day;
            await db.SaveChangesAsync(cancellationToken); // closes it before the new open link, which the unique index allows one of
        }
        // Two resellers never earn on the same day: an earlier link that ended after this day overlaps.
        if (await db.ResellerLinks.AnyAsync(l => l.OrganisationId == organisationId && l.UnlinkedOn > day && (open == null || l.Id != open.Id), cancellationToken))
            return Result.Invalid("", "Another reseller's link covers part of that time. Link from the day it ended, or later.");
        db.ResellerLinks.Add(new ResellerLink { ResellerId = resellerId, OrganisationId = organisationId, LinkedOn = day, CreatedAt = clock.GetUtcNow().UtcDateTime });
        return await SaveAsync(db, transaction, cancellationToken);
    }

    /// <summary>Ends the organisation's link from <paramref name="on"/> (default today); the history stays for past commission.</summary>
    public async Task<Result> UnlinkAsync(Guid organisationId, DateOnly? on = null, CancellationToken cancellationToken = default)
    {
        if (!Allowed) return Result.Forbidden();
        var day = on ?? Today;
        if (LinkDateProblem(day) is { } problem) return problem;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.ResellerLinks.SingleOrDefaultAsync(l => l.OrganisationId == organisationId && l.UnlinkedOn == null, cancellationToken);
        if (open is null) return Result.NotFound("A reseller link for this organisation");
        if (day < open.LinkedOn) return Result.Invalid("", "A link cannot end before it began.");
        open.UnlinkedOn = day;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    /// <summary>
    /// Adds a person to a reseller and emails them a link to set their password (the password reset flow, which also
    /// confirms the address). <paramref name="publicBase"/> is the address people reach the app at.
    /// </summary>
    public async Task<Result> InviteResellerUserAsync(Guid resellerId, string emailAddress, string displayName, Uri publicBase, CancellationToken cancellationToken = default)
    {
        if (!Allowed) return Result.Forbidden();
        var errors = new Dictionary<string, string[]>();
        var address = emailAddress?.Trim() ?? "";
        if (!new EmailAddressAttribute().IsValid(address) || address.Length is 0 or > DataLimits.EmailLength) errors["Email"] = ["Enter an email address like name@example.com."];
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > DataLimits.NameLength) errors["DisplayName"] = ["Enter the person's name."];
        if (errors.Count > 0) return Result.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reseller = await db.Resellers.AsNoTracking().SingleOrDefaultAsync(r => r.Id == resellerId, cancellationToken);
        if (reseller is null) return Result.NotFound("The reseller");
        // Identity saves through its scope's one context: over a circuit, that would be every call's (see UsersScope).
        await using var identity = UsersScope();
        var users = identity.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(address) is not null) return Result.Invalid("Email", "Someone already signs in with this address.");

        var user = new ApplicationUser { UserName = address, Email = address, DisplayName = displayName.Trim(), ResellerId = resellerId };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return Result.Invalid("Email", string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Reseller);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = $"{new Uri(publicBase, "Account/ResetPassword").AbsoluteUri}?code={Uri.EscapeDataString(code)}";
        await email.SendAsync(address, $"You are invited to WorkTrackr for {reseller.Name}",
            $"<p>Hello {WebUtility.HtmlEncode(user.DisplayName)},</p><p>You can now see {WebUtility.HtmlEncode(reseller.Name)}'s customers and commission in WorkTrackr. " +
            $"<a href=\"{WebUtility.HtmlEncode(link)}\">Set your password</a> (with this email address) to sign in.</p>", cancellationToken);
        return Result.Ok();
    }

    public async Task<Result<IReadOnlyList<PlanPrice>>> PlanPricesAsync(CancellationToken cancellationToken = default)
    {
        if (!Allowed) return Result<IReadOnlyList<PlanPrice>>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Result<IReadOnlyList<PlanPrice>>.Ok(await db.PlanPrices.AsNoTracking().OrderBy(p => p.Plan).ToListAsync(cancellationToken));
    }

    public async Task<Result> SetPlanPriceAsync(OrganisationPlan plan, decimal basePrice, decimal pricePerSeat, CancellationToken cancellationToken = default)
    {
        if (!Allowed) return Result.Forbidden();
        var errors = new Dictionary<string, string[]>();
        if (basePrice is < 0 or > 1_000_000) errors["BasePrice"] = ["Enter a price from 0 to 1,000,000."];
        if (pricePerSeat is < 0 or > 1_000_000) errors["PricePerSeat"] = ["Enter a price from 0 to 1,000,000."];
        if (errors.Count > 0) return Result.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.PlanPrices.Where(p => p.Plan == plan).ExecuteUpdateAsync(p => p
            .SetProperty(x => x.BasePrice, Money.Round(basePrice)).SetProperty(x => x.PricePerSeat, Money.Round(pricePerSeat))
            .SetProperty(x => x.UpdatedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
        return updated == 1 ? Result.Ok() : Result.NotFound("The plan");
    }

    /// <summary>Marks a closed month's commission paid for a reseller.</summary>
    public async Task<Result> MarkCommissionPaidAsync(Guid resellerId, DateOnly month, DateOnly? paidOn = null, CancellationToken cancellationToken = default)
    {
        if (!Allowed) return Result.Forbidden();
        if (Data.Resellers.Commission.MonthOf(month) >= ledger.CurrentMonth) return Result.Invalid("", "Only a month that has ended can be paid.");
        return await ledger.MarkPaidAsync(resellerId, month, paidOn ?? Today, cancellationToken)
            ? Result.Ok()
            : Result.Invalid("", "Nothing is waiting to be paid for that month.");
    }

    /// <summary>
    /// A scope of its own for Identity's UserManager, whose stores save through the scope's one context. This service
    /// lives as long as the circuit that uses it, so its own scope's context would be shared by every call of the
    /// circuit, two overlapping ones too, and would keep what it had tracked. The new scope sees the same person, as a
    /// job's scope sees the organisation it works for. Dispose it when the operation ends.
    /// </summary>
    private AsyncServiceScope UsersScope()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(currentUser.Principal);
        return scope;
    }

    /// <summary>Links change from this month (earlier months are closed and paid from what they were) up to today (a later start would show the organisation to its reseller early).</summary>
    private Result? LinkDateProblem(DateOnly day) =>
        day < ledger.CurrentMonth ? Result.Invalid("", "Past months are closed: choose a day in this month.")
        : day > Today ? Result.Invalid("", "Choose today or a day earlier this month: a link cannot start in the future.")
        : null;

    private static Dictionary<string, string[]> Validate(OrganisationInput input)
    {
        var errors = InputValidation.Errors(input);
        if (!TimeZones.IsValid(input.TimeZoneId)) errors[nameof(OrganisationInput.TimeZoneId)] = ["Choose a time zone from the list."];
        if (!Enum.IsDefined(input.Plan)) errors[nameof(OrganisationInput.Plan)] = ["Choose a plan."];
        return errors;
    }
}
