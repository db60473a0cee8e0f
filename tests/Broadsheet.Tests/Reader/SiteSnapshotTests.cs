using System.Net;
using Broadsheet.Articles;
using Broadsheet.Reader;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Faults;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Broadsheet.Tests.Reader;

/// <summary>
/// One app per provider without the output cache, seeded with ads, for the snapshot tests that need nothing else: the
/// renaming test changes sections and a standards page, the ad test deletes an ad, and neither looks at what the other
/// changes, so they share it in either order.
/// </summary>
public sealed class UncachedSites() : ReaderDataApps(outputCache: false, withAds: true);

/// <summary>
/// The publication, section tree, standards links and ad creatives come from an in-memory snapshot. Every write
/// through the admin API must show on the next render, on this instance and (through Redis) on the others; a
/// change that nobody announces shows once the snapshot reaches its age limit.
/// </summary>
public class SiteSnapshotTests(UncachedSites uncached) : IClassFixture<UncachedSites>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static async Task<string> MenuAndCrumbsAsync(HttpClient client, string path)
    {
        var page = Html.Parse(await HtmlAsync(client, path));
        return string.Join(" | ", page.QuerySelectorAll("nav.menu a, nav.crumbs a").Select(a => a.Text()));
    }

    /// <summary>Polls <paramref name="path"/> until its menu and breadcrumbs contain <paramref name="text"/>, for at most <paramref name="limit"/>.</summary>
    private static async Task<string> EventuallyAsync(HttpClient client, string path, string text, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var navigation = await MenuAndCrumbsAsync(client, path);
            if (navigation.Contains(text, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return navigation;
            }
            await Task.Delay(200, Ct);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, false)]
    [InlineData(DatabaseProvider.PostgreSQL, false)]
    [InlineData(DatabaseProvider.Sqlite, true)]
    [InlineData(DatabaseProvider.PostgreSQL, true)]
    public async Task Renaming_sections_and_standards_pages_shows_on_the_next_render(DatabaseProvider provider, bool outputCache)
    {
        await using var own = outputCache ? new BroadsheetApp(provider, outputCache: true) : null;
        var (app, data) = own is null ? await uncached.On(provider) : (own, await ReaderData.SeedAsync(own));
        var client = app.Client();
        var admin = app.AdminClient();
        Assert.Equal("Asia | World | Business | Archive | Asia | East Asia", await MenuAndCrumbsAsync(client, data.LeadPath));

        await admin.PutSectionAsync("asia", "Asia Pacific");
        Assert.Equal("Asia Pacific | World | Business | Archive | Asia Pacific | East Asia", await MenuAndCrumbsAsync(client, data.LeadPath));

        await admin.PutSectionAsync("asia/east-asia", "Far East");
        Assert.Equal("Asia Pacific | World | Business | Archive | Asia Pacific | Far East", await MenuAndCrumbsAsync(client, data.LeadPath));

        // A new top-level section joins the menu of every page, including ones that do not show it otherwise.
        await admin.PutSectionAsync("sport", "Sport");
        Assert.Contains("Sport", await MenuAndCrumbsAsync(client, data.WorldPath), StringComparison.Ordinal);

        // The footer's standards links come from the snapshot too.
        using var standards = await admin.PutAsync("/api/admin/standards/ethics", Api.Api.Json(new { title = "Code of conduct", body = new { markdown = "We pay for nothing." } }), Ct);
        Assert.True(standards.IsSuccessStatusCode, $"PUT standards: {(int)standards.StatusCode} {await standards.Content.ReadAsStringAsync(Ct)}");
        var footer = Html.Parse(await HtmlAsync(client, data.LeadPath)).QuerySelectorAll("footer a").Select(a => a.Text()).ToList();
        Assert.Contains("Code of conduct", footer);
        Assert.DoesNotContain("Ethics code", footer);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Changing_an_ad_creative_shows_on_the_next_render(DatabaseProvider provider)
    {
        var (app, data) = await uncached.On(provider);
        var client = app.Client();
        Assert.Contains($"/ads/{data.BannerAdId}/click", await HtmlAsync(client, data.LeadPath), StringComparison.Ordinal);

        using var response = await app.AdminClient().DeleteAsync($"/api/admin/ads/{data.BannerAdId}", Ct);
        Assert.True(response.IsSuccessStatusCode, $"DELETE ad: {(int)response.StatusCode}");
        Assert.DoesNotContain($"/ads/{data.BannerAdId}/", await HtmlAsync(client, data.LeadPath), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_change_nobody_announces_shows_once_the_snapshot_reaches_its_age_limit(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new BroadsheetApp(provider, outputCache: false) { Clock = clock };
        var data = await ReaderData.SeedAsync(app);
        var client = app.Client();
        var ageLimit = TimeSpan.FromSeconds(app.Services.GetRequiredService<IOptions<BroadsheetOptions>>().Value.Cache.SnapshotSeconds);
        Assert.Contains("East Asia", await MenuAndCrumbsAsync(client, data.LeadPath), StringComparison.Ordinal);

        // Written straight to the database: no eviction, as when a tool other than Broadsheet changes it.
        await app.InScopeAsync(db => db.Sections.Where(s => s.Path == "asia/east-asia").ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, "Far East"), Ct));
        clock.Advance(ageLimit - TimeSpan.FromSeconds(1));
        Assert.Contains("East Asia", await MenuAndCrumbsAsync(client, data.LeadPath), StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("Far East", await MenuAndCrumbsAsync(client, data.LeadPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_on_one_database_and_Redis_see_each_others_changes()
    {
        // An age limit far beyond the test: only the announcement through Redis can make instance A see B's change.
        var settings = ConfiguredApp.WithRedis(("Broadsheet:Cache:SnapshotSeconds", "3600"));
        await using var a = new ConfiguredApp(DatabaseProvider.PostgreSQL, settings);
        var data = await ReaderData.SeedAsync(a);
        var shared = a.Services.GetRequiredService<IConfiguration>().GetConnectionString("Broadsheet")!;
        await using var b = new ConfiguredApp(DatabaseProvider.PostgreSQL, new Dictionary<string, string>(settings) { ["ConnectionStrings:Broadsheet"] = shared });
        var clientA = a.Client();
        var clientB = b.Client();
        // An announcement made before an instance listens is lost to it (it reads the change once its snapshot ages out):
        // both must be listening before the scenario begins.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ConfiguredApp.Redis);
        await SubscribersAsync(redis, RedisChannel.Literal(settings["Broadsheet:RedisPrefix"] + "content-changed"), 2);
        Assert.Contains("East Asia", await MenuAndCrumbsAsync(clientA, data.LeadPath), StringComparison.Ordinal);
        Assert.Contains("East Asia", await MenuAndCrumbsAsync(clientB, data.LeadPath), StringComparison.Ordinal);

        await b.AdminClient().PutSectionAsync("asia/east-asia", "Far East");
        Assert.Contains("Far East", await MenuAndCrumbsAsync(clientB, data.LeadPath), StringComparison.Ordinal);
        // The announcement travels asynchronously; allow it a moment, far less than the age limit.
        Assert.Contains("Far East", await EventuallyAsync(clientA, data.LeadPath, "Far East", TimeSpan.FromSeconds(20)), StringComparison.Ordinal);
        // And once seen, it stays: no stale copy was stored in the shared cache meanwhile.
        await Task.Delay(500, Ct);
        Assert.Contains("Far East", await MenuAndCrumbsAsync(clientA, data.LeadPath), StringComparison.Ordinal);

        // The other way round, on a page the rename evicts (other pages' menus lag by design, up to the cache lifetime).
        Assert.Contains("World", await MenuAndCrumbsAsync(clientB, data.WorldPath), StringComparison.Ordinal);
        await a.AdminClient().PutSectionAsync("world", "World News");
        Assert.Contains("World News", await EventuallyAsync(clientB, data.WorldPath, "World News", TimeSpan.FromSeconds(20)), StringComparison.Ordinal);
    }

    /// <summary>
    /// Waits until <paramref name="count"/> apps listen on the channel. An app subscribes as it starts, or a moment later
    /// when its Redis connection was not up yet (it retries in the background).
    /// </summary>
    private static Task SubscribersAsync(ConnectionMultiplexer redis, RedisChannel channel, int count)
    {
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        return AppProcess.WaitUntilAsync(async () => await server.SubscriptionSubscriberCountAsync(channel) >= count, TimeSpan.FromSeconds(30),
            $"{count} app(s) subscribed to content changes", Ct);
    }

    [Fact]
    public async Task An_instance_hearing_of_a_change_evicts_its_tags_again_so_a_page_it_stored_meanwhile_goes_too()
    {
        var settings = ConfiguredApp.WithRedis(("Broadsheet:Cache:SnapshotSeconds", "3600"));
        await using var app = new ConfiguredApp(DatabaseProvider.Sqlite, settings);
        var data = await ReaderData.SeedAsync(app);
        var client = app.Client();
        var cache = app.Services.GetRequiredService<ContentCache>();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ConfiguredApp.Redis);
        var channel = RedisChannel.Literal(settings["Broadsheet:RedisPrefix"] + "content-changed");
        await SubscribersAsync(redis, channel, 1);

        Assert.Contains("East Asia", await MenuAndCrumbsAsync(client, data.LeadPath), StringComparison.Ordinal);
        var generation = cache.Generation;

        // Another instance renames the section and evicts the shared cache; before its announcement arrives, this
        // instance renders the page again from its old snapshot and stores it: a stale page in the shared cache.
        await app.InScopeAsync(db => db.Sections.Where(s => s.Path == "asia/east-asia").ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, "Far East"), Ct));
        await cache.EvictResponsesAsync([CacheTags.Article(data.LeadId), CacheTags.Home], Ct);
        Assert.Contains("East Asia", await MenuAndCrumbsAsync(client, data.LeadPath), StringComparison.Ordinal);
        Assert.Equal(generation, cache.Generation);

        // Then the announcement arrives, naming the tags the other instance evicted.
        Assert.Equal(1, await redis.GetSubscriber().PublishAsync(channel, RedisContentChanges.Message("another-instance", [CacheTags.Article(data.LeadId), CacheTags.Home])));
        Assert.Contains("Far East", await EventuallyAsync(client, data.LeadPath, "Far East", TimeSpan.FromSeconds(20)), StringComparison.Ordinal);
        Assert.True(cache.Generation > generation);
    }
}
