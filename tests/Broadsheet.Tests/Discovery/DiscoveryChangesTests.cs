using System.Net;
using Broadsheet.Tests.Api;

namespace Broadsheet.Tests.Discovery;

/// <summary>Feeds and sitemaps follow publishing, unpublishing and deleting, through the output cache's tags.</summary>
[Collection(SharedAppsCollection.Name)]
public class DiscoveryChangesTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Publishing_shows_an_article_in_feeds_and_sitemaps_and_unpublishing_or_deleting_removes_it(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var reader = app.Client();
        var section = Api.Api.Unique("harbours");
        await admin.PutSectionAsync(section, "Harbours");
        var id = await admin.CreateArticleAsync(Api.Api.ArticleJson(section, "Harbour pilots strike at dawn"));
        var feed = $"/feeds/sections/{section}/atom.xml";
        var month = $"/sitemaps/articles-{SitemapTests.MonthOf(DateTimeOffset.UtcNow)}.xml";

        // Cached before the change: what follows must come from eviction, not from a first render.
        Assert.Empty((await FeedTests.LoadAsync(reader, feed)).Feed.Items);
        var before = await NamedAsync(reader, id, month);

        await admin.PublishAsync(id);
        Assert.Equal(["Harbour pilots strike at dawn"], (await FeedTests.LoadAsync(reader, feed)).Feed.Items.Select(i => i.Title.Text));
        Assert.True(await NamedAsync(reader, id, "/sitemaps/news.xml"));
        Assert.True(await NamedAsync(reader, id, month));
        Assert.False(before);

        await admin.PostAsync($"/api/admin/articles/{id}/unpublish", null, Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty((await FeedTests.LoadAsync(reader, feed)).Feed.Items);
        Assert.False(await NamedAsync(reader, id, "/sitemaps/news.xml"));
        Assert.False(await NamedAsync(reader, id, month));

        await admin.PublishAsync(id);
        Assert.True(await NamedAsync(reader, id, month));
        (await admin.DeleteAsync($"/api/admin/articles/{id}", Ct)).EnsureSuccessStatusCode();
        Assert.Empty((await FeedTests.LoadAsync(reader, feed)).Feed.Items);
        Assert.False(await NamedAsync(reader, id, "/sitemaps/news.xml"));
        Assert.False(await NamedAsync(reader, id, month));
        Assert.False(await NamedAsync(reader, id, "/feeds/rss.xml"));
    }

    /// <summary>Whether the document (a valid sitemap, or a feed) links to the article; a month without articles is 404.</summary>
    private static async Task<bool> NamedAsync(HttpClient client, int id, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        if (response.StatusCode == HttpStatusCode.NotFound && path.StartsWith("/sitemaps/articles-", StringComparison.Ordinal))
        {
            return false;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        if (path.StartsWith("/sitemaps/", StringComparison.Ordinal))
        {
            SitemapSchemas.Validate(text);
        }
        return text.Contains($"/article/{id}/", StringComparison.Ordinal);
    }
}
