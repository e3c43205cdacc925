using System.Text;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Common;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Operations;

namespace WorkTrackr.Web.Features.Tickets.Templates;

/// <summary>
/// The admins' template designer. A template change never touches tickets: a field keeps its key (so values stay
/// attached) and its type once saved, and a field taken out of the template is kept, flagged as removed, so tickets
/// that hold a value for it still show it.
/// </summary>
public sealed class TicketTemplateService(RecordOperations operations)
{
    public const int MaxFields = 50;

    private const string What = "The template";

    public Task<Result<IReadOnlyList<TemplateSummary>>> ListAsync(CancellationToken cancellationToken = default) =>
        operations.ReadAsync<IReadOnlyList<TemplateSummary>>(Capabilities.ManageOrganisation, async (db, cancellationToken) =>
    {
        var templates = await db.TicketTemplates.AsNoTracking().OrderByDescending(t => t.IsActive).ThenBy(t => t.Name).ToListAsync(cancellationToken);
        var usage = await UsageAsync(db, cancellationToken);
        return templates
            .Select(t => new TemplateSummary(t.Id, t.Name, t.IsActive, t.Fields.Count(f => !f.Removed), t.Fields.Count(f => f.Removed), usage.GetValueOrDefault(t.Id)))
            .ToList();
    }, cancellationToken);

    public Task<Result<TemplateEditor>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        operations.GetAsync(new Find<TicketTemplate>(Capabilities.ManageOrganisation, id) { What = What }, async op =>
    {
        var template = op.Row;
        var tickets = await op.Db.Tickets.CountAsync(t => t.TemplateId == id, op.CancellationToken);
        var input = new TemplateInput { Name = template.Name, Fields = template.Fields.Select(FieldInput.From).ToList() };
        return new TemplateEditor(template.Id, template.Version, template.IsActive, tickets, input);
    }, cancellationToken);

    /// <summary>
    /// Creates a template (<paramref name="id"/> null) or saves the designer's edit of one opened at
    /// <paramref name="expectedVersion"/>. Errors are keyed <c>Name</c> and <c>Fields[i].Label</c>, <c>.Type</c>,
    /// <c>.Options</c>, <c>.HelpText</c>, so the designer shows each beside its field.
    /// </summary>
    public Task<Result<Guid>> SaveAsync(Guid? id, TemplateInput input, Guid? expectedVersion, CancellationToken cancellationToken = default)
    {
        List<CustomFieldDefinition> fields = [];
        if (id is not { } existingId)
        {
            return operations.CreateAsync(new Create<TicketTemplate>(Capabilities.ManageOrganisation)
            {
                Input = input,
                Validate = (db, cancellationToken) => ValidateAsync(db, null, input, [], built => fields = built, cancellationToken),
                Make = (_, _) => Task.FromResult(new TicketTemplate { Name = input.Name.Trim(), Fields = fields }),
            }, template => template.Id, cancellationToken);
        }

        return operations.ChangeAsync(new Change<TicketTemplate>(Capabilities.ManageOrganisation, existingId)
        {
            What = What,
            // An edit is made from the version the designer opened; one without (no row has the empty version) is stale.
            ExpectedVersion = expectedVersion ?? Guid.Empty,
            Input = input,
            Validate = op => ValidateAsync(op.Db, existingId, input, op.Row.Fields, built => fields = built, op.CancellationToken),
            Apply = Steps.Do<TicketTemplate>(op => (op.Row.Name, op.Row.Fields) = (input.Name.Trim(), fields)),
        }, template => template.Id, cancellationToken: cancellationToken);
    }

    /// <summary>No other template of the organisation may have the name; the fields are built (<see cref="BuildFields"/>) for the save.</summary>
    private static async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(WorkTrackrDbContext db, Guid? id, TemplateInput input,
        IReadOnlyList<CustomFieldDefinition> stored, Action<List<CustomFieldDefinition>> built, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name.Trim();
        #pragma warning disable CA1304, CA1311, CA1862 // EF Core turns ToLower() into SQL lower(); these rules are about .NET string code (see dotnet/efcore#21758).
        if (name.Length > 0 && await db.TicketTemplates.AnyAsync(t => t.Id != id && t.Name.ToLower() == name.ToLower(), cancellationToken))
        #pragma warning restore CA1304, CA1311, CA1862
            errors[nameof(TemplateInput.Name)] = ["Another template already has this name."];
        built(BuildFields(input.Fields, stored, errors));
        return errors;
    }

    /// <summary>An inactive template is no longer offered for new tickets; its tickets keep it and show its fields.</summary>
    public Task<Result> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken = default) =>
        operations.ChangeAsync(new Change<TicketTemplate>(Capabilities.ManageOrganisation, id)
        {
            What = What,
            #pragma warning disable CA1304, CA1311, CA1862 // EF Core turns ToLower() into SQL lower(); these rules are about .NET string code (see dotnet/efcore#21758).
            Validate = async op => await Steps.Check((active && await op.Db.TicketTemplates.AnyAsync(
                    t => t.Id != id && t.IsActive && t.Name.ToLower() == op.Row.Name.ToLower(), op.CancellationToken),
            #pragma warning restore CA1304, CA1311, CA1862
                "", "An active template already has this name. Rename one of them first.")),
            Apply = Steps.Do<TicketTemplate>(op => op.Row.IsActive = active),
        }, cancellationToken);

    /// <summary>
    /// The template's stored fields after the designer's edit. Saved fields keep their key and type; new fields get a
    /// key from their label; saved fields missing from the edit are kept as removed, never dropped.
    /// </summary>
    internal static List<CustomFieldDefinition> BuildFields(IReadOnlyList<FieldInput> edited, IReadOnlyList<CustomFieldDefinition> stored,
        Dictionary<string, string[]> errors)
    {
        var saved = stored.ToDictionary(f => f.Key);
        var keys = saved.Keys.ToHashSet();
        var result = new List<CustomFieldDefinition>();
        var liveLabels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.Ordinal); // a saved key may appear once: twice would break every reader
        for (var i = 0; i < edited.Count; i++)
        {
            var field = edited[i];
            var prefix = $"Fields[{i}]";
            CustomFieldDefinition? before = null;
            if (field.Key is { } key && (!saved.TryGetValue(key, out before) || !seen.Add(key)))
            {
                errors[prefix + ".Label"] = ["This field is not in the template as saved. Reload the template."];
                continue;
            }
            if (before is null && field.Removed) continue; // added and taken out again before saving: nothing to keep
            if (before is not null && before.Type != field.Type)
                errors[prefix + ".Type"] = [$"A saved field's type cannot change: tickets hold values typed as {TemplateFieldTypes.Label(before.Type)}. Remove this field and add a new one."];

            var label = field.Label.Trim();
            if (!field.Removed)
            {
                if (label.Length == 0) errors[prefix + ".Label"] = ["Give the field a label."];
                else if (label.Length > FieldInput.MaxLabelLength) errors[prefix + ".Label"] = [DataLimits.TooLongMessage(FieldInput.MaxLabelLength)];
                else if (!liveLabels.Add(label)) errors[prefix + ".Label"] = ["Another field already has this label."];
                if ((field.HelpText?.Trim().Length ?? 0) > FieldInput.MaxHelpLength)
                    errors[prefix + ".HelpText"] = [DataLimits.TooLongMessage(FieldInput.MaxHelpLength)];
                if (field.Type == CustomFieldType.Select)
                {
                    var options = field.Options;
                    if (options.Count == 0) errors[prefix + ".Options"] = ["A select field needs at least one option, one per line."];
                    else if (options.Any(o => o.Length > FieldInput.MaxOptionLength)) errors[prefix + ".Options"] = [$"Keep each option to {FieldInput.MaxOptionLength} characters."];
                    else if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count) errors[prefix + ".Options"] = ["Each option may appear only once."];
                }
            }
            var definition = field.ToDefinition(before?.Key ?? NewKey(label, keys));
            if (before is not null && label.Length == 0) definition.Label = before.Label; // a removed field keeps the label its values are shown under
            result.Add(definition);
        }
        // Saved fields the edit left out stay, as removed, so tickets' values for them still show under their label.
        foreach (var missing in stored.Where(f => result.All(r => r.Key != f.Key)))
        {
            var kept = FieldInput.From(missing).ToDefinition(missing.Key);
            kept.Removed = true;
            result.Add(kept);
        }
        if (result.Count(f => !f.Removed) > MaxFields) errors[nameof(TemplateInput.Fields)] = [$"A template can have at most {MaxFields} fields."];
        return result;
    }

    /// <summary>A readable key from the label, unique among every key the template has ever had.</summary>
    private static string NewKey(string label, HashSet<string> taken)
    {
        var slug = new StringBuilder();
        foreach (var c in label.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '_') slug.Append('_');
            if (slug.Length >= 40) break;
        }
        var stem = slug.ToString().Trim('_');
        if (stem.Length == 0) stem = "field";
        var key = stem;
        for (var n = 2; !taken.Add(key); n++) key = $"{stem}_{n}";
        return key;
    }

    private static async Task<Dictionary<Guid, int>> UsageAsync(WorkTrackrDbContext db, CancellationToken cancellationToken) =>
        await db.Tickets.Where(t => t.TemplateId != null).GroupBy(t => t.TemplateId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
