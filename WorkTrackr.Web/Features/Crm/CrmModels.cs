using System.ComponentModel.DataAnnotations;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Crm;

namespace WorkTrackr.Web.Features.Crm;

/// <summary>A call, meeting or other touch point as the CRM calendar's form fills it in. Times are UTC instants.</summary>
public sealed class CrmEventInput
{
    [Required(ErrorMessage = "Give the event a title.")]
    [StringLength(DataLimits.TitleLength, ErrorMessage = DataLimits.TooLong)]
    public string Title { get; set; } = "";

    public CrmEventType Type { get; set; } = CrmEventType.Call;
    public CrmEventStatus Status { get; set; } = CrmEventStatus.Planned;

    [Required(ErrorMessage = "Choose the contact it is with.")]
    public Guid? ContactId { get; set; }

    public Guid? AssignedUserId { get; set; }

    [Required(ErrorMessage = "Pick when it starts.")]
    public DateTime? StartsAt { get; set; }

    [Required(ErrorMessage = "Pick when it ends.")]
    public DateTime? EndsAt { get; set; }

    [StringLength(DataLimits.NotesLength, ErrorMessage = DataLimits.TooLong)]
    public string? Notes { get; set; }
}

public sealed record CrmEventItem(
    Guid Id, string Title, CrmEventType Type, CrmEventStatus Status, DateTime StartsAt, DateTime EndsAt,
    Guid? AssignedUserId, string? AssignedName, Guid ContactId, string ContactName, string? Notes, Guid Version)
{
    public CrmEventInput ToInput() => new()
    {
        Title = Title, Type = Type, Status = Status, ContactId = ContactId, AssignedUserId = AssignedUserId,
        StartsAt = StartsAt, EndsAt = EndsAt, Notes = Notes,
    };
}
