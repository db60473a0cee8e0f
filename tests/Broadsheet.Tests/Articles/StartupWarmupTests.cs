using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;
using Broadsheet.Search;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Articles;

/// <summary>
/// The start-up warm-up runs every listing shape and the write path (create, then publish read back from the
/// database) and keeps nothing: no row, no count, no eviction. A listing page's articles come without their bodies,
/// with everything a card and the API's summary show.
/// </summary>
[Collection(SharedAppsCollection.Name)]
public sealed class StartupWarmupTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_warmup_writes_and_publishes_inside_a_rollback_and_keeps_nothing(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        await CreateAsync(app, Api.Api.Unique("warm"), "A warm story", []);
        var before = await app.InScopeAsync(Counts);
        var cache = app.Services.GetRequiredService<ContentCache>();
        var generation = cache.Generation;

        var report = await app.Services.GetRequiredService<StartupWarmup>().RunAsync(Ct);

        Assert.True(report.Published);
        Assert.True(report.Listings >= 3, $"{report.Listings} listings warmed");
        Assert.Equal(before, await app.InScopeAsync(Counts));
        Assert.Equal(generation, cache.Generation); // every eviction moves it on
        Assert.False(await app.InScopeAsync(db => db.Articles.AnyAsync(a => a.Headline == StartupWarmup.Headline, Ct)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_listing_page_carries_section_hero_topics_and_byline_in_order_but_no_body(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var path = Api.Api.Unique("cards");
        var id = await CreateAsync(app, path, "A listed story", ["Second person"]);

        await using var scope = app.Services.CreateAsyncScope();
        var section = await scope.ServiceProvider.GetRequiredService<BroadsheetDb>().Sections.SingleAsync(s => s.Path == path, Ct);
        var page = await scope.ServiceProvider.GetRequiredService<PublishedArticles>().PageAsync(ListingScope.Section(section.Id, [section.Id]), 1, 20, Ct);

        var article = Assert.Single(page!.Articles);
        Assert.Equal(id, article.Id);
        Assert.Equal(path, article.Section.Path);
        Assert.Equal([$"{path} primary", $"{path} second"], article.Topics.Select(t => t.Topic.Name));
        Assert.Equal(["Warm Writer", "Second person"], article.Byline.Select(c => c.Contributor.Name));
        Assert.Equal(["The summary."], article.Summary);
        Assert.Equal("Lisbon", article.Dateline);
        Assert.NotNull(article.FirstPublishedAt);
        Assert.Empty(article.Body);
        Assert.Equal($"/news/{path}/article/{id}/a-listed-story", article.PublicPath);
    }

    private static async Task<int> CreateAsync(BroadsheetApp app, string path, string headline, string[] moreBylines)
    {
        await app.InScopeAsync(async db =>
        {
            db.Sections.Add(new Section { Path = path, Name = path });
            return await db.SaveChangesAsync(Ct);
        });
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ArticleWriter>().CreateAsync(new ArticleInput
        {
            Headline = headline,
            Section = path,
            Summary = ["The summary."],
            Body = new BodyInput(Markdown: "A paragraph."),
            Topics = [$"{path} primary", $"{path} second"],
            Byline = [new BylineInput { Name = "Warm Writer" }, .. moreBylines.Select(n => new BylineInput { Name = n })],
            Dateline = "Lisbon",
        }, Ct);
        Assert.True(created.Succeeded);
        Assert.True((await scope.ServiceProvider.GetRequiredService<Publishing>().PublishAsync(created.Value!.Id, null, Ct)).Succeeded);
        return created.Value.Id;
    }

    private static async Task<string> Counts(BroadsheetDb db) => string.Join(", ",
        await db.Articles.CountAsync(Ct),
        await db.AuditEntries.CountAsync(Ct),
        await db.ArticleRevisions.CountAsync(Ct),
        await db.Topics.CountAsync(Ct),
        await db.Set<SearchDocument>().CountAsync(Ct),
        await db.Set<ListedArticle>().CountAsync(Ct),
        await db.Set<ListingCount>().SumAsync(c => c.Count, Ct));
}
