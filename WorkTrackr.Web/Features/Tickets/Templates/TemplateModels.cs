using System.ComponentModel.DataAnnotations;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Tickets;

namespace WorkTrackr.Web.Features.Tickets.Templates;

/// <summary>A template as the designer edits it: its name and its fields in display order, removed ones included.</summary>
public sealed class TemplateInput
{
    [Required(ErrorMessage = "Give the template a name.")]
    [StringLength(DataLimits.NameLength, ErrorMessage = DataLimits.TooLong)]
    public string Name { get; set; } = "";

    public List<FieldInput> Fields { get; set; } = [];
}

/// <summary>One field in the designer. <see cref="Key"/> is null until the field is first saved.</summary>
public sealed class FieldInput
{
    public const int MaxLabelLength = 100;
    public const int MaxHelpLength = 200;
    public const int MaxOptionLength = 100;

    public string? Key { get; set; }
    public string Label { get; set; } = "";
    public CustomFieldType Type { get; set; }
    public bool Required { get; set; }
    public string? HelpText { get; set; }
    /// <summary>Options of a select field, one per line.</summary>
    public string? OptionsText { get; set; }
    public bool Removed { get; set; }

    /// <summary>The options as entered: trimmed, blank lines dropped.</summary>
    public List<string> Options => (OptionsText ?? "").Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).ToList();

    public static FieldInput From(CustomFieldDefinition field) => new()
    {
        Key = field.Key,
        Label = field.Label,
        Type = field.Type,
        Required = field.Required,
        HelpText = field.HelpText,
        OptionsText = string.Join('\n', field.Options),
        Removed = field.Removed,
    };

    /// <summary>The field as a ticket form would render it; <paramref name="key"/> stands in until it has its own.</summary>
    public CustomFieldDefinition ToDefinition(string key) => new()
    {
        Key = Key ?? key,
        Label = Label.Trim(),
        Type = Type,
        Required = Required,
        HelpText = string.IsNullOrWhiteSpace(HelpText) ? null : HelpText.Trim(),
        Options = Type == CustomFieldType.Select ? Options : [],
        Removed = Removed,
    };
}

public sealed record TemplateSummary(Guid Id, string Name, bool IsActive, int FieldCount, int RemovedFieldCount, int TicketCount);

public sealed record TemplateEditor(Guid Id, Guid Version, bool IsActive, int TicketCount, TemplateInput Input);

public static class TemplateFieldTypes
{
    public static string Label(CustomFieldType type) => type switch
    {
        CustomFieldType.MultiLine => "Multi-line text",
        CustomFieldType.Select => "Select (options)",
        _ => type.ToString(),
    };

    /// <summary>The choices of the designer's type picker, in the enum's order.</summary>
    public static readonly IReadOnlyList<CustomFieldType> All = Enum.GetValues<CustomFieldType>();
}
