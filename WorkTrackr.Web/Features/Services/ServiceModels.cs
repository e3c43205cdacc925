using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.WebUtilities;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Services;

namespace WorkTrackr.Web.Features.Services;

/// <summary>A contact's use of a product as the service form fills it in.</summary>
public sealed class ServiceInput
{
    [Required(ErrorMessage = "Choose a contact.")]
    public Guid? ContactId { get; set; }

    [Required(ErrorMessage = "Choose a product.")]
    public Guid? ProductId { get; set; }

    [Range(1, 1_000_000, ErrorMessage = "Enter a quantity of 1 or more.")]
    public int Quantity { get; set; } = 1;

    /// <summary>Empty: the product's price.</summary>
    [Range(typeof(decimal), "0", "9999999999.99", ErrorMessage = "Enter a price of 0 or more, or leave it empty for the product's price.")]
    public decimal? PriceOverride { get; set; }

    public BillingCycle BillingCycle { get; set; } = BillingCycle.Monthly;

    public DateOnly? RenewalDate { get; set; }

    [StringLength(DataLimits.NotesLength, ErrorMessage = DataLimits.TooLong)]
    public string? Notes { get; set; }
}

public enum RenewalWindow { Overdue, Within30, Within60, Within90 }

public sealed record ServiceQuery
{
    /// <summary>The services list's address, relative to the app's base, and the filter it reads from its query string.</summary>
    public const string ListPath = "services";
    public const string WindowKey = "window";

    public string? Text { get; init; }
    public Guid? ContactId { get; init; }
    public RenewalWindow? Window { get; init; }
    public bool IncludeEnded { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 25;

    /// <summary>The query-string parameters the services list opens with (the renewal window).</summary>
    public Dictionary<string, string?> ToQueryString() => new() { [WindowKey] = Window?.ToString() };

    /// <summary>The services list opened on this renewal window: what pages link to.</summary>
    public string ToUri() => QueryHelpers.AddQueryString(ListPath, ToQueryString().Where(p => p.Value is not null));
}

public sealed record ServiceListItem(
    Guid Id, Guid ContactId, string ContactName, Guid ProductId, string ProductName, string Unit, int Quantity,
    decimal UnitPrice, bool PriceOverridden, BillingCycle BillingCycle, DateOnly? RenewalDate, string? Notes, bool IsActive, Guid Version)
{
    public decimal Value => Money.Round(UnitPrice * Quantity);
}

public sealed record ServiceResults(IReadOnlyList<ServiceListItem> Items, int Total);

/// <summary>One column of the renewal board: how many services renew in the window, and what they are worth per cycle.</summary>
public sealed record RenewalColumn(RenewalWindow Window, int Count, decimal Value, IReadOnlyList<ServiceListItem> Soonest);

public static class RenewalWindows
{
    public static string Label(RenewalWindow window) => window switch
    {
        RenewalWindow.Overdue => "Overdue",
        RenewalWindow.Within30 => "Due in 30 days",
        RenewalWindow.Within60 => "Due in 31–60 days",
        _ => "Due in 61–90 days",
    };

    /// <summary>The window's dates relative to <paramref name="today"/>: [from, to], either end open.</summary>
    public static (DateOnly? From, DateOnly? To) Range(RenewalWindow window, DateOnly today) => window switch
    {
        RenewalWindow.Overdue => (null, today.AddDays(-1)),
        RenewalWindow.Within30 => (today, today.AddDays(30)),
        RenewalWindow.Within60 => (today.AddDays(31), today.AddDays(60)),
        _ => (today.AddDays(61), today.AddDays(90)),
    };
}
