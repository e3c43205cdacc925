using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data.Resellers;
using WorkTrackr.Web.Features.Resellers;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;

namespace WorkTrackr.Web.Features.Platform;

/// <summary>
/// The Platform admin's resellers: their rates (a history: past months keep theirs), the links between organisations and
/// resellers, and paying a closed month's commission. Platform admins only. Days are platform days, UTC days.
/// </summary>
public sealed class PlatformResellers(RecordOperations operations, CommissionLedger ledger, TimeProvider clock)
{
    private const string What = "The reseller";
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<Result<IReadOnlyList<ResellerRow>>> ListAsync(CancellationToken cancellationToken = default) =>
        operations.ReadAsync<IReadOnlyList<ResellerRow>>(Capabilities.ManagePlatform, async (db, cancellationToken) =>
        {
            var rates = await CommissionLedger.RatesOnAsync(db, Today, cancellationToken);
            var rows = await db.Resellers.AsNoTracking().OrderBy(r => r.Name)
                .Select(r => new ResellerRow(r.Id, r.Name, r.ContactEmail, r.CommissionRate, r.IsActive, r.Links.Count(l => l.UnlinkedOn == null)))
                .ToListAsync(cancellationToken);
            // The rate in force today comes from the history: a change scheduled for a later date takes over on its day.
            return rows.Select(r => r with { CommissionRate = rates.GetValueOrDefault(r.Id, r.CommissionRate) }).ToList();
        }, cancellationToken);

    public Task<Result<Guid>> CreateAsync(ResellerInput input, CancellationToken cancellationToken = default) =>
        operations.CreateAsync(new Create<Reseller>(Capabilities.ManagePlatform)
        {
            Input = input,
            Make = (db, _) =>
            {
                var reseller = new Reseller { Name = input.Name.Trim(), ContactEmail = input.ContactEmail.Trim(), CommissionRate = input.CommissionRate };
                db.ResellerRates.Add(new ResellerRate { ResellerId = reseller.Id, Rate = input.CommissionRate, EffectiveFrom = Today });
                return Task.FromResult(reseller);
            },
        }, reseller => reseller.Id, cancellationToken);

    /// <summary>
    /// Edits a reseller; a new commission rate applies from <paramref name="rateFrom"/> (default today) and past months keep
    /// theirs. A unique index keeps one rate a day: a second save at the same moment comes back as a conflict.
    /// </summary>
    public Task<Result> UpdateAsync(Guid id, ResellerInput input, DateOnly? rateFrom = null, CancellationToken cancellationToken = default)
    {
        var from = rateFrom ?? Today;
        return operations.ChangeAsync(new Change<Reseller>(Capabilities.ManagePlatform, id)
        {
            What = What,
            Input = input,
            Validate = _ => Steps.Check((from < ledger.CurrentMonth, "RateFrom", "A rate change can start this month or later: past months are closed.")),
            InTransaction = true,
            Apply = async op =>
            {
                var (db, reseller, ct) = op;
                (reseller.Name, reseller.ContactEmail) = (input.Name.Trim(), input.ContactEmail.Trim());
                var rates = await db.ResellerRates.Where(r => r.ResellerId == id).ToListAsync(ct);
                if (Commission.On(rates.Select(r => (r.EffectiveFrom, r.Rate)).ToList(), from) == input.CommissionRate) return;
                if (rates.SingleOrDefault(r => r.EffectiveFrom == from) is { } sameDay) sameDay.Rate = input.CommissionRate;
                else db.ResellerRates.Add(new ResellerRate { ResellerId = id, Rate = input.CommissionRate, EffectiveFrom = from });
                if (from <= Today) reseller.CommissionRate = input.CommissionRate;
            },
        }, cancellationToken);
    }

    /// <summary>
    /// Links an organisation to a reseller from <paramref name="on"/> (default today), ending any link it had the same day.
    /// A second click, or someone else linking at the same moment, meets the unique open link: a conflict.
    /// </summary>
    public async Task<Result> LinkAsync(Guid organisationId, Guid resellerId, DateOnly? on = null, CancellationToken cancellationToken = default)
    {
        var day = on ?? Today;
        return await operations.WriteAsync(Capabilities.ManagePlatform, async (db, cancellationToken) =>
        {
            if (LinkDateProblem(day) is { } problem) return Result<bool>.From(problem);
            if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken)) return Result<bool>.From(Result.NotFound("The organisation"));
            if (!await db.Resellers.AnyAsync(r => r.Id == resellerId && r.IsActive, cancellationToken)) return Result<bool>.From(Result.NotFound(What));
            var open = await db.ResellerLinks.SingleOrDefaultAsync(l => l.OrganisationId == organisationId && l.UnlinkedOn == null, cancellationToken);
            if (open is { } current)
            {
                if (current.ResellerId == resellerId) return Result<bool>.Ok(true);
                if (day < current.LinkedOn) return Result<bool>.From(Result.Invalid("", "The new link cannot start before the current one did."));
                current.UnlinkedOn = day;
                await db.SaveChangesAsync(cancellationToken); // closes it before the new open link, which the unique index allows one of
            }
            // Two resellers never earn on the same day: an earlier link that ended after this day overlaps.
            if (await db.ResellerLinks.AnyAsync(l => l.OrganisationId == organisationId && l.UnlinkedOn > day && (open == null || l.Id != open.Id), cancellationToken))
                return Result<bool>.From(Result.Invalid("", "Another reseller's link covers part of that time. Link from the day it ended, or later."));
            db.ResellerLinks.Add(new ResellerLink { ResellerId = resellerId, OrganisationId = organisationId, LinkedOn = day, CreatedAt = clock.GetUtcNow().UtcDateTime });
            return Result<bool>.Ok(true);
        }, inTransaction: true, cancellationToken);
    }

    /// <summary>Ends the organisation's link from <paramref name="on"/> (default today); the history stays for past commission.</summary>
    public async Task<Result> UnlinkAsync(Guid organisationId, DateOnly? on = null, CancellationToken cancellationToken = default)
    {
        var day = on ?? Today;
        return await operations.WriteAsync(Capabilities.ManagePlatform, async (db, cancellationToken) =>
        {
            if (LinkDateProblem(day) is { } problem) return Result<bool>.From(problem);
            var open = await db.ResellerLinks.SingleOrDefaultAsync(l => l.OrganisationId == organisationId && l.UnlinkedOn == null, cancellationToken);
            if (open is null) return Result<bool>.From(Result.NotFound("A reseller link for this organisation"));
            if (day < open.LinkedOn) return Result<bool>.From(Result.Invalid("", "A link cannot end before it began."));
            open.UnlinkedOn = day;
            return Result<bool>.Ok(true);
        }, cancellationToken: cancellationToken);
    }

    /// <summary>Marks a closed month's commission paid for a reseller.</summary>
    public async Task<Result> MarkCommissionPaidAsync(Guid resellerId, DateOnly month, DateOnly? paidOn = null, CancellationToken cancellationToken = default) =>
        await operations.WriteAsync(Capabilities.ManagePlatform, async (db, cancellationToken) =>
            Commission.MonthOf(month) >= ledger.CurrentMonth ? Result<bool>.From(Result.Invalid("", "Only a month that has ended can be paid."))
            : await ledger.MarkPaidAsync(db, resellerId, month, paidOn ?? Today, cancellationToken) ? Result<bool>.Ok(true)
            : Result<bool>.From(Result.Invalid("", "Nothing is waiting to be paid for that month.")), cancellationToken: cancellationToken);

    /// <summary>Links change from this month (earlier months are closed and paid from what they were) up to today (a later start would show the organisation to its reseller early).</summary>
    private Result? LinkDateProblem(DateOnly day) =>
        day < ledger.CurrentMonth ? Result.Invalid("", "Past months are closed: choose a day in this month.")
        : day > Today ? Result.Invalid("", "Choose today or a day earlier this month: a link cannot start in the future.")
        : null;
}
