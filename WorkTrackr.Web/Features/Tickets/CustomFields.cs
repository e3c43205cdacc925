using System.Globalization;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Infrastructure;

namespace WorkTrackr.Web.Features.Tickets;

/// <summary>Checks a ticket's custom-field values against its template, one message per field.</summary>
public static class CustomFields
{
    public const int MaxTextLength = 500;
    public const int MaxMultiLineLength = 4000;

    /// <summary>The key under which a field's error is reported, so the form can show it beside that field.</summary>
    public static string ErrorKey(string fieldKey) => $"{nameof(TicketInput.CustomFieldValues)}[{fieldKey}]";

    /// <summary>
    /// Checks the values of the template's live fields. With <paramref name="stored"/> (an existing ticket's values),
    /// only values that changed are checked: a template edited since (a field made required, an option dropped) never
    /// blocks saving an unrelated change such as a reschedule.
    /// </summary>
    public static Dictionary<string, string[]> Validate(IEnumerable<CustomFieldDefinition> fields, IReadOnlyDictionary<string, string?> values,
        IReadOnlyDictionary<string, string?>? stored = null)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var field in fields.Where(f => !f.Removed))
        {
            var value = Normal(values.GetValueOrDefault(field.Key));
            if (stored is not null && value == Normal(stored.GetValueOrDefault(field.Key))) continue;
            var message = Check(field, value);
            if (message is not null) errors[ErrorKey(field.Key)] = [message];
        }
        return errors;
    }

    private static string? Normal(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Check(CustomFieldDefinition field, string? value)
    {
        if (value is null || (field.Type == CustomFieldType.Checkbox && value == "false"))
            return field.Required ? (field.Type == CustomFieldType.Checkbox ? $"{field.Label} must be ticked." : $"{field.Label} is required.") : null;
        return field.Type switch
        {
            CustomFieldType.Text when value.Length > MaxTextLength => $"{field.Label} is too long (at most {MaxTextLength} characters).",
            CustomFieldType.MultiLine when value.Length > MaxMultiLineLength => $"{field.Label} is too long (at most {MaxMultiLineLength} characters).",
            CustomFieldType.Number when !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) => $"{field.Label} must be a number.",
            CustomFieldType.Date when DateFormats.ParseIsoDate(value) is null => $"{field.Label} must be a date.",
            CustomFieldType.Select when !field.Options.Contains(value) => $"Choose one of the options for {field.Label}.",
            CustomFieldType.Checkbox when value != "true" => $"{field.Label} must be ticked or not.",
            _ => null,
        };
    }
}
