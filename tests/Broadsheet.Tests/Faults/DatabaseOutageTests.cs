using System.Net;
using Broadsheet.Data;
using Broadsheet.Tests.Api;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Broadsheet.Tests.Faults;

/// <summary>
/// The database stopped and started under read load. PostgreSQL only: a SQLite file cannot go away under a running
/// process (its open connections keep the file; a lock in WAL mode holds back writers, never readers), so for SQLite
/// the test below checks that the errors a locked or unreadable file raises are the ones recognised as an outage.
/// </summary>
public class DatabaseOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostgreSQL_down_cached_pages_served_uncached_503_no_spin_and_recovery_without_restart()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync(Ct);
        // Compiled once each, quickly, and never again (AppProcess.ShortLived): no background compilation in the CPU
        // measured below either.
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>(AppProcess.ShortLived)
        {
            ["Broadsheet__Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Broadsheet"] = postgres.ConnectionString + ";Timeout=5",
            ["Broadsheet__DataPath"] = Path.Combine(Path.GetTempPath(), "broadsheet-tests", Guid.NewGuid().ToString("N")),
        }, Ct);
        using var admin = app.AdminClient();
        using var client = app.Client();
        await admin.PutSectionAsync("outage", "Outage desk");
        var seen = await admin.CreateArticleAsync(Api.Api.ArticleJson("outage", "Read before the outage"));
        var seenUrl = (await admin.PublishAsync(seen))["url"]!.GetValue<string>();
        var unseen = await admin.CreateArticleAsync(Api.Api.ArticleJson("outage", "First read after the outage"));
        var unseenUrl = (await admin.PublishAsync(unseen))["url"]!.GetValue<string>();
        string[] cached = ["/", seenUrl, $"/api/v1/articles/{seen}"];
        foreach (var url in cached)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, Ct)).StatusCode);
        }

        // Counted before the stop: the scheduled publisher, polling every second, may notice the outage first.
        var linesBefore = app.LineCount;
        await postgres.StopAsync(Ct);
        var requests = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            using var reader = app.Client();
            for (var i = 0; i < 25; i++)
            {
                Interlocked.Add(ref requests, 3);
                foreach (var url in cached)
                {
                    var page = await reader.GetAsync(url, Ct);
                    Assert.True(page.StatusCode == HttpStatusCode.OK, $"{url} (cached) answered {(int)page.StatusCode} with the database down");
                }
                await AssertUnavailableAsync(reader, $"/news/outage/article/{900000 + worker * 100 + i}", "text/html");
                await AssertUnavailableAsync(reader, $"/api/v1/articles/{900000 + worker * 100 + i}", "application/problem+json");
            }
        }, Ct)));

        // No busy loop: over a stretch of light load the process uses a small part of one core.
        var cpuBefore = app.CpuTime;
        var stretch = System.Diagnostics.Stopwatch.StartNew();
        while (stretch.Elapsed < TimeSpan.FromSeconds(2))
        {
            await AssertUnavailableAsync(client, unseenUrl, "text/html");
            await Task.Delay(200, Ct);
        }
        var cpu = app.CpuTime - cpuBefore;
        Assert.True(cpu < stretch.Elapsed * 0.4, $"{cpu.TotalMilliseconds:0} ms of CPU in {stretch.Elapsed.TotalMilliseconds:0} ms of outage under light load");

        // Bounded log: a warning for the outage, not a stack trace per request.
        var outageLog = string.Join('\n', app.Log.Split('\n').Skip(linesBefore));
        Assert.True(app.LineCount - linesBefore < 40, $"{app.LineCount - linesBefore} log lines for {requests} requests:\n{outageLog}");
        Assert.Contains("The database is unavailable", outageLog, StringComparison.Ordinal);

        await postgres.StartAgainAsync(Ct);
        await AppProcess.WaitUntilAsync(async () => (await client.GetAsync(unseenUrl, Ct)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the article read for the first time after the outage answers 200", Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/articles/{unseen}", Ct)).StatusCode);
        var more = await admin.CreateArticleAsync(Api.Api.ArticleJson("outage", "Written after the outage"));
        await admin.PublishAsync(more);
        Assert.False(app.HasExited);
    }

    private static async Task AssertUnavailableAsync(HttpClient client, string url, string mediaType)
    {
        var response = await client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url} answered {(int)response.StatusCode} with the database down: {body}");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{url}: no Retry-After");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_errors_of_an_unreachable_database_are_recognised_and_others_are_not()
    {
        // A SQLite file that cannot be opened.
        await using (var missing = new SqliteConnection($"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "none.db")};Mode=ReadWrite"))
        {
            var cannotOpen = await Assert.ThrowsAsync<SqliteException>(() => missing.OpenAsync(Ct));
            Assert.True(DatabaseOutage.IsUnavailable(new InvalidOperationException("wrapped", cannotOpen)));
        }

        // A SQLite file another connection holds locked.
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".db");
        try
        {
            await using var holder = new SqliteConnection($"Data Source={path};Pooling=False");
            await holder.OpenAsync(Ct);
            await using (var wrong = holder.CreateCommand())
            {
                // A query that is simply wrong is a 500, not an outage.
                wrong.CommandText = "SELECT nonsense FROM nowhere";
                Assert.False(DatabaseOutage.IsUnavailable(await Assert.ThrowsAsync<SqliteException>(() => wrong.ExecuteScalarAsync(Ct))));
            }
            await using (var setup = holder.CreateCommand())
            {
                setup.CommandText = "CREATE TABLE t (x INTEGER); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);";
                await setup.ExecuteNonQueryAsync(Ct);
            }
            await using var other = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=1");
            await other.OpenAsync(Ct);
            await using var read = other.CreateCommand();
            read.CommandText = "SELECT count(*) FROM t";
            Assert.True(DatabaseOutage.IsUnavailable(await Assert.ThrowsAsync<SqliteException>(() => read.ExecuteScalarAsync(Ct))));

        }
        finally
        {
            File.Delete(path);
        }

        // A PostgreSQL server nobody runs.
        await using var refused = new NpgsqlConnection($"Host=127.0.0.1;Port={AppProcess.FreePort()};Username=postgres;Timeout=3");
        Assert.True(DatabaseOutage.IsUnavailable(await Assert.ThrowsAnyAsync<NpgsqlException>(() => refused.OpenAsync(Ct))));
        Assert.False(DatabaseOutage.IsUnavailable(new InvalidOperationException("Sequence contains no elements")));
    }
}
