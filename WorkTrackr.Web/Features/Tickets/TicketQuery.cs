using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Infrastructure;

namespace WorkTrackr.Web.Features.Tickets;

public enum TicketView { All, AllOpen, MyOpen, Unassigned, Overdue, ScheduledToday }

public enum TicketSort { Risk, Number, Title, Contact, Status, Priority, Assignee, Scheduled, Created }

/// <summary>
/// A ticket list request: quick view, filters, sort and page. It round-trips through the query string, so a view
/// can be bookmarked and shared, and the CSV export gets exactly the same filter.
/// </summary>
public sealed record TicketQuery
{
    public const int DefaultPageSize = 25;
    /// <summary>The ticket list's address, relative to the app's base.</summary>
    public const string ListPath = "tickets";
    public const string UnassignedValue = "none";

    public TicketView View { get; init; } = TicketView.AllOpen;
    public IReadOnlyList<TicketStatus> Statuses { get; init; } = [];
    public IReadOnlyList<TicketPriority> Priorities { get; init; } = [];
    public Guid? AssigneeId { get; init; }
    public bool Unassigned { get; init; }
    public Guid? ContactId { get; init; }
    public DateOnly? ScheduledFrom { get; init; }
    public DateOnly? ScheduledTo { get; init; }
    public DateOnly? CreatedFrom { get; init; }
    public DateOnly? CreatedTo { get; init; }
    public string? Text { get; init; }
    public TicketSort Sort { get; init; } = TicketSort.Risk;
    public bool Descending { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = DefaultPageSize;

    public bool HasFilters => Statuses.Count > 0 || Priorities.Count > 0 || AssigneeId is not null || Unassigned || ContactId is not null
        || ScheduledFrom is not null || ScheduledTo is not null || CreatedFrom is not null || CreatedTo is not null || !string.IsNullOrWhiteSpace(Text);

    /// <summary>The query-string parameters of this request; defaults are left out to keep links short.</summary>
    public Dictionary<string, string?> ToQueryString()
    {
        var defaults = new TicketQuery();
        return new Dictionary<string, string?>
        {
            ["view"] = View == defaults.View ? null : View.ToString(),
            ["status"] = Statuses.Count == 0 ? null : string.Join(',', Statuses),
            ["priority"] = Priorities.Count == 0 ? null : string.Join(',', Priorities),
            ["assignee"] = Unassigned ? UnassignedValue : AssigneeId?.ToString(),
            ["contact"] = ContactId?.ToString(),
            ["scheduledFrom"] = Format(ScheduledFrom),
            ["scheduledTo"] = Format(ScheduledTo),
            ["createdFrom"] = Format(CreatedFrom),
            ["createdTo"] = Format(CreatedTo),
            ["q"] = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
            ["sort"] = Sort == defaults.Sort ? null : Sort.ToString(),
            ["desc"] = Descending ? "true" : null,
            ["page"] = Skip == 0 ? null : (Skip / Math.Max(Take, 1) + 1).ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The ticket list showing this request: what pages link to, rather than a query string of their own.</summary>
    public string ToUri() => QueryHelpers.AddQueryString(ListPath, ToQueryString().Where(p => p.Value is not null));

    /// <summary>Reads a query string; anything unreadable falls back to the default rather than failing.</summary>
    public static TicketQuery Parse(string queryString)
    {
        var q = QueryHelpers.ParseQuery(queryString);
        string? Get(string key) => q.TryGetValue(key, out var v) ? v.ToString() : null;
        var assignee = Get("assignee");
        var page = int.TryParse(Get("page"), out var p) && p > 1 ? p : 1;
        return new TicketQuery
        {
            View = Enum.TryParse<TicketView>(Get("view"), true, out var view) ? view : TicketView.AllOpen,
            Statuses = ParseList<TicketStatus>(Get("status")),
            Priorities = ParseList<TicketPriority>(Get("priority")),
            Unassigned = assignee == UnassignedValue,
            AssigneeId = Guid.TryParse(assignee, out var a) ? a : null,
            ContactId = Guid.TryParse(Get("contact"), out var c) ? c : null,
            ScheduledFrom = ParseDate(Get("scheduledFrom")),
            ScheduledTo = ParseDate(Get("scheduledTo")),
            CreatedFrom = ParseDate(Get("createdFrom")),
            CreatedTo = ParseDate(Get("createdTo")),
            Text = string.IsNullOrWhiteSpace(Get("q")) ? null : Get("q")!.Trim(),
            Sort = Enum.TryParse<TicketSort>(Get("sort"), true, out var sort) ? sort : TicketSort.Risk,
            Descending = Get("desc") == "true",
            Skip = (page - 1) * DefaultPageSize,
        };
    }

    private static List<T> ParseList<T>(string? value) where T : struct, Enum =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => Enum.TryParse<T>(v, true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (T?)null)
            .OfType<T>().Distinct().ToList();

    private static DateOnly? ParseDate(string? value) => DateFormats.ParseIsoDate(value);

    private static string? Format(DateOnly? date) => date is { } d ? DateFormats.Format(d, DateFormats.IsoDate) : null;
}

public sealed record TicketListItem(
    Guid Id,
    string Number,
    string Title,
    string? ContactName,
    TicketStatus Status,
    TicketPriority Priority,
    string? AssigneeName,
    DateTime? ScheduledStart,
    DateTime CreatedAt,
    DateTime? ResolutionDueAt,
    SlaState Sla)
{
    /// <summary>The assignee has been deactivated: the ticket waits to be given to someone else.</summary>
    public bool NeedsReassignment { get; init; }
}

public sealed record TicketResults(IReadOnlyList<TicketListItem> Items, int Total);

/// <summary>A ticket on the calendar; <see cref="Version"/> lets a drag save only over what the dispatcher saw.</summary>
public sealed record ScheduledTicket(Guid Id, string Number, string Title, DateTime Start, DateTime End, Guid? AssigneeId, TicketStatus Status, TicketPriority Priority, Guid Version);
