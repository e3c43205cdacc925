using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Catalog;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Contacts;
using WorkTrackr.Data.Tickets;

namespace WorkTrackr.Data.Invoicing;

public enum InvoiceStatus { Draft = 0, Issued = 1, Paid = 2, Overdue = 3, Void = 4 }

public class Invoice : Entity, IOrganisationOwned, IConcurrencyVersioned
{
    public Guid OrganisationId { get; set; }
    /// <summary>Unique within the organisation, like INV-000042.</summary>
    public required string Number { get; set; }
    public Guid ContactId { get; set; }
    public Contact? Contact { get; set; }
    public Guid? TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public DateOnly IssueDate { get; set; }
    public DateOnly DueDate { get; set; }
    public InvoiceStatus Status { get; set; } = InvoiceStatus.Draft;
    public string? Notes { get; set; }
    public List<InvoiceLine> Lines { get; set; } = [];
    public Guid Version { get; set; }

    /// <summary>Totals derived from the lines, never stored (ARCHITECTURE.md, money).</summary>
    public InvoiceTotals Totals => InvoiceTotals.Of(Lines);

    public static string FormatNumber(int sequence) => $"INV-{sequence:D6}";
}

public class InvoiceLine : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid InvoiceId { get; set; }
    public int Position { get; set; }
    public Guid? ProductId { get; set; }
    public Product? Product { get; set; }
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
        builder.Ignore(i => i.Totals);
        builder.HasOne(i => i.Contact).WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Ticket).WithMany().HasForeignKey(i => i.TicketId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.OrganisationId, i.Number }).IsUnique();
        builder.HasIndex(i => new { i.OrganisationId, i.Status, i.DueDate });
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
    }
}
