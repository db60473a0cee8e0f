using Broadsheet.Articles;
using Broadsheet.Rendering;

namespace Broadsheet.Discovery;

public enum FeedFormat
{
    Rss,
    Atom,
}

/// <summary>
/// Where each page's feeds are: <c>/feeds/rss.xml</c> and <c>/feeds/atom.xml</c> for the home page, then
/// <c>/feeds/sections/{path}/</c>, <c>/feeds/topics/{slug}/</c> and <c>/feeds/authors/{slug}/</c> followed by
/// <c>rss.xml</c> or <c>atom.xml</c>.
/// </summary>
public static class FeedUrls
{
    public const string RssType = "application/rss+xml";
    private static readonly string SectionTag = CacheTags.Section("");
    private static readonly string TopicTag = CacheTags.Topic("");
    private static readonly string AuthorTag = CacheTags.Author("");
    public const string AtomType = "application/atom+xml";

    public static string Home(FeedFormat format) => "/feeds/" + FileName(format);

    public static string Section(string path, FeedFormat format) => $"/feeds/sections/{path}/{FileName(format)}";

    public static string Topic(string slug, FeedFormat format) => $"/feeds/topics/{slug}/{FileName(format)}";

    public static string Author(string slug, FeedFormat format) => $"/feeds/authors/{slug}/{FileName(format)}";

    /// <summary>A page's feeds in both formats, for its head.</summary>
    public static IReadOnlyList<AlternateLink> Links(string title, Func<FeedFormat, string> path) =>
        [new(RssType, title + " (RSS)", path(FeedFormat.Rss)), new(AtomType, title + " (Atom)", path(FeedFormat.Atom))];

    public static string FileName(FeedFormat format) => format == FeedFormat.Rss ? "rss.xml" : "atom.xml";

    public static string ContentType(FeedFormat format) => format == FeedFormat.Rss ? RssType : AtomType;

    public static FeedFormat? FormatOf(string fileName) => fileName switch
    {
        "rss.xml" => FeedFormat.Rss,
        "atom.xml" => FeedFormat.Atom,
        _ => null,
    };

    /// <summary>
    /// The feeds (both formats) that show what an evicted cache tag names: the home feed for <c>home</c>, a section's,
    /// topic's or author's feeds for theirs; nothing for tags no feed follows.
    /// </summary>
    public static IEnumerable<string> ForTag(string tag)
    {
        Func<FeedFormat, string>? url = tag switch
        {
            CacheTags.Home => Home,
            _ when tag.StartsWith(SectionTag, StringComparison.Ordinal) => f => Section(tag[SectionTag.Length..], f),
            _ when tag.StartsWith(TopicTag, StringComparison.Ordinal) => f => Topic(tag[TopicTag.Length..], f),
            _ when tag.StartsWith(AuthorTag, StringComparison.Ordinal) => f => Author(tag[AuthorTag.Length..], f),
            _ => null,
        };
        return url is null ? [] : [url(FeedFormat.Rss), url(FeedFormat.Atom)];
    }
}
