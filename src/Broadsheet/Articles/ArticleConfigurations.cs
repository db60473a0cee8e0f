using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Articles;

public sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> e)
    {
        e.Property(p => p.Name).HasMaxLength(200);
        e.Property(p => p.BaseUrl).HasMaxLength(400);
        e.Property(p => p.Language).HasMaxLength(35);
        e.Property(p => p.TimeZone).HasMaxLength(64);
    }
}

public sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> e)
    {
        e.HasIndex(s => s.Path).IsUnique();
        e.Property(s => s.Path).HasMaxLength(200);
        e.Property(s => s.Name).HasMaxLength(120);
        e.HasOne(s => s.Parent).WithMany(s => s.Children).HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(s => s.Slug);
    }
}

public sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> e)
    {
        e.HasIndex(t => t.Slug).IsUnique();
        e.Property(t => t.Slug).HasMaxLength(120);
        e.Property(t => t.Name).HasMaxLength(120);
    }
}

public sealed class ContributorConfiguration : IEntityTypeConfiguration<Contributor>
{
    public void Configure(EntityTypeBuilder<Contributor> e)
    {
        e.HasIndex(c => c.Slug).IsUnique();
        e.Property(c => c.Slug).HasMaxLength(120);
        e.Property(c => c.Name).HasMaxLength(120);
        e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.Email).HasMaxLength(254);
        e.Property(c => c.Expertise).HasConversion(JsonColumn.Converter<List<string>>()).Metadata.SetValueComparer(JsonColumn.Comparer<List<string>>());
        e.Property(c => c.Links).HasConversion(JsonColumn.Converter<List<string>>()).Metadata.SetValueComparer(JsonColumn.Comparer<List<string>>());
        e.HasOne(c => c.Photo).WithMany().HasForeignKey(c => c.PhotoId).OnDelete(DeleteBehavior.SetNull);
        // The account's side of the link (its foreign key) is configured in Accounts, which may name the core.
        e.Property(c => c.UserId).HasMaxLength(450);
        e.HasIndex(c => c.UserId).IsUnique();
    }
}

public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> e)
    {
        e.Property(a => a.Slug).HasMaxLength(200);
        e.Property(a => a.Headline).HasMaxLength(300);
        e.Property(a => a.Language).HasMaxLength(35);
        e.Property(a => a.Dateline).HasMaxLength(120);
        e.Property(a => a.Sponsor).HasMaxLength(ArticleWriter.MaxSponsor);
        e.Property(a => a.Methods).HasMaxLength(ArticleWriter.MaxMethods);
        e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(a => a.Type).HasConversion<string>().HasMaxLength(16);
        e.Property(a => a.Summary).HasConversion(JsonColumn.Converter<List<string>>()).Metadata.SetValueComparer(JsonColumn.Comparer<List<string>>());
        e.Property(a => a.Body).HasConversion(JsonColumn.Converter<List<Block>>()).Metadata.SetValueComparer(JsonColumn.Comparer<List<Block>>());
        e.Property(a => a.Version).IsConcurrencyToken();
        e.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(a => a.HeroImage).WithMany().HasForeignKey(a => a.HeroImageId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(a => a.Topics).WithOne().HasForeignKey(t => t.ArticleId);
        e.HasMany(a => a.Byline).WithOne().HasForeignKey(c => c.ArticleId);
        e.HasMany(a => a.Notes).WithOne().HasForeignKey(n => n.ArticleId);
        // Listings order by (FirstPublishedAt, Id): both in the index, so a page is one range read in order.
        e.HasIndex(a => new { a.Status, a.FirstPublishedAt, a.Id });
        e.HasIndex(a => new { a.SectionId, a.Status, a.FirstPublishedAt, a.Id });
        e.Property(a => a.CreatedById).HasMaxLength(450);
        e.Property(a => a.ModifiedBy).HasMaxLength(120);
        e.Property(a => a.ModifiedById).HasMaxLength(450);
        e.HasIndex(a => a.ModifiedAt);
        e.HasIndex(a => new { a.Status, a.ScheduledFor });
        e.Ignore(a => a.PublicPath);
        e.Ignore(a => a.PrimaryTopic);
    }
}

public sealed class ArticleTopicConfiguration : IEntityTypeConfiguration<ArticleTopic>
{
    public void Configure(EntityTypeBuilder<ArticleTopic> e)
    {
        e.HasKey(t => new { t.ArticleId, t.TopicId });
        e.HasOne(t => t.Topic).WithMany().HasForeignKey(t => t.TopicId).OnDelete(DeleteBehavior.Restrict);
        // A topic's articles newest id first, for its "More on" list (PublishedArticles.ReadingOnAsync).
        e.HasIndex(t => new { t.TopicId, t.ArticleId });
    }
}

public sealed class BylineEntryConfiguration : IEntityTypeConfiguration<BylineEntry>
{
    public void Configure(EntityTypeBuilder<BylineEntry> e)
    {
        e.HasKey(c => new { c.ArticleId, c.ContributorId });
        e.HasOne(c => c.Contributor).WithMany().HasForeignKey(c => c.ContributorId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => c.ContributorId);
    }
}

public sealed class ArticleNoteConfiguration : IEntityTypeConfiguration<ArticleNote>
{
    public void Configure(EntityTypeBuilder<ArticleNote> e)
    {
        e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(n => n.Text).HasMaxLength(2000);
    }
}

public sealed class StandardsPageConfiguration : IEntityTypeConfiguration<StandardsPage>
{
    public void Configure(EntityTypeBuilder<StandardsPage> e)
    {
        e.HasIndex(p => p.Slug).IsUnique();
        e.Property(p => p.Slug).HasMaxLength(120);
        e.Property(p => p.Title).HasMaxLength(200);
        e.Property(p => p.Body).HasConversion(JsonColumn.Converter<List<Block>>()).Metadata.SetValueComparer(JsonColumn.Comparer<List<Block>>());
    }
}
