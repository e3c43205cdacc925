using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Organisations;

public enum OrganisationPlan { Starter = 0, Pro = 1, Enterprise = 2 }

/// <summary>Only an active organisation's people sign in. A registration is unconfirmed until its Admin confirms their email.</summary>
public enum OrganisationStatus { Active = 0, Suspended = 1, Unconfirmed = 2 }

/// <summary>Who hears that a customer service is about to renew.</summary>
public enum ReminderRecipients { ContactOwner = 0, Managers = 1 }

/// <summary>A customer business: the tenant. Platform-level, so not itself organisation-owned.</summary>
public class Organisation : Entity
{
    public required string Name { get; set; }
    public OrganisationPlan Plan { get; set; } = OrganisationPlan.Starter;
    public OrganisationStatus Status { get; set; } = OrganisationStatus.Active;
    /// <summary>ISO 4217 code; every amount of this organisation is in it.</summary>
    public string Currency { get; set; } = "USD";
    /// <summary>IANA time zone id; the default for its users.</summary>
    public string TimeZoneId { get; set; } = "UTC";
    /// <summary>0–1: the tax rate new invoice lines start with.</summary>
    public decimal DefaultTaxRate { get; set; }
    /// <summary>Days from issue to due on new invoices.</summary>
    public int PaymentTermsDays { get; set; } = 30;
    /// <summary>Days before a renewal that a reminder goes out, largest first: "30,14,7,1".</summary>
    public string ReminderDays { get; set; } = DefaultReminderDays;
    /// <summary>The contact's owner (Managers when it has none), or every Manager.</summary>
    public ReminderRecipients ReminderRecipients { get; set; } = ReminderRecipients.ContactOwner;

    // How the organisation heads its invoices (the organisation settings page).
    /// <summary>The registered name, when it differs from <see cref="Name"/>.</summary>
    public string? LegalName { get; set; }
    public string? Address { get; set; }
    /// <summary>VAT, GST, EIN…: whatever the organisation's invoices must show.</summary>
    public string? TaxNumber { get; set; }
    /// <summary>Where customers write about invoices.</summary>
    public string? InvoiceEmail { get; set; }
    public string? InvoicePhone { get; set; }

    /// <summary>An Admin closed the dashboard's getting-started list before finishing it.</summary>
    public bool GettingStartedDismissed { get; set; }

    public const string DefaultReminderDays = "30,14,7,1";

    /// <summary>The reminder thresholds as numbers, largest first; blanks and duplicates dropped.</summary>
    public IReadOnlyList<int> ReminderThresholds => ReminderDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(d => int.TryParse(d, out var days) ? days : -1).Where(d => d >= 0).Distinct().OrderDescending().ToList();
}

public class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(DataLimits.NameLength);
        builder.Property(o => o.Currency).HasMaxLength(DataLimits.CurrencyLength);
        builder.Property(o => o.TimeZoneId).HasMaxLength(DataLimits.TimeZoneLength);
        builder.Property(o => o.DefaultTaxRate).HasPrecision(DataLimits.RatePrecision, DataLimits.RateScale).HasDefaultValue(0m);
        // The default fills rows that existed before the column; the sentinel makes EF always send the value, so 0
        // (due on receipt) is stored as 0 rather than replaced by the default.
        builder.Property(o => o.PaymentTermsDays).HasDefaultValue(30).HasSentinel(int.MinValue);
        builder.Property(o => o.ReminderDays).HasMaxLength(DataLimits.ReminderDaysLength).HasDefaultValue(Organisation.DefaultReminderDays);
        builder.Property(o => o.ReminderRecipients).HasDefaultValue(ReminderRecipients.ContactOwner).HasSentinel((ReminderRecipients)(-1));
        builder.Ignore(o => o.ReminderThresholds);
        builder.Property(o => o.LegalName).HasMaxLength(DataLimits.NameLength);
        builder.Property(o => o.Address).HasMaxLength(DataLimits.AddressLength);
        builder.Property(o => o.TaxNumber).HasMaxLength(DataLimits.TaxNumberLength);
        builder.Property(o => o.InvoiceEmail).HasMaxLength(DataLimits.EmailLength);
        builder.Property(o => o.InvoicePhone).HasMaxLength(DataLimits.PhoneLength);
        // The default fills rows that existed before the column.
        builder.Property(o => o.GettingStartedDismissed).HasDefaultValue(false);
        builder.HasIndex(o => o.Name);
    }
}

/// <summary>
/// The organisation's logo, on its invoices: a PNG or an SVG of at most <see cref="MaxBytes"/>. A row of its own, so the
/// organisation's row, read on every page, does not carry the file. At most one per organisation.
/// </summary>
public class OrganisationLogo : Entity, IOrganisationOwned
{
    public Guid OrganisationId { get; set; }
    /// <summary>The uploaded file's name, as the settings page shows it.</summary>
    public required string Name { get; set; }
    /// <summary><c>image/png</c> or <c>image/svg+xml</c>.</summary>
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }

    public const int MaxBytes = 256 * 1024;
    public const string Png = "image/png", Svg = "image/svg+xml";
}

public class OrganisationLogoConfiguration : IEntityTypeConfiguration<OrganisationLogo>
{
    public void Configure(EntityTypeBuilder<OrganisationLogo> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(DataLimits.NameLength);
        builder.Property(l => l.ContentType).HasMaxLength(DataLimits.ContentTypeLength);
        builder.HasIndex(l => l.OrganisationId).IsUnique();
    }
}
