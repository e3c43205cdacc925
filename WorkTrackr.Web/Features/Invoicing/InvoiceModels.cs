using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.WebUtilities;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Invoicing;
using WorkTrackr.Web.Infrastructure;

namespace WorkTrackr.Web.Features.Invoicing;

public enum InvoiceStatusFilter { All, Draft, Outstanding, Overdue, Paid, Void }

public sealed record InvoiceQuery
{
    /// <summary>The invoice list's address, relative to the app's base, and the filters it reads from its query string.</summary>
    public const string ListPath = "invoices";
    public const string StatusKey = "status";
    public const string FromKey = "from";
    public const string ToKey = "to";

    public InvoiceStatusFilter Status { get; init; } = InvoiceStatusFilter.All;
    /// <summary>Issue (or, for drafts, start) dates from and to, inclusive.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Part of the number or the customer's name.</summary>
    public string? Text { get; init; }
    public Guid? ContactId { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 25;

    /// <summary>The query-string parameters the invoice list opens with (status and dates); defaults are left out.</summary>
    public Dictionary<string, string?> ToQueryString() => new()
    {
        [StatusKey] = Status == InvoiceStatusFilter.All ? null : Status.ToString(),
        [FromKey] = From is { } from ? DateFormats.Format(from, DateFormats.IsoDate) : null,
        [ToKey] = To is { } to ? DateFormats.Format(to, DateFormats.IsoDate) : null,
    };

    /// <summary>The invoice list opened on this status and these dates: what pages link to.</summary>
    public string ToUri() => QueryHelpers.AddQueryString(ListPath, ToQueryString().Where(p => p.Value is not null));
}

public sealed record InvoiceListItem(Guid Id, string? Number, Guid ContactId, string Customer, DateOnly IssueDate, DateOnly DueDate,
    InvoiceStatus Status, decimal Total);

/// <param name="Outstanding">What the filter's issued and overdue invoices still owe.</param>
public sealed record InvoiceResults(IReadOnlyList<InvoiceListItem> Items, int Total, decimal Outstanding, string Currency);

public sealed class InvoiceLineInput
{
    public Guid? ProductId { get; set; }
    public Guid? CustomerServiceId { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }

    [Required(ErrorMessage = "Describe the line."), MaxLength(DataLimits.LineDescriptionLength)]
    public string Description { get; set; } = "";

    [Range(typeof(decimal), "0.01", "9999999", ErrorMessage = "Enter a quantity above 0.")]
    public decimal Quantity { get; set; } = 1;

    [Range(typeof(decimal), "-9999999999.99", "9999999999.99", ErrorMessage = "Enter a price of at most 9,999,999,999.99.")]
    public decimal UnitPrice { get; set; }

    /// <summary>As a percentage, 0–100 (20 for 20 %).</summary>
    [Range(typeof(decimal), "0", "100", ErrorMessage = "Enter a tax rate from 0 to 100 %.")]
    public decimal TaxPercent { get; set; }

    /// <summary>The amount as saved: of the stored quantity and price, not of extra decimals typed.</summary>
    public decimal Net => InvoiceInput.ToLine(this).NetAmount;

    public InvoiceLineInput Copy() => (InvoiceLineInput)MemberwiseClone();
}

public sealed class InvoiceInput
{
    [Required(ErrorMessage = "Choose who the invoice is for.")]
    public Guid? ContactId { get; set; }

    [Range(0, Invoice.MaxPaymentTermsDays, ErrorMessage = "Enter 0 to 365 days.")]
    public int PaymentTermsDays { get; set; } = 30;

    [MaxLength(DataLimits.NotesLength)]
    public string? Notes { get; set; }

    public List<InvoiceLineInput> Lines { get; set; } = [];

    /// <summary>Totals as the lines stand, by the same rule the saved invoice uses.</summary>
    public InvoiceTotals Totals => InvoiceTotals.Of(Lines.Select(ToLine));

    /// <summary>
    /// The line as it is stored (quantity and price to cents, the rate to four places, half away from zero): the one
    /// place that rule lives, used by <see cref="InvoiceDrafts"/> to save and by the editor's live amounts.
    /// </summary>
    internal static InvoiceLine ToLine(InvoiceLineInput l) => new()
    {
        ProductId = l.ProductId,
        CustomerServiceId = l.CustomerServiceId,
        PeriodStart = l.PeriodStart,
        PeriodEnd = l.PeriodEnd,
        Description = l.Description.Trim(),
        Quantity = Math.Round(l.Quantity, DataLimits.MoneyScale, MidpointRounding.AwayFromZero),
        UnitPrice = Money.Round(l.UnitPrice),
        TaxRate = Math.Round(l.TaxPercent / 100m, DataLimits.RateScale, MidpointRounding.AwayFromZero),
    };
}

public enum DocumentStatus { None, Pending, Ready, Failed }

public sealed record InvoiceDocumentState(DocumentStatus Status, int Attempts, string? Error, DateTime? ReadyAt);

/// <summary>Everything the invoice page and the printed document show.</summary>
public sealed record InvoiceDetails(
    Guid Id,
    Guid Version,
    string? Number,
    InvoiceStatus Status,
    Guid ContactId,
    string ContactName,
    string? BillToAddress,
    Guid? TicketId,
    string? TicketNumber,
    DateOnly IssueDate,
    DateOnly DueDate,
    int PaymentTermsDays,
    DateOnly? PaidOn,
    DateTime? VoidedAt,
    string? VoidReason,
    string? Notes,
    IReadOnlyList<InvoiceLineView> Lines,
    InvoiceTotals Totals,
    IReadOnlyList<TaxBand> TaxBands,
    InvoiceSender Sender,
    InvoiceDocumentState Document)
{
    public bool IsDraft => Status == InvoiceStatus.Draft;
    public bool IsOutstanding => Status is InvoiceStatus.Issued or InvoiceStatus.Overdue;
    public string Title => Number ?? "Draft invoice";

    public InvoiceInput ToInput() => new()
    {
        ContactId = ContactId,
        PaymentTermsDays = PaymentTermsDays,
        Notes = Notes,
        Lines = Lines.Select(l => new InvoiceLineInput
        {
            ProductId = l.ProductId, CustomerServiceId = l.CustomerServiceId, PeriodStart = l.PeriodStart, PeriodEnd = l.PeriodEnd,
            Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPrice, TaxPercent = l.TaxRate * 100m,
        }).ToList(),
    };
}

public sealed record InvoiceLineView(Guid? ProductId, Guid? CustomerServiceId, DateOnly? PeriodStart, DateOnly? PeriodEnd,
    string Description, decimal Quantity, decimal UnitPrice, decimal TaxRate, decimal Net, decimal Tax);

/// <summary>Net and tax of the lines at one rate.</summary>
public sealed record TaxBand(decimal Rate, decimal Net, decimal Tax);

/// <summary>
/// The organisation as it heads its invoices (the organisation settings), with the tax rate new lines start at.
/// <see cref="LogoUri"/> is the logo embedded as a data URI for a PDF, or the app's address of it for the page.
/// </summary>
public sealed record InvoiceSender(string Name, string Currency, decimal DefaultTaxRate)
{
    public string? LegalName { get; init; }
    public string? Address { get; init; }
    public string? TaxNumber { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? LogoUri { get; init; }

    /// <summary>The name invoices are from: the legal name when there is one.</summary>
    public string HeadingName => LegalName ?? Name;
}

/// <summary>A customer service due for renewal that an invoice can bill.</summary>
public sealed record DueService(Guid Id, string Product, int Quantity, decimal UnitPrice, DateOnly PeriodStart, DateOnly PeriodEnd, bool AlreadyInvoiced);

public enum InvoiceSource { Blank, Ticket, Services }

public sealed record TicketOption(Guid Id, string Label);
