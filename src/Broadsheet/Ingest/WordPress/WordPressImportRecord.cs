using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Ingest.WordPress;

/// <summary>
/// What an import made of one WordPress item (a post or an attachment), keyed by the site and the item's id: a second
/// run, or one resumed after an interruption, finds it here and skips it, so nothing is imported twice.
/// </summary>
public sealed class WordPressImportRecord
{
    public const string Post = "post";
    public const string Attachment = "attachment";

    public int Id { get; set; }

    /// <summary>The site's address as its export gives it (<c>wp:base_site_url</c>), without a trailing slash.</summary>
    public required string Site { get; set; }

    public required string Kind { get; set; }

    public long WordPressId { get; set; }

    public int? ArticleId { get; set; }

    public Guid? ImageId { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}

public sealed class WordPressImportRecordConfiguration : IEntityTypeConfiguration<WordPressImportRecord>
{
    public void Configure(EntityTypeBuilder<WordPressImportRecord> e)
    {
        e.ToTable("WordPressImports");
        e.HasIndex(r => new { r.Site, r.Kind, r.WordPressId }).IsUnique();
        e.Property(r => r.Site).HasMaxLength(400);
        e.Property(r => r.Kind).HasMaxLength(16);
    }
}
