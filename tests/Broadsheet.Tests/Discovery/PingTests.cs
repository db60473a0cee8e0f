using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Discovery;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Infrastructure;
using Broadsheet.Tests.Reader;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Broadsheet.Tests.Discovery;

/// <summary>
/// WebSub and IndexNow pings, sent to a hub of the test's own: a Kestrel server on loopback that takes WebSub publish
/// notifications and IndexNow submissions as the real services do (and can fail on demand), with the app's clock a
/// <see cref="FakeTimeProvider"/> so retries come when the test moves time on.
/// </summary>
public sealed class PingTests : IAsyncLifetime
{
    private const string Key = "broadsheet-test-key-42";
    private const string BaseUrl = "https://pings.example";
    // Short: every second the clock moves fires the app's one-second timers (scheduled publishing) once more.
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);

    private readonly LocalHub hub = new();
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private ConfiguredApp app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var address = await hub.StartAsync();
        app = new ConfiguredApp(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["Broadsheet:Discovery:WebSubHub"] = address + "hub",
            ["Broadsheet:Discovery:IndexNowKey"] = Key,
            ["Broadsheet:Discovery:IndexNowEndpoint"] = address + "indexnow",
            ["Broadsheet:Discovery:PingRetrySeconds"] = Retry.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broadsheet:Discovery:PingAttempts"] = "3",
        })
        { Clock = clock };
        await app.InScopeAsync(async db =>
        {
            db.Publications.Add(new Publication { Name = "Ping Gazette", BaseUrl = BaseUrl });
            return await db.SaveChangesAsync(Ct);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task Publishing_tells_the_hub_which_feeds_changed_and_IndexNow_which_pages_retrying_failures_a_bounded_number_of_times()
    {
        var admin = app.AdminClient();
        var reader = app.Client();
        await admin.PutSectionAsync("ports", "Ports");
        var id = await admin.CreateArticleAsync(Api.Api.ArticleJson("ports", "Pilots return to the harbour"));
        // The new section, topic and author have their own pings; the article's must be told apart from them.
        await WaitUntilAsync(() => new[] { "/feeds/sections/ports/", "/feeds/topics/diplomacy/", "/feeds/authors/wire-desk/" }.All(feed =>
            hub.Received.Any(p => p.Kind == PingKind.WebSub && p.Status == 204 && p.Urls.Any(u => u.Contains(feed, StringComparison.Ordinal)))));
        // Each change's IndexNow submission goes after its WebSub one; the baseline waits for those too.
        await WaitUntilAsync(() => new[] { "/news/ports", "/topics/diplomacy", "/authors/wire-desk" }.All(page =>
            hub.Received.Any(p => p.Kind == PingKind.IndexNow && p.Urls.Contains(BaseUrl + page))));
        var seen = hub.Received.Count;
        hub.FailWebSub = 1;

        await admin.PublishAsync(id);
        var articleUrl = $"{BaseUrl}/news/ports/article/{id}/pilots-return-to-the-harbour";
        await WaitUntilAsync(() => hub.Received.Skip(seen).Any(p => p.Kind == PingKind.IndexNow && p.Urls.Contains(articleUrl)));
        var indexNow = hub.Received.Skip(seen).First(p => p.Kind == PingKind.IndexNow && p.Urls.Contains(articleUrl));
        Assert.Equal(200, indexNow.Status);
        Assert.Equal("pings.example", indexNow.Host);
        Assert.Equal(Key, indexNow.Key);
        Assert.Equal($"{BaseUrl}/{Key}.txt", indexNow.KeyLocation);
        Assert.Equal([articleUrl, .. new[] { "/authors/wire-desk", "/", "/news/ports", "/topics/diplomacy" }.Select(p => BaseUrl + p)], indexNow.Urls);

        // The hub failed the first notification; it comes again once the retry delay has passed, and not before.
        await WaitUntilAsync(() => hub.Received.Skip(seen).Any(p => p.Kind == PingKind.WebSub));
        Assert.Equal([503], hub.Received.Skip(seen).Where(p => p.Kind == PingKind.WebSub).Select(p => p.Status));
        await WaitUntilAsync(() => hub.Received.Skip(seen).Count(p => p.Kind == PingKind.WebSub) == 2, () => clock.Advance(Retry));
        var webSub = hub.Received.Skip(seen).Where(p => p.Kind == PingKind.WebSub).ToList();
        Assert.Equal(204, webSub[1].Status);
        Assert.Equal(webSub[0].Urls, webSub[1].Urls);
        Assert.Equal("publish", webSub[1].Mode);
        Assert.Equal(
            [.. new[] { "/feeds/atom.xml", "/feeds/rss.xml", "/feeds/sections/ports/atom.xml", "/feeds/sections/ports/rss.xml" }.Select(p => BaseUrl + p)],
            webSub[1].Urls.Where(u => !u.Contains("/authors/", StringComparison.Ordinal) && !u.Contains("/topics/", StringComparison.Ordinal)));

        // The feeds name the hub and themselves, and the key file is served at the root.
        var (feed, _, _) = await FeedTests.LoadAsync(reader, "/feeds/sections/ports/rss.xml");
        Assert.Contains(feed.Links, l => l.RelationshipType == "hub" && l.Uri.ToString() == hub.Address + "hub");
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.ToString() == BaseUrl + "/feeds/sections/ports/rss.xml");
        using var keyFile = await reader.GetAsync($"/{Key}.txt", Ct);
        Assert.Equal(Key, await keyFile.Content.ReadAsStringAsync(Ct));

        // Unpublishing tells IndexNow of the page again, so that engines drop it.
        seen = hub.Received.Count;
        await admin.PostAsync($"/api/admin/articles/{id}/unpublish", null, Ct).ExpectAsync(HttpStatusCode.OK);
        await WaitUntilAsync(() => hub.Received.Skip(seen).Any(p => p.Kind == PingKind.IndexNow && p.Urls.Contains(articleUrl)));

        // A hub that keeps failing gets the configured three attempts, no more, even long after a fourth would have come.
        hub.FailWebSub = int.MaxValue;
        await admin.PutSectionAsync("docks", "Docks");
        bool Docks(Received p) => p.Kind == PingKind.WebSub && p.Urls.Any(u => u.Contains("/docks/", StringComparison.Ordinal));
        await WaitUntilAsync(() => hub.Received.Count(Docks) == 3, () => clock.Advance(Retry));
        clock.Advance(Retry * 16);
        hub.FailWebSub = 0;
        await admin.PutSectionAsync("quays", "Quays");
        await WaitUntilAsync(() => hub.Received.Any(p => p.Kind == PingKind.WebSub && p.Status == 204 && p.Urls.Any(u => u.Contains("/quays/", StringComparison.Ordinal))));
        Assert.Equal(3, hub.Received.Count(Docks));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_change_made_on_a_web_only_process_is_told_once_though_two_workers_share_the_database(DatabaseProvider provider)
    {
        // One worker (role "all"): the test's app on SQLite, an app of the same settings on PostgreSQL. A second worker
        // and a web-only process share its database and clock.
        await using var postgres = provider == DatabaseProvider.PostgreSQL ? new ConfiguredApp(provider, app.Settings) { Clock = clock } : null;
        var first = postgres ?? app;
        if (postgres is not null)
        {
            await postgres.InScopeAsync(async db =>
            {
                db.Publications.Add(new Publication { Name = "Ping Gazette", BaseUrl = BaseUrl });
                return await db.SaveChangesAsync(Ct);
            });
        }
        await using var worker = new ConfiguredApp(provider, Sharing(first, (Roles.Key, "worker"))) { Clock = clock };
        await using var web = new ConfiguredApp(provider, Sharing(first, (Roles.Key, "web"))) { Clock = clock };
        _ = worker.Services;
        await web.AdminClient().PutSectionAsync("moorings", "Moorings");
        bool Moorings(Received p) => p.Urls.Any(u => u.Contains("/moorings", StringComparison.Ordinal));

        // Neither worker heard the change in its own process: they find its rows when they next look, on the clock.
        await WaitUntilAsync(async () => hub.Received.Count(Moorings) >= 2 && await QueuedAsync(first) == 0, () => clock.Advance(TimeSpan.FromSeconds(2)));
        Assert.Equal([PingKind.WebSub, PingKind.IndexNow], hub.Received.Where(Moorings).Select(p => p.Kind));
        Assert.Contains($"{BaseUrl}/news/moorings", hub.Received.Single(p => Moorings(p) && p.Kind == PingKind.IndexNow).Urls);
    }

    [Fact]
    public async Task A_changes_pings_are_written_in_its_transaction_and_rolled_back_with_it()
    {
        var admin = app.AdminClient();
        await admin.PutSectionAsync("quays", "Quays");
        var id = await admin.CreateArticleAsync(Api.Api.ArticleJson("quays", "Quay walls are repaired"));
        await admin.PublishAsync(id);
        var tag = $" {CacheTags.Article(id)} ";
        Task<int> PingsOfAsync(BroadsheetDb db) => db.Set<PendingPing>().CountAsync(p => (" " + p.Tags + " ").Contains(tag), Ct);
        // The publication's own pings go out first.
        await WaitUntilAsync(async () => await app.InScopeAsync(PingsOfAsync) == 0, () => clock.Advance(TimeSpan.FromSeconds(2)));
        var told = hub.Received.Count;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var updated = await scope.ServiceProvider.GetRequiredService<ArticleWriter>().UpdateAsync(id,
                new ArticleInput { Headline = "Quay walls are rebuilt", Section = "quays", Body = new(Markdown: "The walls are rebuilt in stone.") },
                null, new ChangedBy("ping-test", "Ping Test"), Ct);
            Assert.True(updated.Succeeded, updated.Message);
            // The change is not committed, and its pings are already in its transaction: one row for each kind.
            Assert.Equal(2, await PingsOfAsync(db));
            await transaction.RollbackAsync(Ct);
        }

        // Rolled back: the article is as it was, and no ping tells of a change that never happened.
        Assert.Equal("Quay walls are repaired", await app.InScopeAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Headline).SingleAsync(Ct)));
        Assert.Equal(0, await app.InScopeAsync(PingsOfAsync));
        clock.Advance(Retry);
        await app.Services.GetServices<IHostedService>().OfType<PingWorker>().Single().SendDueAsync(Ct);
        Assert.Equal(told, hub.Received.Count);
    }

    [Fact]
    public async Task A_ping_claimed_by_a_worker_that_died_goes_out_once_its_claim_runs_out()
    {
        var now = clock.GetUtcNow();
        await app.InScopeAsync(async db =>
        {
            db.Set<PendingPing>().Add(new PendingPing
            {
                Kind = PingKind.IndexNow, Tags = CacheTags.Section("wharves"), CreatedAt = now, NextAttemptAt = now,
                ClaimedBy = "a worker that was killed", ClaimedUntil = now + TimeSpan.FromMinutes(5),
            });
            return await db.SaveChangesAsync(Ct);
        });
        bool Wharves(Received p) => p.Urls.Contains($"{BaseUrl}/news/wharves");

        // Its claim holds for five minutes: the worker's looks before then leave it alone.
        clock.Advance(TimeSpan.FromMinutes(4));
        await app.Services.GetServices<IHostedService>().OfType<PingWorker>().Single().SendDueAsync(Ct);
        Assert.DoesNotContain(hub.Received, Wharves);
        Assert.Equal(1, await QueuedAsync());

        clock.Advance(TimeSpan.FromMinutes(1.5));
        await WaitUntilAsync(async () => hub.Received.Any(Wharves) && await QueuedAsync() == 0, () => clock.Advance(TimeSpan.FromSeconds(2)));
        Assert.Single(hub.Received, Wharves);
    }

    /// <summary>The settings of an instance on <paramref name="first"/>'s database (its SQLite file, or its PostgreSQL database).</summary>
    private static Dictionary<string, string> Sharing(ConfiguredApp first, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>(first.Settings) { ["Broadsheet:DataPath"] = first.DataPath };
        if (first.Services.GetRequiredService<IConfiguration>().GetConnectionString("Broadsheet") is { Length: > 0 } connection)
        {
            settings["ConnectionStrings:Broadsheet"] = connection;
        }
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    private Task<int> QueuedAsync(BroadsheetApp? on = null) => (on ?? app).InScopeAsync(db => db.Set<PendingPing>().CountAsync(Ct));

    /// <summary>Waits for the condition, doing <paramref name="meanwhile"/> (moving the clock) between looks.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Action? meanwhile = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true within 30 seconds.");
            meanwhile?.Invoke();
            await Task.Delay(20, Ct);
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition, Action? meanwhile = null) =>
        WaitUntilAsync(() => Task.FromResult(condition()), meanwhile);

    public sealed record Received(PingKind Kind, int Status, IReadOnlyList<string> Urls, string? Mode = null, string? Host = null, string? Key = null, string? KeyLocation = null);

    /// <summary>A WebSub hub and an IndexNow endpoint on loopback that record what they are sent.</summary>
    private sealed class LocalHub : IAsyncDisposable
    {
        private readonly ConcurrentQueue<Received> received = new();
        private WebApplication? server;
        private int failWebSub;

        public IReadOnlyList<Received> Received => [.. received];

        public string Address { get; private set; } = "";

        /// <summary>How many WebSub notifications to answer 503 before accepting again.</summary>
        public int FailWebSub
        {
            set => Volatile.Write(ref failWebSub, value);
        }

        public async Task<string> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            server = builder.Build();
            server.MapPost("/hub", async (HttpContext http) =>
            {
                // WebSub publish: a form with hub.mode=publish and the topic URLs as hub.url.
                var form = await http.Request.ReadFormAsync();
                var status = Interlocked.Decrement(ref failWebSub) >= 0 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status204NoContent;
                received.Enqueue(new Received(PingKind.WebSub, status, [.. form["hub.url"].OfType<string>()], form["hub.mode"]));
                return Results.StatusCode(status);
            });
            server.MapPost("/indexnow", async (HttpContext http) =>
            {
                if (http.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
                {
                    return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
                }
                using var body = await JsonDocument.ParseAsync(http.Request.Body);
                var root = body.RootElement;
                received.Enqueue(new Received(PingKind.IndexNow, StatusCodes.Status200OK,
                    [.. root.GetProperty("urlList").EnumerateArray().Select(u => u.GetString()!)], null,
                    root.GetProperty("host").GetString(), root.GetProperty("key").GetString(), root.GetProperty("keyLocation").GetString()));
                return Results.Ok();
            });
            await server.StartAsync();
            Address = server.Urls.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/";
            return Address;
        }

        public async ValueTask DisposeAsync()
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }
}
