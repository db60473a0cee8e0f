namespace Broadsheet.Articles;

/// <summary>Another article as a "reading on" list shows it: a headline linking to its page, and when it was published.</summary>
public sealed record RelatedArticle(int Id, string Slug, string Headline, string SectionPath, string Language, DateTimeOffset PublishedAt)
{
    public string PublicPath => ArticleUrls.PathOf(SectionPath, Id, Slug);
}

/// <summary>The lists at the end of an article: "More on" its primary topic and "More from" its section, no story in both.</summary>
public sealed record ReadingOn(Topic? Topic, IReadOnlyList<RelatedArticle> OnTopic, Section Section, IReadOnlyList<RelatedArticle> FromSection)
{
    /// <summary>How many stories each list shows.</summary>
    public const int Count = 4;

    /// <summary>How many of a topic's newest rows are looked at for its list (drafts and future stories among them are skipped).</summary>
    public const int Candidates = 64;

    /// <summary>
    /// The two lists from their candidates (each newest first): the article itself never, the topic's list first, and the
    /// section's without the stories the topic's list already shows.
    /// </summary>
    public static ReadingOn From(Article article, IEnumerable<RelatedArticle> onTopic, IEnumerable<RelatedArticle> inSection)
    {
        List<RelatedArticle> topicList = [.. onTopic.Where(a => a.Id != article.Id).DistinctBy(a => a.Id).Take(Count)];
        var shown = topicList.Select(a => a.Id).ToHashSet();
        List<RelatedArticle> sectionList = [.. inSection.Where(a => a.Id != article.Id && shown.Add(a.Id)).Take(Count)];
        return new ReadingOn(article.PrimaryTopic, topicList, article.Section, sectionList);
    }
}
