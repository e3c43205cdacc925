using System.ComponentModel.DataAnnotations;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Tickets;

namespace WorkTrackr.Web.Features.Tickets;

/// <summary>What a dispatcher fills in to create or edit a ticket. Schedule times are UTC instants.</summary>
public sealed class TicketInput
{
    [Required(ErrorMessage = "Give the ticket a title.")]
    [StringLength(DataLimits.TitleLength, ErrorMessage = DataLimits.TooLong)]
    public string Title { get; set; } = "";

    [StringLength(DataLimits.DescriptionLength, ErrorMessage = DataLimits.TooLong)]
    public string? Description { get; set; }

    public Guid? ContactId { get; set; }
    public TicketPriority Priority { get; set; } = TicketPriority.Medium;
    public Guid? AssignedUserId { get; set; }
    public DateTime? ScheduledStart { get; set; }
    public DateTime? ScheduledEnd { get; set; }
    public Guid? TemplateId { get; set; }
    public Dictionary<string, string?> CustomFieldValues { get; set; } = [];

    public TicketInput Copy()
    {
        var copy = (TicketInput)MemberwiseClone();
        copy.CustomFieldValues = new Dictionary<string, string?>(CustomFieldValues);
        return copy;
    }
}

public sealed record TicketRef(Guid Id, string Number);

public sealed record TicketActivityView(DateTime At, string? UserName, TicketActivityKind Kind, string? FromValue, string? ToValue, string? Text);

public sealed record TicketFieldView(string Key, string Label, CustomFieldType Type, string? Value, bool Removed);

public sealed record TicketDetails(
    Guid Id,
    string Number,
    string Title,
    string? Description,
    TicketStatus Status,
    TicketPriority Priority,
    Guid? ContactId,
    string? ContactName,
    Guid? AssignedUserId,
    string? AssignedUserName,
    DateTime? ScheduledStart,
    DateTime? ScheduledEnd,
    Guid? TemplateId,
    string? TemplateName,
    IReadOnlyList<TicketFieldView> Fields,
    // The template's live fields as they are defined now (options, required, help), for the edit form.
    IReadOnlyList<CustomFieldDefinition> TemplateFields,
    DateTime CreatedAt,
    DateTime? ResponseDueAt,
    DateTime? ResolutionDueAt,
    DateTime? FirstRespondedAt,
    DateTime? ResolvedAt,
    SlaState Sla,
    Guid Version,
    IReadOnlyList<TicketStatus> AllowedNextStatuses,
    bool CanEdit,
    IReadOnlyList<TicketActivityView> Activities)
{
    public TicketInput ToInput() => new()
    {
        Title = Title,
        Description = Description,
        ContactId = ContactId,
        Priority = Priority,
        AssignedUserId = AssignedUserId,
        ScheduledStart = ScheduledStart,
        ScheduledEnd = ScheduledEnd,
        TemplateId = TemplateId,
        CustomFieldValues = Fields.ToDictionary(f => f.Key, f => f.Value),
    };
}
