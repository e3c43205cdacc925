using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WorkTrackr.Data.Auditing;
using WorkTrackr.Data.Catalog;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Data.Crm;
using WorkTrackr.Data.Identity;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Data.Jobs;
using WorkTrackr.Data.Notifications;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Data.Resellers;
using WorkTrackr.Data.Services;
using WorkTrackr.Data.Tickets;

namespace WorkTrackr.Data;

public class WorkTrackrDbContext(DbContextOptions<WorkTrackrDbContext> options, ITenantContext tenant)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The name of the query filter that confines organisation-owned rows to <see cref="CurrentOrganisationId"/>.
    /// Code that must see across organisations says so with <c>IgnoreQueryFilters([TenantFilter])</c>.
    /// </summary>
    public const string TenantFilter = "Tenant";

    /// <summary>Read by the query filter on every query, so it is evaluated per context instance.</summary>
    public Guid? CurrentOrganisationId => tenant.OrganisationId;

    /// <summary>Who is saving, as the audit log records it.</summary>
    public Guid? CurrentUserId => tenant.UserId;

    /// <summary>Where they are saving from, as the audit log records it.</summary>
    public string? CurrentIpAddress => tenant.IpAddress;

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Reseller> Resellers => Set<Reseller>();
    public DbSet<ResellerLink> ResellerLinks => Set<ResellerLink>();
    public DbSet<ResellerRate> ResellerRates => Set<ResellerRate>();
    public DbSet<CommissionEntry> CommissionEntries => Set<CommissionEntry>();
    public DbSet<ResellerStatement> ResellerStatements => Set<ResellerStatement>();
    public DbSet<PlanPrice> PlanPrices => Set<PlanPrice>();
    public DbSet<OrganisationLogo> OrganisationLogos => Set<OrganisationLogo>();
    public DbSet<OrganisationPlanChange> OrganisationPlanChanges => Set<OrganisationPlanChange>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<CrmEvent> CrmEvents => Set<CrmEvent>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<CustomerService> CustomerServices => Set<CustomerService>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketTemplate> TicketTemplates => Set<TicketTemplate>();
    public DbSet<TicketActivity> TicketActivities => Set<TicketActivity>();
    public DbSet<SlaTarget> SlaTargets => Set<SlaTarget>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceLine> InvoiceLines => Set<InvoiceLine>();
    public DbSet<InvoiceDocument> InvoiceDocuments => Set<InvoiceDocument>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PlatformAuditEntry> PlatformAuditEntries => Set<PlatformAuditEntry>();
    public DbSet<TeamInvitation> TeamInvitations => Set<TeamInvitation>();
    public DbSet<SignInEvent> SignInEvents => Set<SignInEvent>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<RenewalReminder> RenewalReminders => Set<RenewalReminder>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<DataChangeStamp> DataChangeStamps => Set<DataChangeStamp>();
    /// <summary>The keys that protect cookies and tokens, shared by every node and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Pinned so the model never depends on how the context was created (identity options or not).</summary>
    protected override Version SchemaVersion => IdentitySchemaVersions.Version2;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are UTC everywhere; SQLite hands DateTime back as Unspecified, so say so on the way in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WorkTrackrDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            var clrType = entityType.ClrType;
            if (typeof(IConcurrencyVersioned).IsAssignableFrom(clrType))
            {
                builder.Entity(clrType).Property(nameof(IConcurrencyVersioned.Version)).IsConcurrencyToken();
            }
            if (typeof(IOrganisationOwned).IsAssignableFrom(clrType))
            {
                var entity = builder.Entity(clrType);
                entity.HasOne(typeof(Organisation)).WithMany().HasForeignKey(nameof(IOrganisationOwned.OrganisationId))
                    .OnDelete(DeleteBehavior.Cascade);
                entity.HasQueryFilter(TenantFilter, TenantFilterFor(clrType));
                // Query filters do not reach UPDATE and DELETE; as a concurrency token the organisation is in their
                // WHERE clause, so a row attached without loading cannot be written across organisations.
                entity.Property(nameof(IOrganisationOwned.OrganisationId)).IsConcurrencyToken();
            }
        }

        DbTime.Map(builder, Database.IsNpgsql());

        if (Database.IsNpgsql())
        {
            // Text search (ILIKE '%…%') over ticket numbers and titles and contact names reads trigram indexes instead
            // of every row. SQLite has no equivalent; there the search scans (see TicketSearch).
            builder.HasPostgresExtension("pg_trgm");
            builder.Entity<Ticket>().HasIndex(t => t.Number, "IX_Tickets_Number_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
            builder.Entity<Ticket>().HasIndex(t => t.Title, "IX_Tickets_Title_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
            builder.Entity<Contact>().HasIndex(c => c.Name, "IX_Contacts_Name_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
            builder.Entity<Contact>().HasIndex(c => c.Email, "IX_Contacts_Email_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
            builder.Entity<Contact>().HasIndex(c => c.Phone, "IX_Contacts_Phone_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        }
    }

    /// <summary>e => e.OrganisationId == this.CurrentOrganisationId</summary>
    private LambdaExpression TenantFilterFor(Type clrType)
    {
        var e = Expression.Parameter(clrType, "e");
        var rowOrganisation = Expression.Convert(
            Expression.Property(e, nameof(IOrganisationOwned.OrganisationId)), typeof(Guid?));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentOrganisationId));
        return Expression.Lambda(Expression.Equal(rowOrganisation, current), e);
    }
}

public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
