using System.Net;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Reader;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Broadsheet.Tests.Faults;

/// <summary>Redis (the shared output cache) stopped and started under a running app: pages are served throughout, and evictions work again once it is back.</summary>
public class RedisOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_are_served_while_Redis_is_down_and_eviction_resumes_when_it_returns()
    {
        await using var redis = await ThrowawayRedis.StartAsync(Ct);
        var prefix = Prefix();
        await using var app = AppOn(redis, prefix);
        using var admin = app.AdminClient();
        using var client = app.Client();
        client.Timeout = TimeSpan.FromSeconds(10);
        admin.Timeout = TimeSpan.FromSeconds(10);
        await admin.PutSectionAsync("cache", "Cache desk");
        var article = Api.Api.ArticleJson("cache", "Before Redis stopped");
        var id = await admin.CreateArticleAsync(article);
        var url = (await admin.PublishAsync(id))["url"]!.GetValue<string>();
        await using (var probe = await ConnectionMultiplexer.ConnectAsync(redis.Configuration))
        {
            await AppProcess.WaitUntilAsync(async () =>
            {
                await client.GetAsync(url, Ct);
                return probe.GetServer(redis.Configuration).Keys(pattern: prefix + "*").Any();
            }, TimeSpan.FromSeconds(30), "the page is stored in Redis", Ct);
        }

        await redis.StopAsync();
        await AssertShowsAsync(client, url, "Before Redis stopped");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/topics", Ct)).StatusCode);
        // A write still succeeds (its eviction cannot reach Redis), and readers see it at once.
        article["headline"] = "Changed while Redis was down";
        await admin.PutAsync($"/api/admin/articles/{id}", Api.Api.Json(article.ToJsonString()), Ct).ExpectAsync(HttpStatusCode.OK);
        await AssertShowsAsync(client, url, "Changed while Redis was down");

        await redis.StartAgainAsync(Ct);
        await using (var probe = await ConnectionMultiplexer.ConnectAsync(redis.Configuration))
        {
            await AppProcess.WaitUntilAsync(async () =>
            {
                await AssertShowsAsync(client, url, "Changed while Redis was down");
                return probe.GetServer(redis.Configuration).Keys(pattern: prefix + "*").Any();
            }, TimeSpan.FromSeconds(30), "the app stores pages in Redis again", Ct);
        }
        article["headline"] = "Changed after Redis returned";
        await admin.PutAsync($"/api/admin/articles/{id}", Api.Api.Json(article.ToJsonString()), Ct).ExpectAsync(HttpStatusCode.OK);
        await AssertShowsAsync(client, url, "Changed after Redis returned");
    }

    [Fact]
    public async Task An_app_started_while_Redis_is_down_hears_other_instances_once_it_returns()
    {
        await using var redis = await ThrowawayRedis.StartAsync(Ct);
        await redis.StopAsync();
        var prefix = Prefix();
        await using var app = AppOn(redis, prefix);
        using var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
        var cache = app.Services.GetRequiredService<Broadsheet.Articles.ContentCache>();
        var before = cache.Generation;

        await redis.StartAgainAsync(Ct);
        // Another instance's announcement: once the app has subscribed, Redis counts it as a receiver and the app hears it.
        await using var other = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var channel = RedisChannel.Literal(prefix + "content-changed");
        await AppProcess.WaitUntilAsync(async () => await other.GetSubscriber().PublishAsync(channel, Broadsheet.Reader.RedisContentChanges.Message("another-instance", [Broadsheet.Articles.CacheTags.Home])) == 1,
            TimeSpan.FromSeconds(30), "the app subscribed to content changes", Ct);
        // Two moves: the late subscription marks the snapshot stale, and hearing the one announcement it received moves it again.
        await AppProcess.WaitUntilAsync(() => Task.FromResult(cache.Generation >= before + 2), TimeSpan.FromSeconds(10), "the app heard the announcement", Ct);
        Assert.Equal(before + 2, cache.Generation);
    }

    [Fact]
    public async Task An_app_that_cannot_hear_other_instances_yet_stores_no_page_until_it_can()
    {
        await using var redis = await ThrowawayRedis.StartAsync(Ct);
        await redis.StopAsync();
        var prefix = Prefix();
        // The subscription's retry waits on this clock: the window between the store's return and the subscription
        // stays open until the test moves it.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = AppOn(redis, prefix, clock);
        using var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);

        await redis.StartAgainAsync(Ct);
        await using var other = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
        var server = other.GetServer(other.GetEndPoints()[0]);
        // The store is back once the app's lookups reach Redis (each is a miss there, counted in Redis's statistics).
        await AppProcess.WaitUntilAsync(async () =>
        {
            var misses = await KeyspaceMissesAsync(server);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
            return await KeyspaceMissesAsync(server) > misses;
        }, TimeSpan.FromSeconds(30), "the app's output cache reached Redis again", Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
        Assert.Equal(0, await server.DatabaseSizeAsync());

        // Subscribed: pages are stored again. Each step lets the retry's longest wait pass: an attempt can still fail
        // while the app's second Redis connection comes back.
        var channel = RedisChannel.Literal(prefix + "content-changed");
        await AppProcess.WaitUntilAsync(async () =>
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            return await server.SubscriptionSubscriberCountAsync(channel) >= 1;
        }, TimeSpan.FromSeconds(30), "the app subscribed", Ct);
        await AppProcess.WaitUntilAsync(async () =>
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
            return await server.DatabaseSizeAsync() > 0;
        }, TimeSpan.FromSeconds(10), "the home page was stored", Ct);
    }

    [Fact]
    public async Task An_app_that_loses_Redis_while_running_stores_no_page_until_it_hears_other_instances_again()
    {
        await using var redis = await ThrowawayRedis.StartAsync(Ct);
        var prefix = Prefix();
        await using var app = AppOn(redis, prefix);
        using var client = app.Client();
        client.Timeout = TimeSpan.FromSeconds(10);
        var ledger = app.Services.GetRequiredService<Broadsheet.Rendering.EvictionLedger>();
        var cache = app.Services.GetRequiredService<Broadsheet.Articles.ContentCache>();
        // A render begun now may be stored: nothing evicted since, and storing is not held.
        bool Storing() => !ledger.EvictedSince(null, ledger.Now);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
        await using var other = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
        var server = other.GetServer(other.GetEndPoints()[0]);
        var channel = RedisChannel.Literal(prefix + "content-changed");
        await AppProcess.WaitUntilAsync(async () => await server.SubscriptionSubscriberCountAsync(channel) >= 1, TimeSpan.FromSeconds(30), "the app subscribed", Ct);
        Assert.True(Storing());

        // Redis goes: what other instances announce now is lost to this one, so it stores nothing from here.
        await redis.StopAsync();
        await AppProcess.WaitUntilAsync(() => Task.FromResult(!Storing()), TimeSpan.FromSeconds(30), "the app held its pages back", Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
        var generation = cache.Generation;

        // Back, and subscribed again by the multiplexer: the snapshots are marked stale, then pages are stored again.
        await redis.StartAgainAsync(Ct);
        await AppProcess.WaitUntilAsync(() => Task.FromResult(Storing()), TimeSpan.FromSeconds(30), "the app heard content changes again", Ct);
        Assert.True(cache.Generation > generation, "the snapshots were not marked stale");
        // It stores again only once it is subscribed again: Redis counts it among the channel's receivers already.
        Assert.True(await server.SubscriptionSubscriberCountAsync(channel) >= 1, "storing resumed before the app subscribed again");
        await AppProcess.WaitUntilAsync(async () =>
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
            return await server.DatabaseSizeAsync() > 0;
        }, TimeSpan.FromSeconds(30), "the home page was stored", Ct);
    }

    /// <summary>A key prefix of the test's own, so that the apps of other tests on the same Redis do not meet its keys or channel.</summary>
    private static string Prefix() => $"fault-{Guid.NewGuid():N}:";

    /// <summary>An app whose shared output cache and change channel are on <paramref name="redis"/>.</summary>
    private static ConfiguredApp AppOn(ThrowawayRedis redis, string prefix, TimeProvider? clock = null) =>
        new(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["Broadsheet:Redis"] = redis.Configuration,
            ["Broadsheet:RedisPrefix"] = prefix,
        })
        { Clock = clock };

    private static async Task<long> KeyspaceMissesAsync(IServer server) =>
        long.Parse((await server.InfoAsync("stats")).SelectMany(g => g).Single(p => p.Key == "keyspace_misses").Value, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task AssertShowsAsync(HttpClient client, string url, string headline)
    {
        var response = await client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}: {body}");
        Assert.Contains(headline, body, StringComparison.Ordinal);
    }
}
