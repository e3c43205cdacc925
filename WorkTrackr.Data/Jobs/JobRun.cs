using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkTrackr.Data.Common;

namespace WorkTrackr.Data.Jobs;

/// <summary>One run of a background job on one node: when, how long, how much it did, and how it ended.</summary>
public class JobRun
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Job { get; set; }
    public DateTime StartedAt { get; set; }
    public int DurationMs { get; set; }
    public bool Succeeded { get; set; }
    /// <summary>Rows the run handled (PDFs stored, emails sent, reminders given, invoices marked overdue).</summary>
    public int Processed { get; set; }
    public string? Error { get; set; }
}

public class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.Property(r => r.Job).HasMaxLength(DataLimits.UnitLength);
        builder.Property(r => r.Error).HasMaxLength(DataLimits.ErrorLength);
        builder.HasIndex(r => r.StartedAt);
    }
}
