using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Web.Features.Common;

/// <summary>Hands out the next number of an organisation's series (tickets, invoices), without gaps or repeats.</summary>
public static class Numbering
{
    /// <summary>
    /// Makes sure the series exists, starting after <paramref name="highestInUse"/> (numbers given before the series
    /// existed, such as demo data). Runs in its own transaction: when two requests race to create it, one insert loses
    /// on the unique index and simply uses the other's row.
    /// </summary>
    public static async Task EnsureAsync(IDbContextFactory<WorkTrackrDbContext> dbFactory, string series,
        Func<WorkTrackrDbContext, Task<int>> highestInUse, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.NumberSequences.AnyAsync(s => s.Name == series, cancellationToken)) return;
        db.NumberSequences.Add(new NumberSequence { Name = series, LastValue = await highestInUse(db) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await SeriesExistsAsync(dbFactory, series, cancellationToken)) throw;
        }
    }

    /// <summary>
    /// The next number, taken inside the caller's transaction: the UPDATE locks the series row until that transaction
    /// ends, so concurrent creations queue and a rolled-back creation gives its number back.
    /// </summary>
    public static async Task<int> NextAsync(WorkTrackrDbContext db, string series, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Numbers are taken inside the transaction that saves the numbered row.");
        var updated = await db.NumberSequences.Where(s => s.Name == series)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastValue, x => x.LastValue + 1), cancellationToken);
        if (updated != 1) throw new InvalidOperationException($"The {series} series does not exist; call EnsureAsync first.");
        return await db.NumberSequences.Where(s => s.Name == series).Select(s => s.LastValue).SingleAsync(cancellationToken);
    }

    private static async Task<bool> SeriesExistsAsync(IDbContextFactory<WorkTrackrDbContext> dbFactory, string series, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.NumberSequences.AnyAsync(s => s.Name == series, cancellationToken);
    }
}
