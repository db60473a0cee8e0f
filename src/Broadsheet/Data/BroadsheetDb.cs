using System.Text.Json;
using Broadsheet.Accounts;
using Broadsheet.Ads;
using Broadsheet.Api;
using Broadsheet.Articles;
using Broadsheet.Listen;
using Broadsheet.Media;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Broadsheet.Data;

/// <summary>
/// The one EF Core context. Each provider has a subclass so that each keeps its own migrations
/// (<see cref="SqliteBroadsheetDb"/>, <see cref="PostgresBroadsheetDb"/>); the model is shared.
/// Newsroom accounts (ASP.NET Core Identity) live in the same database.
/// </summary>
public abstract class BroadsheetDb(DbContextOptions options) : IdentityDbContext<NewsroomUser, IdentityRole, string>(options)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<Contributor> Contributors => Set<Contributor>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleNote> ArticleNotes => Set<ArticleNote>();
    public DbSet<StandardsPage> StandardsPages => Set<StandardsPage>();
    public DbSet<Image> Images => Set<Image>();
    public DbSet<AdCreative> AdCreatives => Set<AdCreative>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Articles.Workflow.ArticleRevision> ArticleRevisions => Set<Articles.Workflow.ArticleRevision>();
    public DbSet<Articles.Workflow.AuditEntry> AuditEntries => Set<Articles.Workflow.AuditEntry>();
    public DbSet<Articles.Workflow.ArticleAutosave> ArticleAutosaves => Set<Articles.Workflow.ArticleAutosave>();
    public DbSet<ArticleAudio> ArticleAudio => Set<ArticleAudio>();
    public DbSet<ArticleScript> ArticleScripts => Set<ArticleScript>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<NewsroomUser>(e => e.Property(u => u.DisplayName).HasMaxLength(120));
        b.Entity<IdentityRole>().HasData(NewsroomRoles.Seed);

        b.Entity<Publication>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.BaseUrl).HasMaxLength(400);
            e.Property(p => p.Language).HasMaxLength(35);
            e.Property(p => p.TimeZone).HasMaxLength(64);
        });

        b.Entity<Section>(e =>
        {
            e.HasIndex(s => s.Path).IsUnique();
            e.Property(s => s.Path).HasMaxLength(200);
            e.Property(s => s.Name).HasMaxLength(120);
            e.HasOne(s => s.Parent).WithMany(s => s.Children).HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(s => s.Slug);
        });

        b.Entity<Topic>(e =>
        {
            e.HasIndex(t => t.Slug).IsUnique();
            e.Property(t => t.Slug).HasMaxLength(120);
            e.Property(t => t.Name).HasMaxLength(120);
        });

        b.Entity<Contributor>(e =>
        {
            e.HasIndex(c => c.Slug).IsUnique();
            e.Property(c => c.Slug).HasMaxLength(120);
            e.Property(c => c.Name).HasMaxLength(120);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        });

        b.Entity<Article>(e =>
        {
            e.Property(a => a.Slug).HasMaxLength(200);
            e.Property(a => a.Headline).HasMaxLength(300);
            e.Property(a => a.Language).HasMaxLength(35);
            e.Property(a => a.Dateline).HasMaxLength(120);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Type).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Summary).HasConversion(JsonConverter<List<string>>()).Metadata.SetValueComparer(JsonComparer<List<string>>());
            e.Property(a => a.Body).HasConversion(JsonConverter<List<Block>>()).Metadata.SetValueComparer(JsonComparer<List<Block>>());
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.HeroImage).WithMany().HasForeignKey(a => a.HeroImageId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(a => a.Topics).WithOne().HasForeignKey(t => t.ArticleId);
            e.HasMany(a => a.Byline).WithOne().HasForeignKey(c => c.ArticleId);
            e.HasMany(a => a.Notes).WithOne().HasForeignKey(n => n.ArticleId);
            e.HasIndex(a => new { a.Status, a.FirstPublishedAt });
            e.HasIndex(a => new { a.SectionId, a.Status, a.FirstPublishedAt });
            e.Property(a => a.CreatedById).HasMaxLength(450);
            e.Property(a => a.ModifiedBy).HasMaxLength(120);
            e.Property(a => a.ModifiedById).HasMaxLength(450);
            e.HasIndex(a => a.ModifiedAt);
            e.HasIndex(a => new { a.Status, a.ScheduledFor });
            e.Ignore(a => a.PublicPath);
            e.Ignore(a => a.PrimaryTopic);
        });

        b.Entity<ArticleTopic>(e =>
        {
            e.HasKey(t => new { t.ArticleId, t.TopicId });
            e.HasOne(t => t.Topic).WithMany().HasForeignKey(t => t.TopicId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => t.TopicId);
        });

        b.Entity<BylineEntry>(e =>
        {
            e.HasKey(c => new { c.ArticleId, c.ContributorId });
            e.HasOne(c => c.Contributor).WithMany().HasForeignKey(c => c.ContributorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.ContributorId);
        });

        b.Entity<ArticleNote>(e =>
        {
            e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(n => n.Text).HasMaxLength(2000);
        });

        b.Entity<StandardsPage>(e =>
        {
            e.HasIndex(p => p.Slug).IsUnique();
            e.Property(p => p.Slug).HasMaxLength(120);
            e.Property(p => p.Title).HasMaxLength(200);
            e.Property(p => p.Body).HasConversion(JsonConverter<List<Block>>()).Metadata.SetValueComparer(JsonComparer<List<Block>>());
        });

        b.Entity<Image>(e =>
        {
            e.Property(i => i.OriginalPath).HasMaxLength(400);
            e.Property(i => i.ContentType).HasMaxLength(64);
            e.Property(i => i.Alt).HasMaxLength(500);
            e.Property(i => i.Caption).HasMaxLength(1000);
            e.Property(i => i.Credit).HasMaxLength(200);
            e.Property(i => i.Renditions).HasConversion(JsonConverter<List<Rendition>>()).Metadata.SetValueComparer(JsonComparer<List<Rendition>>());
        });

        b.Entity<AdCreative>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.LinkUrl).HasMaxLength(1000);
            e.Property(a => a.Alt).HasMaxLength(500);
            e.Property(a => a.SectionPath).HasMaxLength(200);
            e.Property(a => a.TopicSlug).HasMaxLength(120);
            e.HasOne(a => a.Image).WithMany().HasForeignKey(a => a.ImageId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Articles.Workflow.ArticleRevision>(e =>
        {
            // No foreign key: the history outlives a deleted article, like the audit log.
            e.HasIndex(r => new { r.ArticleId, r.Version });
            e.Property(r => r.UserId).HasMaxLength(450);
            e.Property(r => r.UserName).HasMaxLength(120);
            e.Property(r => r.Summary).HasMaxLength(200);
        });

        b.Entity<Articles.Workflow.AuditEntry>(e =>
        {
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.ArticleId, a.At });
            e.Property(a => a.Action).HasConversion<string>().HasMaxLength(24);
            e.Property(a => a.Headline).HasMaxLength(300);
            e.Property(a => a.UserId).HasMaxLength(450);
            e.Property(a => a.UserName).HasMaxLength(120);
            e.Property(a => a.Detail).HasMaxLength(2000);
        });

        b.Entity<Articles.Workflow.ArticleAutosave>(e =>
        {
            e.HasIndex(a => new { a.UserId, a.ArticleId }).IsUnique();
            e.Property(a => a.UserId).HasMaxLength(450);
        });

        b.Entity<ApiKey>(e =>
        {
            e.Property(k => k.Name).HasMaxLength(120);
            e.Property(k => k.Hash).HasMaxLength(64);
            e.HasIndex(k => k.Hash).IsUnique();
        });

        AudioModel.Configure(b);
    }

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> JsonConverter<T>()
        where T : class =>
        new(v => JsonSerializer.Serialize(v, Json), s => JsonSerializer.Deserialize<T>(s, Json)!);

    private static ValueComparer<T> JsonComparer<T>()
        where T : class =>
        new(
            (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
            v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json), Json)!);
}

public sealed class SqliteBroadsheetDb(DbContextOptions<SqliteBroadsheetDb> options) : BroadsheetDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no type that orders DateTimeOffset; UTC ticks sort and compare correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}

public sealed class PostgresBroadsheetDb(DbContextOptions<PostgresBroadsheetDb> options) : BroadsheetDb(options);
