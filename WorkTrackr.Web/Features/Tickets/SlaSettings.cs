using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;

namespace WorkTrackr.Web.Features.Tickets;

/// <summary>One priority's targets as the settings page edits them, in hours of elapsed time.</summary>
public sealed class SlaTargetInput
{
    public TicketPriority Priority { get; set; }
    public decimal ResponseHours { get; set; }
    public decimal ResolutionHours { get; set; }
}

/// <summary>
/// The organisation's per-priority SLA targets. New tickets take their due times from these; tickets already open keep
/// the due times they were given, so a change never makes past work breach retroactively.
/// </summary>
public sealed class SlaSettings(RecordOperations operations)
{
    /// <summary>A year: anything longer is a typing slip, not a target.</summary>
    public const decimal MaxHours = 365 * 24;

    public Task<Result<List<SlaTargetInput>>> GetAsync(CancellationToken cancellationToken = default) =>
        operations.ReadAsync(Capabilities.ManageOrganisation, async (db, cancellationToken) =>
    {
        var own = await db.SlaTargets.AsNoTracking().ToDictionaryAsync(s => s.Priority, s => (s.ResponseMinutes, s.ResolutionMinutes), cancellationToken);
        return Enum.GetValues<TicketPriority>().Reverse()
            .Select(p => ToInput(p, own.TryGetValue(p, out var t) ? t : SlaTarget.Defaults[p]))
            .ToList();
    }, cancellationToken);

    public static List<SlaTargetInput> Defaults() =>
        Enum.GetValues<TicketPriority>().Reverse().Select(p => ToInput(p, SlaTarget.Defaults[p])).ToList();

    /// <summary>Saves all four priorities in one transaction; errors are keyed by the row, <c>[2].ResponseHours</c> / <c>[2].ResolutionHours</c>.</summary>
    public async Task<Result> SaveAsync(IReadOnlyList<SlaTargetInput> targets, CancellationToken cancellationToken = default) =>
        await operations.WriteAsync(Capabilities.ManageOrganisation, async (db, cancellationToken) =>
        {
            if (Validate(targets) is { Count: > 0 } errors) return Result<bool>.From(Result.Invalid(errors));
            var own = await db.SlaTargets.ToDictionaryAsync(s => s.Priority, cancellationToken);
            foreach (var target in targets)
            {
                if (!own.TryGetValue(target.Priority, out var row))
                {
                    row = new SlaTarget { Priority = target.Priority };
                    db.SlaTargets.Add(row);
                }
                row.ResponseMinutes = Minutes(target.ResponseHours);
                row.ResolutionMinutes = Minutes(target.ResolutionHours);
            }
            return Result<bool>.Ok(true);
        }, inTransaction: true, cancellationToken);

    private static Dictionary<string, string[]> Validate(IReadOnlyList<SlaTargetInput> targets)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (target, row) in targets.Select((t, i) => (t, i)))
        {
            var key = $"[{row}].";
            if (target.ResponseHours <= 0 || target.ResponseHours > MaxHours)
                errors[key + nameof(SlaTargetInput.ResponseHours)] = [$"Between a minute and {MaxHours:0} hours."];
            if (target.ResolutionHours <= 0 || target.ResolutionHours > MaxHours)
                errors[key + nameof(SlaTargetInput.ResolutionHours)] = [$"Between a minute and {MaxHours:0} hours."];
            else if (Minutes(target.ResolutionHours) < Minutes(target.ResponseHours))
                errors[key + nameof(SlaTargetInput.ResolutionHours)] = ["Resolution cannot be due before the response."];
        }
        if (targets.Select(t => t.Priority).Distinct().Count() != targets.Count)
            errors[""] = ["Each priority may appear only once."];
        return errors;
    }

    private static int Minutes(decimal hours) => Math.Max(1, (int)Math.Round(hours * 60, MidpointRounding.AwayFromZero));

    private static SlaTargetInput ToInput(TicketPriority priority, (int ResponseMinutes, int ResolutionMinutes) target) => new()
    {
        Priority = priority,
        ResponseHours = Math.Round(target.ResponseMinutes / 60m, 2),
        ResolutionHours = Math.Round(target.ResolutionMinutes / 60m, 2),
    };
}
