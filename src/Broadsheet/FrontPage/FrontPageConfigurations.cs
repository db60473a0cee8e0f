using Broadsheet.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.FrontPage;

public sealed class FrontPageSlotConfiguration : IEntityTypeConfiguration<FrontPageSlot>
{
    public void Configure(EntityTypeBuilder<FrontPageSlot> e)
    {
        e.ToTable("FrontPageSlots");
        e.HasIndex(s => s.Position);
        e.HasIndex(s => s.ArticleId);
        // A deleted article leaves the front page with it.
        e.HasOne(s => s.Article).WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(s => s.IsLead);
    }
}

public sealed class FrontPageRevisionConfiguration : IEntityTypeConfiguration<FrontPageRevision>
{
    public void Configure(EntityTypeBuilder<FrontPageRevision> e)
    {
        e.ToTable("FrontPageRevisions");
        e.Property(r => r.UserId).HasMaxLength(450);
        e.Property(r => r.UserName).HasMaxLength(120);
        e.Property(r => r.Summary).HasMaxLength(300);
        e.HasIndex(r => r.At);
        // Two saves started from the same revision cannot both be stored: the second one's insert fails, and with it its
        // whole save (one transaction), however close together they came.
        e.HasIndex(r => r.BasedOn).IsUnique();
    }
}

public sealed class ArticleReadCountConfiguration : IEntityTypeConfiguration<ArticleReadCount>
{
    public void Configure(EntityTypeBuilder<ArticleReadCount> e)
    {
        e.ToTable("ArticleReadCounts");
        e.HasKey(r => new { r.ArticleId, r.Hour });
        // "Most read" sums the last hours: one range of this index, whatever the number of articles.
        e.HasIndex(r => r.Hour);
        e.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
