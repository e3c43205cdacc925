using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Catalog;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Data.Services;
using WorkTrackr.Data.Tickets;

namespace WorkTrackr.Data.Invoicing;

public enum InvoiceStatus { Draft = 0, Issued = 1, Paid = 2, Overdue = 3, Void = 4 }

/// <summary>
/// A bill to a contact. Drafts are edited freely and have no number; issuing numbers it (gapless per organisation and
/// year), dates it and freezes it, billed-to details included. An issued invoice is corrected by voiding it and issuing another.
/// </summary>
public class Invoice : Entity, IOrganisationOwned, IConcurrencyVersioned
{
    public const int MaxPaymentTermsDays = 365;

    public Guid OrganisationId { get; set; }
    /// <summary>Given at issue, like INV-2026-0001: unique within the organisation; null on drafts.</summary>
    public string? Number { get; set; }
    public Guid ContactId { get; set; }
    public Contact? Contact { get; set; }
    public Guid? TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    /// <summary>On a draft, the day it was started; set to the issuing day at issue.</summary>
    public DateOnly IssueDate { get; set; }
    /// <summary>Issue date plus <see cref="PaymentTermsDays"/>.</summary>
    public DateOnly DueDate { get; set; }
    public int PaymentTermsDays { get; set; } = 30;
    public InvoiceStatus Status { get; set; } = InvoiceStatus.Draft;
    public string? Notes { get; set; }
    /// <summary>The customer's name and billing address as they were at issue, so the document never changes afterwards.</summary>
    public string? BillToName { get; set; }
    public string? BillToAddress { get; set; }
    public DateOnly? PaidOn { get; set; }
    public DateTime? VoidedAt { get; set; }
    public string? VoidReason { get; set; }
    /// <summary>
    /// Kept equal to <see cref="InvoiceTotals.Of"/> of the lines by <see cref="Recalculate"/> on every change (never
    /// typed in), so lists and outstanding sums read them without loading lines.
    /// </summary>
    public decimal NetTotal { get; set; }
    public decimal TaxTotal { get; set; }
    public decimal Total { get; set; }
    public List<InvoiceLine> Lines { get; set; } = [];
    public Guid Version { get; set; }

    public InvoiceTotals Totals => InvoiceTotals.Of(Lines);

    public void Recalculate()
    {
        var totals = Totals;
        (NetTotal, TaxTotal, Total) = (totals.Net, totals.Tax, totals.Gross);
    }

    public static string FormatNumber(int year, int sequence) => $"INV-{year:D4}-{sequence:D4}";

    /// <summary>The number series of a year: numbers restart at 1 each year.</summary>
    public static string SeriesFor(int year) => $"{NumberSequence.Invoices}-{year:D4}";
}

public class InvoiceLine : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid InvoiceId { get; set; }
    public int Position { get; set; }
    public Guid? ProductId { get; set; }
    public Product? Product { get; set; }
    /// <summary>The customer service this line bills, with the period it covers.</summary>
    public Guid? CustomerServiceId { get; set; }
    public CustomerService? CustomerService { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    public required string Description { get; set; }
    public decimal Quantity { get; set; } = 1;
    public decimal UnitPrice { get; set; }
    /// <summary>0–1, e.g. 0.2 for 20 %.</summary>
    public decimal TaxRate { get; set; }

    /// <summary>Rounded once, half away from zero.</summary>
    public decimal NetAmount => Money.Round(Quantity * UnitPrice);
    public decimal TaxAmount => Money.Round(NetAmount * TaxRate);
}

/// <summary>Invoice totals summed from rounded lines.</summary>
public readonly record struct InvoiceTotals(decimal Net, decimal Tax)
{
    public decimal Gross => Net + Tax;

    public static InvoiceTotals Of(IEnumerable<InvoiceLine> lines)
    {
        decimal net = 0, tax = 0;
        foreach (var line in lines)
        {
            net += line.NetAmount;
            tax += line.TaxAmount;
        }
        return new InvoiceTotals(net, tax);
    }
}

public class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.Property(i => i.Number).HasMaxLength(DataLimits.NumberLength);
        builder.Property(i => i.Notes).HasMaxLength(DataLimits.NotesLength);
        builder.Property(i => i.BillToName).HasMaxLength(DataLimits.NameLength);
        builder.Property(i => i.BillToAddress).HasMaxLength(DataLimits.AddressLength);
        builder.Property(i => i.VoidReason).HasMaxLength(DataLimits.ReasonLength);
        // The default fills rows that existed before the column; the sentinel makes EF always send the value, so 0
        // (due on receipt) is stored as 0 rather than replaced by the default.
        builder.Property(i => i.PaymentTermsDays).HasDefaultValue(30).HasSentinel(int.MinValue);
        builder.Property(i => i.NetTotal).HasPrecision(DataLimits.MoneyPrecision, DataLimits.MoneyScale).HasDefaultValue(0m);
        builder.Property(i => i.TaxTotal).HasPrecision(DataLimits.MoneyPrecision, DataLimits.MoneyScale).HasDefaultValue(0m);
        builder.Property(i => i.Total).HasPrecision(DataLimits.MoneyPrecision, DataLimits.MoneyScale).HasDefaultValue(0m);
        builder.Ignore(i => i.Totals);
        builder.HasOne(i => i.Contact).WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Ticket).WithMany().HasForeignKey(i => i.TicketId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.OrganisationId, i.Number }).IsUnique();
        builder.HasIndex(i => new { i.OrganisationId, i.Status, i.DueDate });
        // By issue date; the dashboard sums revenue and picks the invoices whose lines count toward margins from the
        // index alone, and payments per month likewise.
        builder.HasIndex(i => new { i.OrganisationId, i.IssueDate, i.Status, i.Id, i.Total });
        builder.HasIndex(i => new { i.OrganisationId, i.PaidOn, i.Status, i.Total });
    }
}

public class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> builder)
    {
        builder.Property(l => l.Description).HasMaxLength(DataLimits.LineDescriptionLength);
        builder.Property(l => l.Quantity).HasPrecision(DataLimits.MoneyPrecision, DataLimits.MoneyScale);
        builder.Property(l => l.UnitPrice).HasPrecision(DataLimits.MoneyPrecision, DataLimits.MoneyScale);
        builder.Property(l => l.TaxRate).HasPrecision(DataLimits.RatePrecision, DataLimits.RateScale);
        builder.Ignore(l => l.NetAmount);
        builder.Ignore(l => l.TaxAmount);
        builder.HasOne(l => l.Product).WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.CustomerService).WithMany().HasForeignKey(l => l.CustomerServiceId).OnDelete(DeleteBehavior.SetNull);
        // An invoice's lines (it serves as the foreign key's index too), with what the dashboard's margins need.
        builder.HasIndex(l => new { l.InvoiceId, l.OrganisationId, l.ProductId, l.Quantity, l.UnitPrice }, "IX_InvoiceLines_Sales");
    }
}
