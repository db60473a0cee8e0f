using System.Net;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Reader;

/// <summary>
/// One seeded app per provider (in-memory store) for the eviction tests that need no settings of their own. They run one
/// at a time and each changes the lead's headline to words of its own, so none depends on what an earlier one left
/// cached; the tests on Redis start their own apps.
/// </summary>
public sealed class EvictionApps() : ReaderDataApps();

/// <summary>
/// Writers change the database and call <see cref="ContentCache.EvictAsync(Article, CancellationToken)"/>;
/// exactly the cached pages that show the article must change, on the in-memory and the Redis store.
/// </summary>
public class CacheEvictionTests(EvictionApps shared) : IClassFixture<EvictionApps>
{
    public static TheoryData<DatabaseProvider, bool> Stores => new()
    {
        { DatabaseProvider.Sqlite, false },
        { DatabaseProvider.PostgreSQL, false },
        { DatabaseProvider.Sqlite, true },
        { DatabaseProvider.PostgreSQL, true },
    };

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)
            : $"status {(int)response.StatusCode}";
    }

    /// <summary>
    /// The page, once the output cache holds it (a response with <c>Age</c>): what a test then asserts about staying
    /// cached starts from a stored page. A render is not stored when an eviction lands while it runs (the eviction
    /// ledger and the snapshot's generation refuse it), so the page is asked for again until one is.
    /// </summary>
    private static async Task<string> CachedHtmlAsync(HttpClient client, string path)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (response.Headers.Age is not null)
            {
                return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            }
        }
        Assert.Fail($"{path} was never served from the output cache");
        return "";
    }

    /// <summary>
    /// A write the application does not announce (ExecuteUpdate bypasses the change tracker, which
    /// <see cref="ContentChanges"/> reads), as another program changing the database would: nothing is evicted.
    /// </summary>
    private static Task ChangeHeadlineUnannouncedAsync(BroadsheetApp app, int id, string headline) => app.InScopeAsync(db =>
        db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(a => a.SetProperty(x => x.Headline, headline), TestContext.Current.CancellationToken));

    private static async Task ChangeAsync(BroadsheetApp app, int id, Action<Article> change, bool evict)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var article = await db.Articles.Include(a => a.Section).Include(a => a.Topics).ThenInclude(t => t.Topic)
            .Include(a => a.Byline).ThenInclude(b => b.Contributor).FirstAsync(a => a.Id == id, TestContext.Current.CancellationToken);
        change(article);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        if (evict)
        {
            await scope.ServiceProvider.GetRequiredService<ContentCache>().EvictAsync(article, TestContext.Current.CancellationToken);
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Changing_unpublishing_and_publishing_evicts_exactly_the_pages_that_show_the_article(DatabaseProvider provider, bool redis)
    {
        await using var own = redis ? new ConfiguredApp(provider, ConfiguredApp.WithRedis()) : null;
        var (app, data) = own is null ? await shared.On(provider) : (own, await ReaderData.SeedAsync(own));
        var client = app.Client();
        string[] showing = [data.LeadPath, "/news/asia/east-asia", "/news/asia", "/topics/border-talks", "/authors/mara-lindqvist", "/"];
        string[] unrelated = ["/news/world", "/standards"];
        foreach (var path in showing.Concat(unrelated))
        {
            Assert.Contains("<h1", await CachedHtmlAsync(client, path), StringComparison.Ordinal);
        }

        // Changed in the database without eviction: the cached pages still show the old text.
        await ChangeHeadlineUnannouncedAsync(app, data.LeadId, "Border talks collapse");
        // And a story only the unrelated World page (and home) shows changes too, also without eviction.
        await ChangeHeadlineUnannouncedAsync(app, data.WorldId, "Ferry strike spreads");
        foreach (var path in showing)
        {
            Assert.DoesNotContain("Border talks collapse", await HtmlAsync(client, path), StringComparison.Ordinal);
        }

        await ChangeAsync(app, data.LeadId, _ => { }, evict: true);
        foreach (var path in showing)
        {
            Assert.Contains("Border talks collapse", await HtmlAsync(client, path), StringComparison.Ordinal);
        }
        // Home was evicted (it shows the lead) so it now has the new World headline; the World page was not.
        Assert.Contains("Ferry strike spreads", await HtmlAsync(client, "/"), StringComparison.Ordinal);
        var world = await HtmlAsync(client, "/news/world");
        Assert.Contains("Ferry strike ends", world, StringComparison.Ordinal);
        Assert.DoesNotContain("Ferry strike spreads", world, StringComparison.Ordinal);

        await ChangeAsync(app, data.LeadId, a => a.Status = ArticleStatus.Unpublished, evict: true);
        Assert.Equal("status 404", await HtmlAsync(client, data.LeadPath));
        foreach (var path in showing.Skip(1))
        {
            Assert.DoesNotContain("Border talks collapse", await HtmlAsync(client, path), StringComparison.Ordinal);
        }

        await ChangeAsync(app, data.LeadId, a => a.Status = ArticleStatus.Published, evict: true);
        foreach (var path in showing)
        {
            Assert.Contains("Border talks collapse", await HtmlAsync(client, path), StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Ferry strike spreads", await HtmlAsync(client, "/news/world"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Changing_an_image_evicts_the_pages_that_show_it_in_a_body_and_no_others(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (app, data) = await shared.On(provider);
        var client = app.Client();
        using var admin = app.AdminClient();
        async Task RenameImageAsync(string alt)
        {
            using var updated = await admin.PutAsync($"/api/admin/images/{data.BodyImageId}", Api.Api.Json(new { alt }), ct);
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        }
        Task ChangeStandardsTitleUnannouncedAsync(string slug, string title) => app.InScopeAsync(db =>
            db.StandardsPages.Where(p => p.Slug == slug).ExecuteUpdateAsync(p => p.SetProperty(x => x.Title, title), ct));

        // The lead article has the image in its body; the ethics page does not, and changes without an eviction.
        Assert.Contains("Alt text of harbour", await HtmlAsync(client, data.LeadPath), StringComparison.Ordinal);
        Assert.Contains("Ethics code", await HtmlAsync(client, "/standards/ethics"), StringComparison.Ordinal);
        await ChangeStandardsTitleUnannouncedAsync("ethics", "Code of conduct");
        await RenameImageAsync("Fishing boats moored at the harbour wall");
        Assert.Contains("Fishing boats moored at the harbour wall", await HtmlAsync(client, data.LeadPath), StringComparison.Ordinal);
        Assert.Contains("Ethics code", await HtmlAsync(client, "/standards/ethics"), StringComparison.Ordinal);

        // A standards page with the image in its body is evicted too.
        await app.InScopeAsync(async db =>
        {
            var corrections = await db.StandardsPages.SingleAsync(p => p.Slug == "corrections", ct);
            corrections.Body = [.. corrections.Body, new ImageBlock(data.BodyImageId)];
            return await db.SaveChangesAsync(ct);
        });
        Assert.Contains("Fishing boats moored at the harbour wall", await HtmlAsync(client, "/standards/corrections"), StringComparison.Ordinal);
        await RenameImageAsync("The harbour wall at dawn, with boats");
        Assert.Contains("The harbour wall at dawn, with boats", await HtmlAsync(client, "/standards/corrections"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publications_sharing_one_Redis_under_their_own_prefixes_do_not_evict_each_others_pages()
    {
        await using var mine = new ConfiguredApp(DatabaseProvider.Sqlite, ConfiguredApp.WithRedis());
        await using var theirs = new ConfiguredApp(DatabaseProvider.Sqlite, ConfiguredApp.WithRedis());
        var data = await ReaderData.SeedAsync(mine);
        var other = await ReaderData.SeedAsync(theirs);
        Assert.Equal(data.LeadId, other.LeadId); // the same tags in both
        var client = mine.Client();
        await CachedHtmlAsync(client, data.LeadPath);
        await ChangeHeadlineUnannouncedAsync(mine, data.LeadId, "Border talks collapse");

        await ChangeAsync(theirs, other.LeadId, _ => { }, evict: true);
        Assert.DoesNotContain("Border talks collapse", await HtmlAsync(client, data.LeadPath), StringComparison.Ordinal);

        await ChangeAsync(mine, data.LeadId, _ => { }, evict: true);
        Assert.Contains("Border talks collapse", await HtmlAsync(client, data.LeadPath), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Publishing_a_story_elsewhere_leaves_other_article_pages_cached(DatabaseProvider provider)
    {
        var (app, data) = await shared.On(provider);
        var client = app.Client();
        await CachedHtmlAsync(client, data.LeadPath);
        await ChangeHeadlineUnannouncedAsync(app, data.LeadId, "Border talks stall");
        // What publishing a World story with no topic or contributor in common with the lead evicts.
        await app.Services.GetRequiredService<ContentCache>().EvictAsync(
            [CacheTags.Home, CacheTags.Feeds, CacheTags.Section("world"), CacheTags.Article(9999)], TestContext.Current.CancellationToken);
        Assert.DoesNotContain("Border talks stall", await HtmlAsync(client, data.LeadPath), StringComparison.Ordinal);
        await app.Services.GetRequiredService<ContentCache>().EvictAsync([CacheTags.Topic("shipping")], TestContext.Current.CancellationToken);
        Assert.Contains("Border talks stall", await HtmlAsync(client, data.LeadPath), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_cached_page_answers_304_to_its_ETag_until_evicted(DatabaseProvider provider)
    {
        var (app, data) = await shared.On(provider);
        var client = app.Client();
        var ct = TestContext.Current.CancellationToken;
        using var first = await client.GetAsync(data.LeadPath, ct);
        var etag = first.Headers.ETag!.ToString();

        // The database has changed: a fresh render would differ, so a 304 can only come from the cache.
        await ChangeHeadlineUnannouncedAsync(app, data.LeadId, "Border talks adjourn");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, data.LeadPath);
        conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var cached = await client.SendAsync(conditional, ct);
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);

        await ChangeAsync(app, data.LeadId, _ => { }, evict: true);
        using var again = new HttpRequestMessage(HttpMethod.Get, data.LeadPath);
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var fresh = await client.SendAsync(again, ct);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(etag, fresh.Headers.ETag!.ToString());
    }
}
