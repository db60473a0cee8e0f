using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Broadsheet.Data;

public static class DataExtensions
{
    /// <summary>Registers <see cref="BroadsheetDb"/> on the configured provider, with every registered EF Core interceptor (cache eviction: <c>Articles.ContentChanges</c>).</summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(BroadsheetOptions.Section).Get<BroadsheetOptions>() ?? new BroadsheetOptions();
        var connectionString = builder.Configuration.GetConnectionString("Broadsheet");
        builder.Services.AddSingleton<DatabaseOutage>();
        builder.Services.AddExceptionHandler<DatabaseOutageHandler>();
        switch (options.Database.Provider)
        {
            case DatabaseProvider.PostgreSQL:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new OptionsValidationException(BroadsheetOptions.Section, typeof(BroadsheetOptions),
                        ["Broadsheet:Database:Provider is PostgreSQL, so ConnectionStrings:Broadsheet (ConnectionStrings__Broadsheet) must be set."]);
                }
                builder.Services.AddDbContextPool<BroadsheetDb, PostgresBroadsheetDb>((s, o) => o.UseNpgsql(WithPostgresDefaults(connectionString)).AddInterceptors(s.GetServices<IInterceptor>()).ConfigureWarnings(Warnings));
                break;
            default:
                var dataPath = Path.GetFullPath(options.DataPath);
                Directory.CreateDirectory(dataPath);
                // A private cache per connection, not SQLite's shared cache: in WAL mode readers never block the writer,
                // and writers queue on BEGIN IMMEDIATE. Shared-cache connections lock tables instead, and two writers
                // that each hold a table the other wants wait out the whole command timeout (30 s), then fail with
                // "database table is locked" (Faults/KillDuringWritesTests: four writers at once).
                var sqlite = string.IsNullOrWhiteSpace(connectionString) ? SqliteConnectionString(dataPath) : connectionString;
                builder.Services.AddDbContextPool<BroadsheetDb, SqliteBroadsheetDb>((s, o) => o.UseSqlite(sqlite).AddInterceptors(s.GetServices<IInterceptor>()).AddInterceptors(SqliteDurability.Instance).ConfigureWarnings(Warnings));
                break;
        }
        return builder;
    }

    /// <summary>The SQLite database in the data folder, as the app opens it when no connection string is set.</summary>
    public static string SqliteConnectionString(string dataPath) => $"Data Source={Path.Combine(dataPath, "broadsheet.db")};Pooling=True";

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on and its reset on return to the pool off, unless the
    /// operator set either. Prepared, the statements every write repeats (a wire item runs about thirty) are parsed and
    /// planned once per connection instead of each time, which is a third of PostgreSQL's CPU per ingested item; and the
    /// application keeps no session state (no <c>SET</c>, advisory locks, <c>LISTEN</c> or temporary tables), so the
    /// reset's statements each time a connection goes back to the pool would discard nothing. Prepared statements are
    /// planned for their parameters each time (<c>plan_cache_mode = force_custom_plan</c>, unless the operator passes
    /// <c>Options</c>): PostgreSQL's generic plan, which it switches to after five runs, knows neither the search words
    /// nor a topic's size, and at a million articles it made one-word search four times slower and a rare topic's page
    /// six times slower (docs/benchmarks.md). Parsing stays saved; planning these statements costs little.
    /// </summary>
    internal static string WithPostgresDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("maxautoprepare"))
        {
            builder.MaxAutoPrepare = 100;
        }
        if (!given.Contains("autoprepareminusages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }
        if (!given.Contains("noresetonclose"))
        {
            builder.NoResetOnClose = true;
        }
        if (!given.Contains("options"))
        {
            builder.Options = "-c plan_cache_mode=force_custom_plan";
        }
        return builder.ConnectionString;
    }

    /// <summary>
    /// EF Core logs every failed query, save and connection as an error with its stack trace. A failure that reaches
    /// a request is logged by the exception handler (once per outage window when the database is down), and one that
    /// code catches is its own to log; the copies would only multiply an outage's log by the request rate.
    /// The check <c>MigrateAsync</c> makes at each start, that the model matches the migrations, diffs the whole model
    /// at every start and every command's run (2.5% of the CPU of a test process that starts the app 119 times): model
    /// and migrations are built and shipped together, so the tests make that check for each provider on every build
    /// instead (tests: Unit/MigrationsTests).
    /// </summary>
    private static void Warnings(WarningsConfigurationBuilder warnings) => warnings
        .Log(
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug))
        .Ignore(RelationalEventId.PendingModelChangesWarning);

    /// <summary>Applies migrations and the schema they cannot express (<see cref="IDatabaseSetup"/>), unless turned off.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<BroadsheetOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        if (db.IsSqlite)
        {
            // WAL lets readers carry on while a writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        if (!options.Database.ApplyMigrations)
        {
            // The schema is the operator's then, all of it: the setups are part of it.
            return;
        }
        await db.Database.MigrateAsync();
        foreach (var setup in scope.ServiceProvider.GetServices<IDatabaseSetup>())
        {
            await setup.ApplyAsync(db, CancellationToken.None);
        }
    }
}

/// <summary>
/// Extension point: database objects the EF model cannot express (an FTS5 table, its triggers), applied idempotently
/// at every start after the migrations, so that regenerating the migration never loses them.
/// </summary>
public interface IDatabaseSetup
{
    Task ApplyAsync(BroadsheetDb db, CancellationToken ct);
}

/// <summary>Lets <c>dotnet ef</c> build each provider's context without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBroadsheetDb>
{
    public SqliteBroadsheetDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBroadsheetDb>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBroadsheetDb>
{
    public PostgresBroadsheetDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBroadsheetDb>().UseNpgsql("Host=localhost;Database=broadsheet_design").Options);
}
