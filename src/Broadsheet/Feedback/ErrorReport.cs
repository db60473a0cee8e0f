using Broadsheet.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Feedback;

/// <summary>A reader's report of an error in a published article, waiting in the newsroom's queue until an editor resolves it.</summary>
public sealed class ErrorReport
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    /// <summary>What the reader says is wrong, as they wrote it.</summary>
    public required string Details { get; set; }

    /// <summary>Where the reader would like a reply; optional, and never shown outside the newsroom.</summary>
    public string? Email { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }

    /// <summary>What the editor did about it: corrected, no error found, replied.</summary>
    public string? ResolutionNote { get; set; }

    public bool IsOpen => ResolvedAt is null;
}

public sealed class ErrorReportConfiguration : IEntityTypeConfiguration<ErrorReport>
{
    public void Configure(EntityTypeBuilder<ErrorReport> e)
    {
        e.Property(r => r.Details).HasMaxLength(ErrorReports.MaxDetails);
        e.Property(r => r.Email).HasMaxLength(ErrorReports.MaxEmail);
        e.Property(r => r.ResolvedBy).HasMaxLength(256);
        e.Property(r => r.ResolutionNote).HasMaxLength(ErrorReports.MaxNote);
        // Deleting an article deletes the reports about it: they have nothing left to point at.
        e.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        // The queue: open reports first, newest first.
        e.HasIndex(r => new { r.ResolvedAt, r.ReceivedAt });
    }
}
