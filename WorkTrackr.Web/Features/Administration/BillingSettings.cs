using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data.Organisations;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Administration;

public sealed class BillingSettingsInput
{
    /// <summary>As a percentage: 8 for 8 %.</summary>
    [Range(typeof(decimal), "0", "100", ErrorMessage = "Enter a tax rate from 0 to 100 %.")]
    public decimal DefaultTaxPercent { get; set; }

    [Range(0, Data.Invoicing.Invoice.MaxPaymentTermsDays, ErrorMessage = "Enter 0 to 365 days.")]
    public int PaymentTermsDays { get; set; } = 30;

    /// <summary>Days before a renewal, comma-separated: "30, 14, 7, 1".</summary>
    public string ReminderDays { get; set; } = Organisation.DefaultReminderDays;

    public ReminderRecipients ReminderRecipients { get; set; }
}

/// <summary>An organisation's invoice defaults and renewal reminder settings (Admins).</summary>
public sealed class BillingSettings(RecordOperations operations, CurrentUser currentUser)
{
    public const int MaxThresholds = 6;

    public Task<Result<BillingSettingsInput>> GetAsync(CancellationToken cancellationToken = default) =>
        operations.ReadAsync(Capabilities.ManageOrganisation, async (db, cancellationToken) =>
    {
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.CurrentOrganisationId, cancellationToken);
        return new BillingSettingsInput
        {
            DefaultTaxPercent = organisation.DefaultTaxRate * 100m,
            PaymentTermsDays = organisation.PaymentTermsDays,
            ReminderDays = string.Join(", ", organisation.ReminderThresholds),
            ReminderRecipients = organisation.ReminderRecipients,
        };
    }, cancellationToken);

    public Task<Result> SaveAsync(BillingSettingsInput input, CancellationToken cancellationToken = default)
    {
        var days = ParseDays(input.ReminderDays);
        return operations.ChangeAsync(new Change<Organisation>(Capabilities.ManageOrganisation, currentUser.OrganisationId ?? Guid.Empty)
        {
            What = "Your organisation",
            // Organisations are not tenant-filtered: the caller's own is the one row this may load.
            Query = db => db.Organisations.Where(o => o.Id == db.CurrentOrganisationId),
            Input = input,
            Validate = _ => Steps.Check(
                (days is null, nameof(BillingSettingsInput.ReminderDays), $"List up to {MaxThresholds} whole numbers of days from 0 to 365, separated by commas, like 30, 14, 7, 1."),
                (!Enum.IsDefined(input.ReminderRecipients), nameof(BillingSettingsInput.ReminderRecipients), "Choose who receives reminders.")),
            Apply = Steps.Do<Organisation>(op =>
            {
                var organisation = op.Row;
                organisation.DefaultTaxRate = Math.Round(input.DefaultTaxPercent / 100m, Data.Common.DataLimits.RateScale, MidpointRounding.AwayFromZero);
                organisation.PaymentTermsDays = input.PaymentTermsDays;
                organisation.ReminderDays = string.Join(",", days!);
                organisation.ReminderRecipients = input.ReminderRecipients;
            }),
        }, cancellationToken);
    }

    /// <summary>"30, 14,7 , 1" → [30, 14, 7, 1] (largest first, no repeats); null when anything is not a day count. Empty means no reminders.</summary>
    public static IReadOnlyList<int>? ParseDays(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var days = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day) || day > 365) return null;
            days.Add(day);
        }
        var distinct = days.Distinct().OrderDescending().ToList();
        return distinct.Count > MaxThresholds ? null : distinct;
    }
}
