using Broadsheet.Articles;
using Broadsheet.Reader;
using Broadsheet.Rendering;

namespace Broadsheet.Tests.Reader;

/// <summary>The pure parts of reading on: picking the two lists, the short biography, the topics index's letters.</summary>
public sealed class ReadingOnUnitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static RelatedArticle Story(int id) => new(id, $"story-{id}", $"Story {id}", "asia", "en", Now.AddHours(-id));

    private static Article Reading(bool withTopic = true)
    {
        var section = new Section { Id = 1, Path = "asia", Name = "Asia" };
        var article = new Article { Id = 7, Slug = "reading", Headline = "Reading", Section = section, SectionId = 1 };
        if (withTopic)
        {
            article.Topics.Add(new ArticleTopic { ArticleId = 7, TopicId = 3, Topic = new Topic { Id = 3, Slug = "reefs", Name = "Reefs" }, Position = 0 });
        }
        return article;
    }

    [Fact]
    public void The_section_list_leaves_out_the_article_and_what_the_topic_list_shows_and_each_list_is_capped()
    {
        var lists = ReadingOn.From(Reading(), [Story(1), Story(7), Story(2), Story(2)], [Story(1), Story(3), Story(7), Story(2), Story(4), Story(5), Story(6), Story(8)]);
        Assert.Equal([1, 2], lists.OnTopic.Select(a => a.Id));
        Assert.Equal([3, 4, 5, 6], lists.FromSection.Select(a => a.Id));
        Assert.Equal(("reefs", "asia"), (lists.Topic!.Slug, lists.Section.Path));
        Assert.Equal("/news/asia/article/1/story-1", lists.OnTopic[0].PublicPath);

        var many = ReadingOn.From(Reading(), Enumerable.Range(10, 9).Select(Story), []);
        Assert.Equal(ReadingOn.Count, many.OnTopic.Count);
    }

    [Fact]
    public void Empty_candidates_give_empty_lists_and_no_topic_gives_no_topic_list()
    {
        var none = ReadingOn.From(Reading(), [], [Story(7)]);
        Assert.Empty(none.OnTopic);
        Assert.Empty(none.FromSection);
        var untopical = ReadingOn.From(Reading(withTopic: false), [], [Story(1)]);
        Assert.Null(untopical.Topic);
        Assert.Equal([1], untopical.FromSection.Select(a => a.Id));
    }

    [Fact]
    public void A_short_bio_is_the_first_paragraph_cut_at_a_sentence_or_a_word()
    {
        Assert.Equal("Covers ports.", ShortBio.Of("  Covers ports.\nWas a sailor. "));
        var sentences = string.Concat(Enumerable.Repeat("She covers the harbour and its ships. ", 12));
        var cut = ShortBio.Of(sentences);
        Assert.True(cut.Length <= ShortBio.MaxLength);
        Assert.EndsWith("ships.", cut, StringComparison.Ordinal);
        var words = ShortBio.Of(string.Concat(Enumerable.Repeat("word ", 100)));
        Assert.EndsWith("word…", words, StringComparison.Ordinal);
        Assert.True(words.Length <= ShortBio.MaxLength + 1);
    }

    [Fact]
    public void Topics_are_grouped_by_their_unaccented_initial_with_other_scripts_last()
    {
        TopicCount T(string name) => new(new Topic { Slug = Slugs.From(name) is { Length: > 0 } s ? s : "x", Name = name }, 1);
        var letters = TopicIndexModel.ByLetter([T("zebra"), T("Économie"), T("apple"), T("北韓"), T("2026 election"), T("Apricots"), T("eels")]);
        Assert.Equal(["A", "E", "Z", "#"], letters.Select(g => g.Key));
        Assert.Equal(["apple", "Apricots"], letters[0].Select(t => t.Topic.Name));
        Assert.Equal(["Économie", "eels"], letters[1].Select(t => t.Topic.Name));
        Assert.Equal(["2026 election", "北韓"], letters[3].Select(t => t.Topic.Name));
        Assert.Equal(("other", "Other", "a"), (TopicIndexModel.LetterId("#"), TopicIndexModel.LetterName("#"), TopicIndexModel.LetterId("A")));
    }
}
