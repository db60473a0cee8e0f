using System.Text.Json;
using Broadsheet.Accounts;
using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Listen;
using Broadsheet.Media;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

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
    public DbSet<Ingest.WireArrival> WireArrivals => Set<Ingest.WireArrival>();
    public DbSet<Ingest.WireEntry> WireEntries => Set<Ingest.WireEntry>();
    public DbSet<Ingest.WireStory> WireStories => Set<Ingest.WireStory>();
    public DbSet<Ingest.WireSource> WireSources => Set<Ingest.WireSource>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        // Each folder configures the entities it owns (IEntityTypeConfiguration classes beside them).
        b.ApplyConfigurationsFromAssembly(typeof(BroadsheetDb).Assembly);
    }
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

public sealed class PostgresBroadsheetDb(DbContextOptions<PostgresBroadsheetDb> options) : BroadsheetDb(options)
{
    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        // What only PostgreSQL has: the search document's tsvector and its GIN index.
        Search.SearchDocumentConfiguration.ConfigurePostgres(b);
    }
}
