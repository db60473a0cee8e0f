using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Broadsheet.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the test command starts (<c>./test.sh</c>) and names in
/// <c>BROADSHEET_TEST_POSTGRES</c>. Without it the PostgreSQL tests fail: they never skip.
/// </summary>
public static class TestPostgres
{
    // Any fixed number: the advisory lock that lets one test process at a time make the template.
    private const long TemplateLock = 0x62726f6164;

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? template;

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("BROADSHEET_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "BROADSHEET_TEST_POSTGRES is not set. Run the tests with ./test.sh, which starts a PostgreSQL server, " +
                "or point the variable at one (e.g. Host=127.0.0.1;Port=5432;Username=postgres).");

    /// <summary>
    /// Creates database <paramref name="name"/> as a copy of a migrated template: copying is a fraction of the cost
    /// of migrating every test app's database. The app still runs its migrations at start-up and finds them applied.
    /// </summary>
    public static async Task CreateMigratedDatabaseAsync(string name)
    {
        var source = await TemplateAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        // FILE_COPY copies the template's files as they are, where the default (WAL_LOG) writes every block through the
        // write-ahead log: 55 against 130 ms of the server's CPU per database here, and an app's start waits for it.
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{source}\" STRATEGY FILE_COPY", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DropDatabaseAsync(string name)
    {
        // WITH (FORCE) ends the dropped database's pooled connections. Clearing every pool here would also close the
        // idle connections of the apps still running beside it, which then open new ones (a server process each).
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The template for the current migrations, named after the last of them so that a server kept between runs
    /// reuses it and a new migration gets a new one. Made under a new name and renamed when complete, under an
    /// advisory lock, so test processes running side by side neither collide nor copy half a template.
    /// </summary>
    private static async Task<string> TemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (template is not null)
            {
                return template;
            }
            string lastMigration;
            await using (var design = new PostgresDesignTimeFactory().CreateDbContext([]))
            {
                lastMigration = design.Database.GetMigrations().Last();
            }
            // PostgreSQL cuts names at 63 bytes; cut them here so that the lookup finds what the server stored.
            var name = Truncate($"broadsheet_template_{lastMigration}".ToLowerInvariant());
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({TemplateLock})");
            try
            {
                await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
                exists.Parameters.AddWithValue("name", name);
                if ((long)(await exists.ExecuteScalarAsync())! == 0)
                {
                    var building = Truncate($"{name[..Math.Min(name.Length, 40)]}_{Guid.NewGuid():N}");
                    var options = new DbContextOptionsBuilder<PostgresBroadsheetDb>()
                        .UseNpgsql(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = building, Pooling = false }.ConnectionString)
                        .Options;
                    await using (var db = new PostgresBroadsheetDb(options))
                    {
                        await db.Database.MigrateAsync();
                    }
                    await ExecuteAsync(connection, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
                }
            }
            finally
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({TemplateLock})");
            }
            return template = name;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static string Truncate(string name) => name.Length <= 63 ? name : name[..63];

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
