using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Media;

public sealed class ImageConfiguration : IEntityTypeConfiguration<Image>
{
    public void Configure(EntityTypeBuilder<Image> e)
    {
        e.Property(i => i.OriginalPath).HasMaxLength(400);
        e.Property(i => i.ContentType).HasMaxLength(64);
        e.Property(i => i.Alt).HasMaxLength(500);
        e.Property(i => i.Caption).HasMaxLength(1000);
        e.Property(i => i.Credit).HasMaxLength(200);
        e.Property(i => i.Renditions).HasConversion(JsonColumn.Converter<List<Rendition>>()).Metadata.SetValueComparer(JsonColumn.Comparer<List<Rendition>>());
    }
}
