namespace Broadsheet.Articles.Workflow;

/// <summary>
/// One thing to check before an article goes to readers. <see cref="Field"/> names the editor field that fixes it
/// (the same camelCase path the writer's errors use), so any door can point at it.
/// </summary>
public sealed record CheckItem(string Key, string Label, bool Passed, string? Message, string Field);

/// <summary>
/// The checklist shown before publishing: byline, summary, a section chosen on purpose, a hero picture with alt
/// text, a headline of a readable length and body links that answer. Every item is a warning: an editor may publish
/// past it, but only by confirming a second time. Pure rules; the link answers come from <see cref="LinkChecker"/>.
/// </summary>
public static class PublishChecklist
{
    public const int HeadlineMinLength = 20;

    public const int HeadlineMaxLength = 110;

    /// <summary>At most this many body links are checked; a longer list is checked in part.</summary>
    public const int MaxLinks = 20;

    /// <param name="article">What is about to be published.</param>
    /// <param name="heroLibraryAlt">The library's alt text of the hero picture (used when the article gives none).</param>
    /// <param name="deadLinks">Body links that did not answer (see <see cref="LinkChecker"/>).</param>
    public static IReadOnlyList<CheckItem> Check(ArticleSnapshot article, string? heroLibraryAlt, IReadOnlyCollection<string> deadLinks)
    {
        var headline = article.Headline.Trim();
        var heroAlt = string.IsNullOrWhiteSpace(article.HeroAlt) ? heroLibraryAlt : article.HeroAlt;
        return
        [
            new("byline", "Byline", article.Byline.Count > 0, "no one is named: add the writer or the agency.", "byline"),
            new("summary", "Summary", article.Summary.Count > 0, "add at least one summary point for listings and sharing.", "summary"),
            new("section", "Section", !string.IsNullOrWhiteSpace(article.Section), "choose the section the article belongs to.", "section"),
            article.HeroImageId is null
                ? new("picture", "Picture with alt text", false, "there is no hero picture.", "heroImage.id")
                : new("picture", "Picture with alt text", !string.IsNullOrWhiteSpace(heroAlt), "the hero picture has no alt text.", "heroImage.alt"),
            new("headline", "Headline length", headline.Length is >= HeadlineMinLength and <= HeadlineMaxLength,
                headline.Length < HeadlineMinLength
                    ? $"{headline.Length} characters: a headline under {HeadlineMinLength} rarely tells the story."
                    : $"{headline.Length} characters: over {HeadlineMaxLength} is cut off in listings and search results.", "headline"),
            new("links", "Links answer", deadLinks.Count == 0,
                deadLinks.Count == 1 ? $"{deadLinks.First()} does not answer." : $"{deadLinks.Count} links do not answer: {string.Join(", ", deadLinks)}.", "body"),
        ];
    }

    public static bool AllPassed(IReadOnlyList<CheckItem> items) => items.All(i => i.Passed);

    /// <summary>The web links in a body (in runs and embeds), each once, in order, at most <see cref="MaxLinks"/>.</summary>
    public static IReadOnlyList<string> Links(IReadOnlyList<Block> body)
    {
        var links = new List<string>();
        void Add(string? href)
        {
            if (href is not null && Uri.TryCreate(href, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && !links.Contains(href) && links.Count < MaxLinks)
            {
                links.Add(href);
            }
        }
        void Runs(IEnumerable<Inline> runs)
        {
            foreach (var run in runs)
            {
                Add(run.Href);
            }
        }
        foreach (var block in body)
        {
            switch (block)
            {
                case ParagraphBlock p:
                    Runs(p.Content);
                    break;
                case QuoteBlock q:
                    Runs(q.Content);
                    break;
                case ListBlock l:
                    Runs(l.Items.SelectMany(i => i));
                    break;
                case EmbedBlock e:
                    Add(e.Url);
                    break;
            }
        }
        return links;
    }
}
