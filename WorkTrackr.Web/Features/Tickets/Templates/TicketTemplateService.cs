using WorkTrackr.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WorkTrackr.Data;
using WorkTrackr.Data.Tickets;
using WorkTrackr.Web.Infrastructure;
using WorkTrackr.Web.Infrastructure.Authorization;
using WorkTrackr.Web.Infrastructure.Tenancy;

namespace WorkTrackr.Web.Features.Tickets.Templates;

/// <summary>
/// The admins' template designer. A template change never touches tickets: a field keeps its key (so values stay
/// attached) and its type once saved, and a field taken out of the template is kept, flagged as removed, so tickets
/// that hold a value for it still show it.
/// </summary>
public sealed class TicketTemplateService(IDbContextFactory<WorkTrackrDbContext> dbFactory, CurrentUser currentUser)
{
    public const int MaxFields = 50;

    public async Task<Result<IReadOnlyList<TemplateSummary>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageOrganisation)) return Result<IReadOnlyList<TemplateSummary>>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var templates = await db.TicketTemplates.AsNoTracking().OrderByDescending(t => t.IsActive).ThenBy(t => t.Name).ToListAsync(cancellationToken);
        var usage = await UsageAsync(db, cancellationToken);
        return Result<IReadOnlyList<TemplateSummary>>.Ok(templates
            .Select(t => new TemplateSummary(t.Id, t.Name, t.IsActive, t.Fields.Count(f => !f.Removed), t.Fields.Count(f => f.Removed), usage.GetValueOrDefault(t.Id)))
            .ToList());
    }

    public async Task<Result<TemplateEditor>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageOrganisation)) return Result<TemplateEditor>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var template = await db.TicketTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null) return Result<TemplateEditor>.From(Result.NotFound("The template"));
        var tickets = await db.Tickets.CountAsync(t => t.TemplateId == id, cancellationToken);
        var input = new TemplateInput { Name = template.Name, Fields = template.Fields.Select(FieldInput.From).ToList() };
        return Result<TemplateEditor>.Ok(new TemplateEditor(template.Id, template.Version, template.IsActive, tickets, input));
    }

    /// <summary>
    /// Creates a template (<paramref name="id"/> null) or saves the designer's edit of one opened at
    /// <paramref name="expectedVersion"/>. Errors are keyed <c>Name</c> and <c>Fields[i].Label</c>, <c>.Type</c>,
    /// <c>.Options</c>, <c>.HelpText</c>, so the designer shows each beside its field.
    /// </summary>
    public async Task<Result<Guid>> SaveAsync(Guid? id, TemplateInput input, Guid? expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageOrganisation)) return Result<Guid>.From(Result.Forbidden());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        TicketTemplate? template = null;
        if (id is { } existingId)
        {
            template = await db.TicketTemplates.SingleOrDefaultAsync(t => t.Id == existingId, cancellationToken);
            if (template is null) return Result<Guid>.From(Result.NotFound("The template"));
            if (template.Version != expectedVersion) return Result<Guid>.From(Result.Conflict());
        }

        var errors = InputValidation.Errors(input);
        var name = input.Name.Trim();
        if (name.Length > 0 && await db.TicketTemplates.AnyAsync(t => t.Id != id && t.Name.ToLower() == name.ToLower(), cancellationToken))
            errors[nameof(TemplateInput.Name)] = ["Another template already has this name."];
        var fields = BuildFields(input.Fields, template?.Fields ?? [], errors);
        if (errors.Count > 0) return Result<Guid>.From(Result.Invalid(errors));

        if (template is null)
        {
            template = new TicketTemplate { Name = name };
            db.TicketTemplates.Add(template);
        }
        template.Name = name;
        template.Fields = fields;
        var saved = await db.SaveOrConflictAsync(cancellationToken);
        return saved.Succeeded ? Result<Guid>.Ok(template.Id) : Result<Guid>.From(saved);
    }

    /// <summary>An inactive template is no longer offered for new tickets; its tickets keep it and show its fields.</summary>
    public async Task<Result> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken = default)
    {
        if (!currentUser.Can(Capabilities.ManageOrganisation)) return Result.Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var template = await db.TicketTemplates.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null) return Result.NotFound("The template");
        if (active && await db.TicketTemplates.AnyAsync(t => t.Id != id && t.IsActive && t.Name.ToLower() == template.Name.ToLower(), cancellationToken))
            return Result.Invalid("", "An active template already has this name. Rename one of them first.");
        template.IsActive = active;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

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
