using System.ComponentModel.DataAnnotations;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Data.Resellers;

namespace WorkTrackr.Web.Features.Platform;

public sealed record OrganisationRow(Guid Id, string Name, OrganisationPlan Plan, OrganisationStatus Status, int ActiveUsers, int OpenTickets,
    Guid? ResellerId, string? Reseller, DateTime CreatedAt, decimal MonthlyValue);

public sealed class OrganisationInput
{
    [Required(ErrorMessage = "Give the organisation a name."), StringLength(DataLimits.NameLength, ErrorMessage = DataLimits.TooLong)]
    public string Name { get; set; } = "";

    public OrganisationPlan Plan { get; set; } = OrganisationPlan.Starter;

    [Required(ErrorMessage = "Choose a currency."), RegularExpression("^[A-Z]{3}$", ErrorMessage = "Use a three-letter ISO code such as USD.")]
    public string Currency { get; set; } = "USD";

    [Required(ErrorMessage = "Choose a time zone.")]
    public string TimeZoneId { get; set; } = "UTC";
}

public sealed class ResellerInput
{
    [Required(ErrorMessage = "Give the reseller a name."), StringLength(DataLimits.NameLength, ErrorMessage = DataLimits.TooLong)]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter a contact email."), EmailAddress(ErrorMessage = "Enter an email address like name@example.com."), StringLength(DataLimits.EmailLength)]
    public string ContactEmail { get; set; } = "";

    /// <summary>0–1: 0.25 is 25 %.</summary>
    [Range(typeof(decimal), "0", "1", ErrorMessage = "Enter a rate between 0 and 1 (0.25 is 25 %).")]
    public decimal CommissionRate { get; set; } = Reseller.DefaultCommissionRate;
}

public sealed record ResellerRow(Guid Id, string Name, string ContactEmail, decimal CommissionRate, bool IsActive, int Customers);
