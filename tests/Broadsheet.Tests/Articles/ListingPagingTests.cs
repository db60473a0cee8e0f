using System.Net;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Infrastructure;
using Broadsheet.Tests.Reader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Articles;

/// <summary>
/// Listings page from the stored per-day counts (<see cref="ListingCounts"/>, <see cref="PageSeek"/>): every page equals
/// the OFFSET page it replaces, ties on the publication time included, on both providers; a page past the end is a 404;
/// the API's total is the count; the counts follow unpublishing and moving an article.
/// </summary>
[Collection(SharedAppsCollection.Name)]
public sealed class ListingPagingTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Seek_pages_equal_offset_pages_and_a_page_past_the_end_is_404(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var path = Api.Api.Unique("paging");
        var now = DateTimeOffset.UtcNow;
        var (sectionId, childId, topicId) = await app.InScopeAsync(async db =>
        {
            var section = new Section { Path = path, Name = "Paging" };
            var child = new Section { Path = path + "/desk", Name = "Paging desk", Parent = section };
            var topic = new Topic { Slug = path + "-topic", Name = path + " topic" };
            db.AddRange(section, child, topic);
            await db.SaveChangesAsync(Ct);
            // 47 published articles over five days and today, four to a publication time (ties broken by id), every
            // third in the subsection and every other on the topic; a draft and one dated tomorrow are in no listing.
            for (var i = 0; i < 47; i++)
            {
                var at = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-(i / 10)).AddMinutes(i / 10 == 0 ? 0 : 600 - i / 4 * 7);
                db.Articles.Add(Article($"Paging story {i}", i % 3 == 0 ? child : section, at <= now ? at : now.AddSeconds(-1), i % 2 == 0 ? topic : null));
            }
            var draft = Article("Paging draft", section, now.AddDays(-1), topic);
            draft.Status = ArticleStatus.Draft;
            db.Articles.AddRange(draft, Article("Paging tomorrow", section, now.AddDays(1), topic));
            await db.SaveChangesAsync(Ct);
            return (section.Id, child.Id, topic.Id);
        });

        await AssertPagesMatchOffsetAsync(app, ListingScope.Section(sectionId, [sectionId, childId]), q => q.Where(a => a.SectionId == sectionId || a.SectionId == childId), 47);
        await AssertPagesMatchOffsetAsync(app, ListingScope.Section(childId, [childId]), q => q.Where(a => a.SectionId == childId), 16);
        await AssertPagesMatchOffsetAsync(app, ListingScope.Topic(topicId), q => q.Where(a => a.Topics.Any(t => t.TopicId == topicId)), 24);

        // The reader's pages: 20 a page, so 47 make three; the fourth is a 404.
        var client = app.Client();
        var last = await client.GetDocumentAsync($"/news/{path}?page=3");
        Assert.Equal(7, last.QuerySelectorAll("a").Where(a => a.Text().StartsWith("Paging story", StringComparison.Ordinal)).Select(a => a.GetAttribute("href")).Distinct().Count());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/news/{path}?page=4", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/topics/{path}-topic?page=3", Ct)).StatusCode);

        // The API: the total is the count, and any page holds what the offset page holds.
        var page2 = await client.GetJsonAsync($"/api/v1/articles?section={path}&page=2&pageSize=10");
        Assert.Equal(47, page2["total"]!.GetValue<int>());
        var expected = await app.InScopeAsync(db => Offset(db, q => q.Where(a => a.SectionId == sectionId || a.SectionId == childId)).Skip(10).Take(10).Select(a => a.Id).ToListAsync(Ct));
        Assert.Equal(expected, page2["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()));

        // Unpublishing and moving to another section change the counts in the same save.
        await app.InScopeAsync(async db =>
        {
            var first = await db.Articles.Where(a => a.SectionId == childId).OrderBy(a => a.Id).FirstAsync(Ct);
            first.Status = ArticleStatus.Draft;
            var visible = DateTimeOffset.UtcNow;
            var moved = await db.Articles.Where(a => a.SectionId == sectionId && a.Status == ArticleStatus.Published && a.FirstPublishedAt <= visible)
                .OrderByDescending(a => a.Id).FirstAsync(Ct);
            moved.SectionId = childId;
            return await db.SaveChangesAsync(Ct);
        });
        await AssertPagesMatchOffsetAsync(app, ListingScope.Section(sectionId, [sectionId, childId]), q => q.Where(a => a.SectionId == sectionId || a.SectionId == childId), 46);
        await AssertPagesMatchOffsetAsync(app, ListingScope.Section(childId, [childId]), q => q.Where(a => a.SectionId == childId), 16);
    }

    private static async Task AssertPagesMatchOffsetAsync(BroadsheetApp app, ListingScope scope, Func<IQueryable<Article>, IQueryable<Article>> filter, int count)
    {
        await using var services = app.Services.CreateAsyncScope();
        var published = services.ServiceProvider.GetRequiredService<PublishedArticles>();
        var db = services.ServiceProvider.GetRequiredService<BroadsheetDb>();
        Assert.Equal(count, await published.CountAsync(scope, Ct));
        var all = await Offset(db, filter).Select(a => a.Id).ToListAsync(Ct);
        Assert.Equal(count, all.Count);
        const int size = 7;
        var pages = (count + size - 1) / size;
        for (var page = 1; page <= pages; page++)
        {
            var found = await published.PageAsync(scope, page, size, Ct);
            Assert.NotNull(found);
            Assert.Equal(all.Skip((page - 1) * size).Take(size), found.Articles.Select(a => a.Id));
            Assert.Equal(page < pages, found.HasNext);
        }
        Assert.Null(await published.PageAsync(scope, pages + 1, size, Ct));
        Assert.Null(await published.PageAsync(scope, int.MaxValue, size, Ct));
    }

    private static IQueryable<Article> Offset(BroadsheetDb db, Func<IQueryable<Article>, IQueryable<Article>> filter)
    {
        var now = DateTimeOffset.UtcNow;
        return filter(db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.FirstPublishedAt <= now))
            .OrderByDescending(a => a.FirstPublishedAt).ThenByDescending(a => a.Id);
    }

    private static Article Article(string headline, Section section, DateTimeOffset at, Topic? topic) => new()
    {
        Slug = Slugs.From(headline),
        Headline = headline,
        Summary = [$"Summary of {headline.ToLowerInvariant()}"],
        Body = [new ParagraphBlock([new Inline("Paging text.")])],
        Section = section,
        Status = ArticleStatus.Published,
        CreatedAt = at,
        ModifiedAt = at,
        FirstPublishedAt = at,
        Topics = topic is null ? [] : [new ArticleTopic { Topic = topic, Position = 0 }],
    };
}
