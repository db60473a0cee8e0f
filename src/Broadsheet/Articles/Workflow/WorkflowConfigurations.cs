using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Articles.Workflow;

public sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> e)
    {
        // No foreign key: the history outlives a deleted article, like the audit log.
        e.HasIndex(r => new { r.ArticleId, r.Version });
        e.Property(r => r.UserId).HasMaxLength(450);
        e.Property(r => r.UserName).HasMaxLength(120);
        e.Property(r => r.Summary).HasMaxLength(200);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.HasIndex(a => a.At);
        e.HasIndex(a => new { a.ArticleId, a.At });
        e.Property(a => a.Action).HasConversion<string>().HasMaxLength(24);
        e.Property(a => a.Headline).HasMaxLength(300);
        e.Property(a => a.UserId).HasMaxLength(450);
        e.Property(a => a.UserName).HasMaxLength(120);
        e.Property(a => a.Detail).HasMaxLength(2000);
    }
}

public sealed class ArticleAutosaveConfiguration : IEntityTypeConfiguration<ArticleAutosave>
{
    public void Configure(EntityTypeBuilder<ArticleAutosave> e)
    {
        e.HasIndex(a => new { a.UserId, a.ArticleId }).IsUnique();
        e.Property(a => a.UserId).HasMaxLength(450);
    }
}
