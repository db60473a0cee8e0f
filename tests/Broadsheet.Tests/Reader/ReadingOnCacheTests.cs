using Broadsheet.Articles;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Broadsheet.Tests.Reader;

/// <summary>
/// The article page's reading-on lists are held in memory: read again after any eviction (every write makes one), after
/// the snapshot age limit (a change nobody announced), and per article.
/// </summary>
public sealed class ReadingOnCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Article Story(int id)
    {
        var section = new Section { Id = 1, Path = "asia", Name = "Asia" };
        var article = new Article { Id = id, Slug = $"story-{id}", Headline = $"Story {id}", Section = section, SectionId = 1 };
        article.Topics.Add(new ArticleTopic { ArticleId = id, TopicId = 3, Topic = new Topic { Id = 3, Slug = "reefs", Name = "Reefs" }, Position = 0 });
        return article;
    }

    [Fact]
    public async Task Lists_are_read_once_until_an_eviction_or_the_age_limit_and_never_shared_between_articles()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new BroadsheetOptions());
        var store = new ServiceCollection().AddOptions().AddOutputCache().BuildServiceProvider().GetRequiredService<IOutputCacheStore>();
        var content = new ContentCache(store, [], []);
        var cache = new ReadingOnCache(content, clock, options);
        var reads = 0;
        Func<CancellationToken, Task<ReadingOn>> Reader(Article article) => _ =>
        {
            reads++;
            var related = new RelatedArticle(100 + reads, "related", $"Read {reads}", "asia", "en", clock.GetUtcNow());
            return Task.FromResult(ReadingOn.From(article, [related], []));
        };
        async Task<string> HeadlineAsync(Article article) => (await cache.GetAsync(article, Reader(article), Ct)).OnTopic.Single().Headline;

        var story = Story(7);
        Assert.Equal("Read 1", await HeadlineAsync(story));
        Assert.Equal("Read 1", await HeadlineAsync(story));
        // The page's own topic and section objects, not the ones of the render that read the lists.
        var again = Story(7);
        Assert.Same(again.Section, (await cache.GetAsync(again, Reader(again), Ct)).Section);
        Assert.Equal(1, reads);

        Assert.Equal("Read 2", await HeadlineAsync(Story(8)));

        await content.EvictAsync(["t:reefs"], Ct);
        Assert.Equal("Read 3", await HeadlineAsync(story));
        Assert.Equal("Read 3", await HeadlineAsync(story));

        clock.Advance(TimeSpan.FromSeconds(options.Value.Cache.SnapshotSeconds) - TimeSpan.FromMilliseconds(1));
        Assert.Equal("Read 3", await HeadlineAsync(story));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("Read 4", await HeadlineAsync(story));
    }
}
