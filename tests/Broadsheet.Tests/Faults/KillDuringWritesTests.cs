using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Infrastructure;
using Broadsheet.Tests.Newsroom;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Broadsheet.Tests.Faults;

/// <summary>
/// kill -9 in the middle of a burst of creates and publishes, then a restart on the same database: every write the
/// app acknowledged is there, nothing is half-written, and the app serves as before.
/// </summary>
public class KillDuringWritesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const int Writers = 4;
    private const int AcknowledgedPublishesBeforeKill = 5;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Acknowledged_writes_survive_sigkill_and_nothing_is_half_written(DatabaseProvider provider)
    {
        await using var database = await FaultDatabase.CreateAsync(provider, Ct);
        var prefix = "kill" + Guid.NewGuid().ToString("N")[..6];
        var created = new ConcurrentDictionary<int, string>();
        var published = new ConcurrentDictionary<int, bool>();

        await using (var first = await AppProcess.StartAsync(database.Settings, Ct))
        {
            using var admin = first.AdminClient();
            await admin.PutSectionAsync(prefix, "Kill desk");
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                using var client = first.AdminClient();
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var name = $"{prefix} w{w} n{i}";
                    var article = Api.Api.ArticleJson(prefix, $"Burst story {name}");
                    article["topics"] = new JsonArray($"Topic {name}");
                    article["byline"] = new JsonArray(new JsonObject { ["name"] = $"Writer {name}", ["kind"] = "person" });
                    try
                    {
                        var create = await client.PostAsync("/api/admin/articles", Api.Api.Json(article.ToJsonString()), stop.Token);
                        if (create.StatusCode != HttpStatusCode.Created)
                        {
                            Assert.Fail($"create answered {(int)create.StatusCode}: {await create.Content.ReadAsStringAsync(stop.Token)}");
                        }
                        var id = (await create.ReadJsonAsync())["id"]!.GetValue<int>();
                        created[id] = name;
                        var publish = await client.PostAsync($"/api/admin/articles/{id}/publish", null, stop.Token);
                        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
                        published[id] = true;
                        if (published.Count >= AcknowledgedPublishesBeforeKill)
                        {
                            enough.TrySetResult();
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        // Not acknowledged. Once the process is killed the writer stops; before that (a request timed
                        // out on a loaded machine) it goes on, and the burst's own deadline fails a server that stalls.
                        if (stop.IsCancellationRequested || first.HasExited)
                        {
                            return;
                        }
                    }
                }
            }, Ct)).ToList();

            await Task.WhenAny(enough.Task, Task.WhenAll(writers)).Unwrap().WaitAsync(TimeSpan.FromSeconds(150), Ct);
            await first.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }

        Assert.True(published.Count >= AcknowledgedPublishesBeforeKill);
        // The restart is a new instance on the database the killed process left: what it must cope with is that
        // database (a SQLite WAL to recover, a PostgreSQL server that rolled back the dead connections' transactions),
        // which it meets the same in the test's process, whose code is compiled already, as in a process of its own.
        await using var second = database.InProcessApp();
        using var client = second.Client();
        using var adminAgain = second.AdminClient();

        foreach (var (id, name) in created)
        {
            var article = await adminAgain.GetJsonAsync($"/api/admin/articles/{id}");
            Assert.Equal($"Burst story {name}", article["headline"]!.GetValue<string>());
            if (published.ContainsKey(id))
            {
                Assert.Equal("published", article["status"]!.GetValue<string>());
                await client.GetJsonAsync($"/api/v1/articles/{id}");
            }
        }

        await using (var db = database.Open())
        {
            var ours = db.Articles.Where(a => a.Headline.StartsWith("Burst story " + prefix));
            Assert.Empty(await ours.Where(a => !db.ArticleRevisions.Any(r => r.ArticleId == a.Id)).Select(a => a.Id).ToListAsync(Ct));
            Assert.Empty(await ours.Where(a => !db.Sections.Any(s => s.Id == a.SectionId)).Select(a => a.Id).ToListAsync(Ct));
            Assert.Empty(await ours.Where(a => !db.Set<BylineEntry>().Any(b => b.ArticleId == a.Id)).Select(a => a.Id).ToListAsync(Ct));
            Assert.Empty(await ours.Where(a => !db.Set<ArticleTopic>().Any(t => t.ArticleId == a.Id)).Select(a => a.Id).ToListAsync(Ct));

            // Every topic and author the public API lists is named by an article: none left behind by a create that died.
            var namedTopics = await db.Set<ArticleTopic>().Select(t => t.Topic.Name).Distinct().ToListAsync(Ct);
            var namedAuthors = await db.Set<BylineEntry>().Select(b => b.Contributor.Name).Distinct().ToListAsync(Ct);
            var topics = (await client.GetJsonAsync("/api/v1/topics")).AsArray().Select(t => t!["name"]!.GetValue<string>()).Where(n => n.Contains(prefix, StringComparison.Ordinal));
            var authors = (await client.GetJsonAsync("/api/v1/authors")).AsArray().Select(t => t!["name"]!.GetValue<string>()).Where(n => n.Contains(prefix, StringComparison.Ordinal));
            Assert.Empty(topics.Except(namedTopics));
            Assert.Empty(authors.Except(namedAuthors));
        }

        // And it serves and writes as before.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
        var anyPublished = published.Keys.First();
        var url = (await adminAgain.GetJsonAsync($"/api/admin/articles/{anyPublished}"))["url"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, Ct)).StatusCode);
        var after = await adminAgain.CreateArticleAsync(Api.Api.ArticleJson(prefix, "After the crash"));
        await adminAgain.PublishAsync(after);
    }
}

/// <summary>A database of a fault test's own: a SQLite file in a temporary folder, or a fresh database on the test PostgreSQL server.</summary>
public sealed class FaultDatabase : IAsyncDisposable
{
    private readonly DatabaseProvider provider;
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "broadsheet-tests", Guid.NewGuid().ToString("N"));
    private readonly string? postgresDatabase;
    private readonly string connectionString;

    private FaultDatabase(DatabaseProvider provider, string? postgresDatabase, string connectionString)
    {
        this.provider = provider;
        this.postgresDatabase = postgresDatabase;
        this.connectionString = connectionString.Length > 0 ? connectionString : $"Data Source={Path.Combine(dataPath, "broadsheet.db")}";
        Directory.CreateDirectory(dataPath);
    }

    /// <summary>The app's settings for this database, as environment variables, for a process that lives seconds (<see cref="AppProcess.ShortLived"/>).</summary>
    public Dictionary<string, string> Settings => new(AppProcess.ShortLived)
    {
        ["Broadsheet__DataPath"] = dataPath,
        ["Broadsheet__Database__Provider"] = provider.ToString(),
        ["ConnectionStrings__Broadsheet"] = provider == DatabaseProvider.PostgreSQL ? connectionString : "",
    };

    /// <summary>
    /// The app in the test's own process on this database (a restarted instance, or a second one beside a process), with
    /// <paramref name="settings"/> as environment variables as for <see cref="AppProcess"/> (<c>Broadsheet__Ingest__...</c>).
    /// It makes no database of its own and keeps its log lines.
    /// </summary>
    public LoggedApp InProcessApp(IReadOnlyDictionary<string, string>? settings = null)
    {
        var configuration = new Dictionary<string, string>();
        foreach (var (key, value) in settings ?? Settings)
        {
            // The runtime settings are the process's, not the app's.
            if (!key.StartsWith("DOTNET_", StringComparison.Ordinal))
            {
                configuration[key.Replace("__", ":", StringComparison.Ordinal)] = value;
            }
        }
        return new LoggedApp(provider, configuration);
    }

    /// <summary>A copy of the migrated template, as every test app's database is (the app finds its migrations applied).</summary>
    public static async Task<FaultDatabase> CreateAsync(DatabaseProvider provider, CancellationToken ct)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new FaultDatabase(provider, null, "");
            TestSqlite.CreateMigratedDatabase(Path.Combine(sqlite.dataPath, "broadsheet.db"));
            return sqlite;
        }
        ct.ThrowIfCancellationRequested();
        var name = "broadsheet_fault_" + Guid.NewGuid().ToString("N")[..12];
        await TestPostgres.CreateMigratedDatabaseAsync(name);
        return new FaultDatabase(provider, name, new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Database = name }.ConnectionString);
    }

    /// <summary>The database as the app sees it, for checks the HTTP API cannot make.</summary>
    public BroadsheetDb Open() => provider == DatabaseProvider.PostgreSQL
        ? new PostgresBroadsheetDb(new DbContextOptionsBuilder<PostgresBroadsheetDb>().UseNpgsql(connectionString).Options)
        : new SqliteBroadsheetDb(new DbContextOptionsBuilder<SqliteBroadsheetDb>().UseSqlite(connectionString).Options);

    public async ValueTask DisposeAsync()
    {
        if (postgresDatabase is not null)
        {
            await TestPostgres.DropDatabaseAsync(postgresDatabase);
        }
        else
        {
            // The idle connections of this database alone: Open()'s, and the in-process app's on this data folder.
            foreach (var pooled in new[] { connectionString, Broadsheet.Data.DataExtensions.SqliteConnectionString(dataPath) })
            {
                using var database = new Microsoft.Data.Sqlite.SqliteConnection(pooled);
                Microsoft.Data.Sqlite.SqliteConnection.ClearPool(database);
            }
        }
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
