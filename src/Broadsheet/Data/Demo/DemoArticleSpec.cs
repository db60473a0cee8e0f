using Broadsheet.Articles;

namespace Broadsheet.Data.Demo;

/// <summary>One demo article as written: markup body (see <see cref="DemoMarkup"/>), times relative to seeding.</summary>
internal sealed record DemoArticleSpec(
    string Section,
    ArticleType Type,
    string Headline,
    string[] Summary,
    string[] Topics,
    string[] Byline,
    string? Dateline,
    double HoursAgo,
    DemoIllustration Hero,
    string Body)
{
    public string Language { get; init; } = "en";

    /// <summary>When the article was last updated, if it was; a note, if any, is dated then.</summary>
    public double? UpdatedHoursAgo { get; init; }

    public NoteKind? NoteKind { get; init; }

    public string? Note { get; init; }
}
