using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Ads;

public sealed class AdCreativeConfiguration : IEntityTypeConfiguration<AdCreative>
{
    public void Configure(EntityTypeBuilder<AdCreative> e)
    {
        e.Property(a => a.Name).HasMaxLength(200);
        e.Property(a => a.LinkUrl).HasMaxLength(1000);
        e.Property(a => a.Alt).HasMaxLength(500);
        e.Property(a => a.SectionPath).HasMaxLength(200);
        e.Property(a => a.TopicSlug).HasMaxLength(120);
        e.HasOne(a => a.Image).WithMany().HasForeignKey(a => a.ImageId).OnDelete(DeleteBehavior.Restrict);
    }
}
