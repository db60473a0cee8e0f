using System.Reflection;
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

    /// <summary>
    /// Each folder configures the entities it owns (<see cref="IEntityTypeConfiguration{TEntity}"/> classes beside them);
    /// these are all of them, by full name, the order <c>ApplyConfigurationsFromAssembly</c> takes. They are listed rather
    /// than found: finding them loads every type of the assembly (every page, endpoint, command and async state machine,
    /// the XML and mail libraries some of them name) into every process at its first context, which a web process serving
    /// readers never uses (docs/benchmarks.md, "Memory, fourth round"). A test checks that this names every configuration
    /// in the assembly.
    /// </summary>
    internal static readonly Type[] EntityConfigurations =
    [
        typeof(Accounts.ApiKeyConfiguration),
        typeof(Accounts.NewsroomRoleConfiguration),
        typeof(Accounts.NewsroomUserConfiguration),
        typeof(Ads.AdCreativeConfiguration),
        typeof(Articles.ArticleConfiguration),
        typeof(Articles.ArticleNoteConfiguration),
        typeof(Articles.ArticleTopicConfiguration),
        typeof(Articles.BylineEntryConfiguration),
        typeof(Articles.ContributorConfiguration),
        typeof(Articles.ListingCountConfiguration),
        typeof(Articles.PublicationConfiguration),
        typeof(Articles.SectionConfiguration),
        typeof(Articles.StandardsPageConfiguration),
        typeof(Articles.TopicConfiguration),
        typeof(Articles.Workflow.ArticleAutosaveConfiguration),
        typeof(Articles.Workflow.ArticleRevisionConfiguration),
        typeof(Articles.Workflow.AuditEntryConfiguration),
        typeof(Discovery.PendingPingConfiguration),
        typeof(Feedback.ErrorReportConfiguration),
        typeof(FrontPage.ArticleReadCountConfiguration),
        typeof(FrontPage.FrontPageRevisionConfiguration),
        typeof(FrontPage.FrontPageSlotConfiguration),
        typeof(Ingest.Doors.WireFeedStateConfiguration),
        typeof(Ingest.WireConfigurations),
        typeof(Ingest.WordPress.WordPressImportRecordConfiguration),
        typeof(Listen.ArticleAudioConfiguration),
        typeof(Listen.ArticleScriptConfiguration),
        typeof(Media.ImageConfiguration),
        typeof(Search.SearchDocumentConfiguration),
    ];

    private static readonly MethodInfo ApplyConfiguration = typeof(ModelBuilder).GetMethods().Single(m =>
        m.Name == nameof(ModelBuilder.ApplyConfiguration) && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>));

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        foreach (var type in EntityConfigurations)
        {
            var configuration = Activator.CreateInstance(type);
            foreach (var entity in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)))
            {
                ApplyConfiguration.MakeGenericMethod(entity.GenericTypeArguments[0]).Invoke(b, [configuration]);
            }
        }
    }

    /// <summary>Whether this is the PostgreSQL context, asked without loading the Npgsql provider's assembly (as <c>IsNpgsql()</c> does) into a SQLite process.</summary>
    public bool IsPostgres => this is PostgresBroadsheetDb;

    /// <summary>Whether this is the SQLite context, asked the same way as <see cref="IsPostgres"/>.</summary>
    public bool IsSqlite => this is SqliteBroadsheetDb;
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
