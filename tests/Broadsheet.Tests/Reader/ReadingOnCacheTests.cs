using Broadsheet.Articles;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Broadsheet.Tests.Reader;

/// <summary>
/// The article page's reading-on lists are held in memory per topic and per section: read once for every article of the
/// topic or section, again after any eviction (every write makes one) and after the snapshot age limit (a change nobody
/// announced); each page leaves its own story out.
/// </summary>
public sealed class ReadingOnCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Article Story(int id, int topicId = 3, int sectionId = 1)
    {
        var section = new Section { Id = sectionId, Path = $"section-{sectionId}", Name = "Section" };
        var article = new Article { Id = id, Slug = $"story-{id}", Headline = $"Story {id}", Section = section, SectionId = sectionId };
        article.Topics.Add(new ArticleTopic { ArticleId = id, TopicId = topicId, Topic = new Topic { Id = topicId, Slug = $"topic-{topicId}", Name = "Topic" }, Position = 0 });
        return article;
    }

    [Fact]
    public async Task Lists_are_read_once_per_topic_and_section_until_an_eviction_or_the_age_limit()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new BroadsheetOptions());
        var store = new ServiceCollection().AddOptions().AddOutputCache().BuildServiceProvider().GetRequiredService<IOutputCacheStore>();
        var content = new ContentCache(store, [], []);
        var cache = new ReadingOnCache(content, clock, options);
        List<string> reads = [];
        // Each read answers the stories 7 and 8 (newest first) and one headline that says which read it was.
        Task<IReadOnlyList<RelatedArticle>> Read(string kind, int id)
        {
            reads.Add($"{kind}{id}");
            IReadOnlyList<RelatedArticle> list =
            [
                .. new[] { 7, 8 }.Select(story => new RelatedArticle(story, "s", $"Story {story}", "asia", "en", clock.GetUtcNow())),
                new RelatedArticle(100 + reads.Count, "r", $"{kind}{id} read {reads.Count}", "asia", "en", clock.GetUtcNow()),
            ];
            return Task.FromResult(list);
        }
        async Task<ReadingOn> ListsAsync(Article article) =>
            await cache.GetAsync(article, (id, _) => Read("t", id), (id, _) => Read("s", id), Ct);
        static string[] Headlines(IEnumerable<RelatedArticle> list) => [.. list.Select(a => a.Headline)];

        // The topic's list first; the section's without the page's own story and the topic list's stories.
        var seven = await ListsAsync(Story(7));
        Assert.Equal(["Story 8", "t3 read 1"], Headlines(seven.OnTopic));
        Assert.Equal(["s1 read 2"], Headlines(seven.FromSection));
        Assert.Equal(["t3", "s1"], reads);

        // Another story of the topic and section: the same lists, without re-reading, its own story left out; the page's
        // own topic and section objects.
        var eight = Story(8);
        var lists = await ListsAsync(eight);
        Assert.Equal(["Story 7", "t3 read 1"], Headlines(lists.OnTopic));
        Assert.Same(eight.Section, lists.Section);
        Assert.Same(eight.PrimaryTopic, lists.Topic);
        Assert.Equal(2, reads.Count);

        // Another topic in the same section reads that topic only.
        Assert.Equal(["Story 7", "Story 8", "t4 read 3"], Headlines((await ListsAsync(Story(9, topicId: 4))).OnTopic));
        Assert.Equal(["t3", "s1", "t4"], reads);

        await content.EvictAsync(["t:reefs"], Ct);
        Assert.Equal(["Story 8", "t3 read 4"], Headlines((await ListsAsync(Story(7))).OnTopic));
        Assert.Equal(["Story 8", "t3 read 4"], Headlines((await ListsAsync(Story(7))).OnTopic));
        Assert.Equal(5, reads.Count);

        clock.Advance(TimeSpan.FromSeconds(options.Value.Cache.SnapshotSeconds) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(["Story 8", "t3 read 4"], Headlines((await ListsAsync(Story(7))).OnTopic));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["Story 8", "t3 read 6"], Headlines((await ListsAsync(Story(7))).OnTopic));
        Assert.Equal(["t3", "s1", "t4", "t3", "s1", "t3", "s1"], reads);
    }
}
