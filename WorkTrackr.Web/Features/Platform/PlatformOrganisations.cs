using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Features.Resellers;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.TimeZones;

namespace WorkTrackr.Web.Features.Platform;

/// <summary>
/// The Platform admin's organisations: the list, creating and editing them (a plan change is kept in their history for
/// commission), suspending them, and the plans' prices. Platform admins only. The named cross-organisation read for the
/// platform (docs/ARCHITECTURE.md, tenancy): it counts each organisation's active users and open tickets.
/// </summary>
public sealed class PlatformOrganisations(RecordOperations operations, TimeProvider clock)
{
    private const string What = "The organisation";
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<Result<IReadOnlyList<OrganisationRow>>> ListAsync(string? text = null, CancellationToken cancellationToken = default) =>
        operations.ReadAsync<IReadOnlyList<OrganisationRow>>(Capabilities.ManagePlatform, async (db, cancellationToken) =>
        {
            var organisations = db.Organisations.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(text))
            {
                var pattern = LikePattern.Containing(text.Trim().ToLowerInvariant());
#pragma warning disable CA1304, CA1311 // EF Core turns ToLower() into SQL lower(); these rules are about .NET string code (see dotnet/efcore#21758).
                organisations = organisations.Where(o => EF.Functions.Like(o.Name.ToLower(), pattern, LikePattern.Escape));
#pragma warning restore CA1304, CA1311
            }
            var rows = await organisations.OrderBy(o => o.Name)
                .Select(o => new { o.Id, o.Name, o.Plan, o.Status, o.CreatedAt }).ToListAsync(cancellationToken);
            var seats = await CommissionLedger.SeatsAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken);
            // Across organisations on purpose: the tenant filter is set aside by name, and only counts come back.
            var openTickets = await db.Tickets.IgnoreQueryFilters([WorkTrackrDbContext.TenantFilter])
                .Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
                .GroupBy(t => t.OrganisationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var resellers = await db.ResellerLinks.AsNoTracking().Where(l => l.UnlinkedOn == null)
                .Select(l => new { l.OrganisationId, l.ResellerId, l.Reseller!.Name }).ToDictionaryAsync(l => l.OrganisationId, cancellationToken);
            var prices = await db.PlanPrices.AsNoTracking().ToDictionaryAsync(p => p.Plan, cancellationToken);
            return rows.Select(o => new OrganisationRow(o.Id, o.Name, o.Plan, o.Status, seats.GetValueOrDefault(o.Id),
                openTickets.GetValueOrDefault(o.Id), resellers.TryGetValue(o.Id, out var r) ? r.ResellerId : null, r?.Name, o.CreatedAt,
                CommissionLedger.MonthlyValue(prices.GetValueOrDefault(o.Plan), seats.GetValueOrDefault(o.Id)))).ToList();
        }, cancellationToken);

    public Task<Result<Organisation>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        operations.GetAsync<Organisation, Organisation>(new Find<Organisation>(Capabilities.ManagePlatform, id) { What = What }, organisation => organisation,
            cancellationToken);

    public Task<Result<Guid>> CreateAsync(OrganisationInput input, CancellationToken cancellationToken = default) =>
        operations.CreateAsync(new Create<Organisation>(Capabilities.ManagePlatform)
        {
            Input = input,
            Validate = (_, _) => Validate(input),
            Make = (db, _) =>
            {
                var organisation = new Organisation { Name = input.Name.Trim(), Plan = input.Plan, Currency = input.Currency, TimeZoneId = input.TimeZoneId };
                db.OrganisationPlanChanges.Add(new OrganisationPlanChange { OrganisationId = organisation.Id, Plan = input.Plan, EffectiveFrom = Today });
                return Task.FromResult(organisation);
            },
        }, organisation => organisation.Id, cancellationToken);

    /// <summary>
    /// Renames and re-zones an organisation, and changes its plan from today (kept in its history for commission). A unique
    /// index keeps one plan change a day: a second save at the same moment comes back as a conflict, not an error page.
    /// </summary>
    public Task<Result> UpdateAsync(Guid id, OrganisationInput input, CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<Organisation>(Capabilities.ManagePlatform, id)
        {
            What = What,
            Input = input,
            Validate = async op =>
            {
                var errors = new Dictionary<string, string[]>(await Validate(input));
                // Every amount the organisation holds is in its currency: once it has invoices, the currency stays. Its
                // invoices are organisation-owned; this is the Platform admin's one look at them (whether there are any).
                if (input.Currency != op.Row.Currency && await op.Db.Invoices.IgnoreQueryFilters([WorkTrackrDbContext.TenantFilter]).AnyAsync(i => i.OrganisationId == id, op.CancellationToken))
                    errors[nameof(OrganisationInput.Currency)] = [$"The currency stays {op.Row.Currency}: the organisation has invoices in it."];
                return errors;
            },
            InTransaction = true,
            Apply = async op =>
            {
                var (db, organisation, ct) = op;
                (organisation.Name, organisation.Currency, organisation.TimeZoneId) = (input.Name.Trim(), input.Currency, input.TimeZoneId);
                if (organisation.Plan == input.Plan) return;
                organisation.Plan = input.Plan;
                var today = Today;
                var sameDay = await db.OrganisationPlanChanges.SingleOrDefaultAsync(c => c.OrganisationId == id && c.EffectiveFrom == today, ct);
                if (sameDay is not null) sameDay.Plan = input.Plan;
                else db.OrganisationPlanChanges.Add(new OrganisationPlanChange { OrganisationId = id, Plan = input.Plan, EffectiveFrom = today });
            },
        }, cancellationToken);

    /// <summary>Suspends (its people cannot sign in, and open sessions end within a minute) or reactivates an organisation.</summary>
    public async Task<Result> SetStatusAsync(Guid id, OrganisationStatus status, CancellationToken cancellationToken = default) =>
        await operations.WriteAsync(Capabilities.ManagePlatform, async (db, cancellationToken) =>
        {
            // Loaded and saved, not updated in bulk, so the audit logs (the organisation's and the platform's) record it.
            if (await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } organisation)
                return Result<bool>.From(Result.NotFound(What));
            organisation.Status = status;
            return Result<bool>.Ok(true);
        }, cancellationToken: cancellationToken);

    public Task<Result<IReadOnlyList<PlanPrice>>> PlanPricesAsync(CancellationToken cancellationToken = default) =>
        operations.ReadAsync<IReadOnlyList<PlanPrice>>(Capabilities.ManagePlatform, async (db, cancellationToken) =>
            await db.PlanPrices.AsNoTracking().OrderBy(p => p.Plan).ToListAsync(cancellationToken), cancellationToken);

    public async Task<Result> SetPlanPriceAsync(OrganisationPlan plan, decimal basePrice, decimal pricePerSeat, CancellationToken cancellationToken = default) =>
        await operations.WriteAsync(Capabilities.ManagePlatform, async (db, cancellationToken) =>
        {
            var errors = await Steps.Check(
                (basePrice is < 0 or > 1_000_000, "BasePrice", "Enter a price from 0 to 1,000,000."),
                (pricePerSeat is < 0 or > 1_000_000, "PricePerSeat", "Enter a price from 0 to 1,000,000."));
            if (errors.Count > 0) return Result<bool>.From(Result.Invalid(errors));
            if (await db.PlanPrices.SingleOrDefaultAsync(p => p.Plan == plan, cancellationToken) is not { } price)
                return Result<bool>.From(Result.NotFound("The plan"));
            (price.BasePrice, price.PricePerSeat, price.UpdatedAt) = (Money.Round(basePrice), Money.Round(pricePerSeat), clock.GetUtcNow().UtcDateTime);
            return Result<bool>.Ok(true);
        }, cancellationToken: cancellationToken);

    /// <summary>What the data annotations cannot check: a time zone and a plan that exist.</summary>
    private static Task<IReadOnlyDictionary<string, string[]>> Validate(OrganisationInput input) => Steps.Check(
        (!TimeZones.IsValid(input.TimeZoneId), nameof(OrganisationInput.TimeZoneId), "Choose a time zone from the list."),
        (!Enum.IsDefined(input.Plan), nameof(OrganisationInput.Plan), "Choose a plan."));
}
