namespace Broadsheet.Articles;

/// <summary>
/// Names of the output-cache tags. A reader page is tagged with everything it shows; a write evicts the
/// tags of everything it changes, so exactly the pages that show it are rebuilt.
/// </summary>
public static class CacheTags
{
    public const string Home = "home";
    public const string Standards = "standards";
    public const string Feeds = "feeds";
    public const string Ads = "ads";

    /// <summary>The topics index (<c>/topics</c>): every topic with its count of published articles.</summary>
    public const string TopicIndex = "topics";

    /// <summary>The authors index (<c>/authors</c>) and the API's list of authors: every contributor with photo and role.</summary>
    public const string AuthorIndex = "authors";

    public static string Article(int id) => $"article:{id}";

    /// <summary>The id an <see cref="Article(int)"/> tag names, or null for any other tag.</summary>
    public static int? ArticleId(string tag) =>
        tag.StartsWith("article:", StringComparison.Ordinal) && int.TryParse(tag.AsSpan("article:".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public static string Section(string path) => $"section:{path}";

    public static string Topic(string slug) => $"topic:{slug}";

    public static string Author(string slug) => $"author:{slug}";

    /// <summary>
    /// Every tag of the pages that show this article or count it: its own page, its sections (and their ancestors), topics
    /// (whose pages list it, and whose articles' pages list it under "More on"), the topics index, authors, home, feeds.
    /// </summary>
    public static IEnumerable<string> For(Article article) =>
        For(article.Id, article.Section.Path, article.Topics.Select(t => t.Topic.Slug), article.Byline.Select(c => c.Contributor.Slug));

    /// <summary>As <see cref="For(Article)"/>, from the names the tags are made of (read without the article itself).</summary>
    public static IEnumerable<string> For(int id, string sectionPath, IEnumerable<string> topicSlugs, IEnumerable<string> authorSlugs)
    {
        yield return Article(id);
        yield return Home;
        yield return Feeds;
        var path = sectionPath;
        while (true)
        {
            yield return Section(path);
            var slash = path.LastIndexOf('/');
            if (slash < 0)
            {
                break;
            }
            path = path[..slash];
        }
        var topics = false;
        foreach (var slug in topicSlugs)
        {
            topics = true;
            yield return Topic(slug);
        }
        if (topics)
        {
            yield return TopicIndex;
        }
        foreach (var slug in authorSlugs)
        {
            yield return Author(slug);
        }
    }
}
