using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Catalog;
using WorkTrackr.Data.Crm;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Data.Services;
using WorkTrackr.Data.Tickets;

namespace WorkTrackr.Data.Common;

/// <summary>
/// A counter per organisation, raised after every save that changes its business records (tickets, CRM events,
/// products, services, invoices). Views that summarise those records poll it to know when to reload: one indexed read
/// per node answers "has anything changed?" for every open view, on any number of app nodes sharing the database.
/// Holds no business data, so it sits outside the tenant filter; the organisation is its key.
/// </summary>
public class DataChangeStamp
{
    public Guid OrganisationId { get; set; }
    public long Version { get; set; }
}

public class DataChangeStampConfiguration : IEntityTypeConfiguration<DataChangeStamp>
{
    public void Configure(EntityTypeBuilder<DataChangeStamp> builder)
    {
        builder.HasKey(s => s.OrganisationId);
        builder.HasOne<Organisation>().WithOne().HasForeignKey<DataChangeStamp>(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Raises <see cref="DataChangeStamp.Version"/> for each organisation whose records a save changed. It runs after the
/// save, so a reader who sees the new version also sees the new rows; inside an explicit transaction it joins that
/// transaction and commits with it. Bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> bypass it, like every interceptor.
/// </summary>
public sealed class ChangeStampInterceptor : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Watched =
        [typeof(Ticket), typeof(CrmEvent), typeof(Product), typeof(CustomerService), typeof(Invoice), typeof(InvoiceLine)];

    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } organisations)
        {
            foreach (var organisationId in organisations) eventData.Context!.Database.ExecuteSql(RaiseSql(organisationId));
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } organisations)
        {
            foreach (var organisationId in organisations) await RaiseAsync(eventData.Context!, organisationId, cancellationToken);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Raises the organisation's counter by hand, for saves of records the interceptor does not watch but that views
    /// summarise (a person's capacity). Joins the context's transaction when there is one.
    /// </summary>
    public static Task RaiseAsync(DbContext context, Guid organisationId, CancellationToken cancellationToken = default) =>
        context.Database.ExecuteSqlAsync(RaiseSql(organisationId), cancellationToken);

    // One statement on both providers, so two saves at once never race to create the row.
    private static FormattableString RaiseSql(Guid organisationId) => $"""
        INSERT INTO "DataChangeStamps" ("OrganisationId", "Version") VALUES ({organisationId}, 1)
        ON CONFLICT ("OrganisationId") DO UPDATE SET "Version" = "DataChangeStamps"."Version" + 1
        """;

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        HashSet<Guid>? organisations = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is not IOrganisationOwned owned || !Watched.Contains(entry.Metadata.ClrType)) continue;
            (organisations ??= []).Add(owned.OrganisationId);
        }
        if (organisations is null) pending.Remove(context);
        else pending.AddOrUpdate(context, organisations);
    }

    private HashSet<Guid>? Take(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var organisations)) return null;
        pending.Remove(context);
        return organisations;
    }
}
