using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Tickets;

public enum CustomFieldType { Text = 0, MultiLine = 1, Number = 2, Date = 3, Select = 4, Checkbox = 5 }

/// <summary>One custom field of a template. <see cref="Key"/> is stable across renames so ticket values stay attached.</summary>
public class CustomFieldDefinition
{
    public required string Key { get; set; }
    public required string Label { get; set; }
    public CustomFieldType Type { get; set; }
    public bool Required { get; set; }
    public string? HelpText { get; set; }
    public List<string> Options { get; set; } = [];
    /// <summary>
    /// Removed from the template: new tickets no longer ask for it, but tickets that have a value keep showing it
    /// under this label, marked as from a removed field.
    /// </summary>
    public bool Removed { get; set; }
}

public class TicketTemplate : Entity, IOrganisationOwned, IConcurrencyVersioned, ISoftDeletable
{
    public Guid OrganisationId { get; set; }
    public required string Name { get; set; }
    /// <summary>In display order.</summary>
    public List<CustomFieldDefinition> Fields { get; set; } = [];
    public bool IsActive { get; set; } = true;
    /// <summary>Two admins editing one template: the second save is refused instead of dropping the first one's fields.</summary>
    public Guid Version { get; set; }
}

public class TicketTemplateConfiguration : IEntityTypeConfiguration<TicketTemplate>
{
    public void Configure(EntityTypeBuilder<TicketTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(DataLimits.NameLength);
        builder.Property(t => t.Fields).HasJsonConversion();
        // The column was added to existing rows (SQLite cannot add a NOT NULL column without a default); the value
        // equals the CLR default, so EF never relies on it and the interceptor sets a fresh version on every save.
        builder.Property(t => t.Version).HasDefaultValue(Guid.Empty);
        builder.HasIndex(t => new { t.OrganisationId, t.Name });
    }
}
