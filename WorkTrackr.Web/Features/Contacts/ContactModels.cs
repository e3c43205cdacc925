using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Contacts;

namespace WorkTrackr.Web.Features.Contacts;

/// <summary>What a dispatcher fills in to create or edit a contact.</summary>
public sealed class ContactInput
{
    public ContactKind Kind { get; set; } = ContactKind.Company;

    [Required(ErrorMessage = "Give the contact a name.")]
    [StringLength(DataLimits.NameLength, ErrorMessage = DataLimits.TooLong)]
    public string Name { get; set; } = "";

    [StringLength(DataLimits.EmailLength, ErrorMessage = DataLimits.TooLong)]
    [EmailFormat]
    public string? Email { get; set; }

    [StringLength(DataLimits.PhoneLength, ErrorMessage = DataLimits.TooLong)]
    [PhoneNumber]
    public string? Phone { get; set; }

    [StringLength(DataLimits.AddressLength, ErrorMessage = DataLimits.TooLong)]
    public string? BillingAddress { get; set; }

    [StringLength(DataLimits.AddressLength, ErrorMessage = DataLimits.TooLong)]
    public string? ServiceAddress { get; set; }

    [StringLength(DataLimits.NotesLength, ErrorMessage = DataLimits.TooLong)]
    public string? Notes { get; set; }

    /// <summary>Who looks after this customer; renewal reminders go to them.</summary>
    public Guid? OwnerUserId { get; set; }

    public static ContactInput From(Contact contact) => new()
    {
        OwnerUserId = contact.OwnerUserId,
        Kind = contact.Kind,
        Name = contact.Name,
        Email = contact.Email,
        Phone = contact.Phone,
        BillingAddress = contact.BillingAddress,
        ServiceAddress = contact.ServiceAddress,
        Notes = contact.Notes,
    };
}

/// <summary>Empty, or one address with a dotted domain (name@example.com): what mail to a customer needs.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EmailFormatAttribute() : ValidationAttribute("Enter an email address like name@example.com.")
{
    public override bool IsValid(object? value)
    {
        if (value is not string text || string.IsNullOrWhiteSpace(text)) return true;
        var trimmed = text.Trim();
        return System.Net.Mail.MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed
            && address.Host.Contains('.') && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');
    }
}

/// <summary>Empty, or a phone number as <see cref="ContactRules.IsPhone"/> reads them.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PhoneNumberAttribute() : ValidationAttribute("Enter a phone number: digits, spaces and + ( ) - . only, at least 6 digits.")
{
    public override bool IsValid(object? value) => value is not string text || string.IsNullOrWhiteSpace(text) || ContactRules.IsPhone(text);
}

public static partial class ContactRules
{
    /// <summary>A phone number as people write them: +44 (0)20 7946 0958, 555-0100 ext. 12.</summary>
    public static bool IsPhone(string value)
    {
        var trimmed = value.Trim();
        return PhonePattern().IsMatch(trimmed) && trimmed.Count(char.IsAsciiDigit) is >= 6 and <= 20;
    }

    [GeneratedRegex(@"^\+?[0-9 ()\-./]+((ext\.?|x)\s*[0-9]{1,6})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PhonePattern();
}

public enum ContactStatusFilter { Active, Inactive, All }

public enum ContactSort { Name, Email, Created }

/// <summary>A contact list request, kept in the address bar like the ticket list's.</summary>
public sealed record ContactQuery
{
    public string? Text { get; init; }
    public ContactKind? Kind { get; init; }
    public ContactStatusFilter Status { get; init; } = ContactStatusFilter.Active;
    public ContactSort Sort { get; init; } = ContactSort.Name;
    public bool Descending { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 25;
}

public sealed record ContactListItem(Guid Id, string Name, ContactKind Kind, string? Email, string? Phone, bool IsActive, DateTime CreatedAt);

/// <param name="Capped">More contacts match a search than <see cref="Total"/>, which stops at <see cref="ContactService.SearchCountLimit"/>.</param>
public sealed record ContactResults(IReadOnlyList<ContactListItem> Items, int Total, bool Capped = false);

public enum ContactHistoryKind { Ticket, CrmEvent, Service, Invoice }

/// <summary>One line of a contact's history, newest first on the timeline.</summary>
public sealed record ContactHistoryItem(ContactHistoryKind Kind, Guid Id, DateTime At, string Title, string Detail);

public sealed record ContactDetails(
    Guid Id,
    Guid Version,
    ContactInput Contact,
    bool IsActive,
    DateTime CreatedAt,
    int TicketCount,
    int CrmEventCount,
    int ServiceCount,
    int InvoiceCount,
    string? OwnerName = null)
{
    public bool HasHistory => TicketCount + CrmEventCount + ServiceCount + InvoiceCount > 0;

    /// <summary>The owner has been deactivated: the contact waits for someone else to look after it.</summary>
    public bool OwnerNeedsReplacing { get; init; }
}
