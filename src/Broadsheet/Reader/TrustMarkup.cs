using System.Globalization;
using System.Text.Json;
using Broadsheet.Articles;
using Broadsheet.Rendering;

namespace Broadsheet.Reader;

/// <summary>
/// The Trust Project's indicators as the article page labels and marks them up: the type of work (a label readers see,
/// a schema.org type), the sponsor, citations, corrections, where it was reported from, and the publisher's policy pages.
/// Each piece is written into the JSON-LD the article page writes (<see cref="ArticleJsonLd"/>), apart from the rest of it.
/// </summary>
public static class TrustMarkup
{
    /// <summary>
    /// The publisher's policy properties (schema.org <c>NewsMediaOrganization</c>) and the standards page slug each one
    /// names. A property is given only when its page exists, so every URL in the markup resolves.
    /// </summary>
    public static readonly IReadOnlyList<(string Property, string Slug)> PolicyPages =
    [
        ("correctionsPolicy", "corrections"),
        ("ethicsPolicy", "standards-and-ethics"),
        ("masthead", "masthead"),
        ("ownershipFundingInfo", "ownership"),
        ("actionableFeedbackPolicy", "feedback"),
        ("diversityPolicy", "diversity"),
        ("verificationFactCheckingPolicy", "verification"),
        ("unnamedSourcesPolicy", "unnamed-sources"),
    ];

    /// <summary>The label readers see: the type of work, or for sponsored content who paid for it.</summary>
    public static Phrase Label(Article article, Words words) =>
        article.Type == ArticleType.Sponsored && article.Sponsor is { Length: > 0 } sponsor
            ? words.Format("sponsored.by", sponsor)
            : words["type." + ContentNames.Of(article.Type)];

    public static string SchemaType(ArticleType type) => type switch
    {
        ArticleType.Opinion => "OpinionNewsArticle",
        ArticleType.Analysis => "AnalysisNewsArticle",
        ArticleType.Explainer => "BackgroundNewsArticle",
        ArticleType.Review => "ReviewNewsArticle",
        ArticleType.Sponsored => "AdvertiserContentArticle",
        _ => "ReportageNewsArticle",
    };

    /// <summary>Sponsor, place, citations and corrections of <paramref name="article"/>, into its JSON-LD object.</summary>
    public static void WriteArticle(Utf8JsonWriter w, Article article)
    {
        if (article.Type == ArticleType.Sponsored && article.Sponsor is { Length: > 0 } sponsor)
        {
            w.WriteStartObject("sponsor");
            w.WriteString("@type", "Organization");
            w.WriteString("name", sponsor);
            w.WriteEndObject();
        }
        if (article.Dateline is { Length: > 0 } dateline)
        {
            w.WriteStartObject("contentLocation");
            w.WriteString("@type", "Place");
            w.WriteString("name", dateline);
            w.WriteEndObject();
        }
        var sources = article.Body.OfType<SourcesBlock>().SelectMany(b => b.Items).ToList();
        if (sources.Count > 0)
        {
            w.WriteStartArray("citation");
            foreach (var source in sources)
            {
                w.WriteStartObject();
                w.WriteString("@type", "CreativeWork");
                w.WriteString("name", source.Title);
                w.WriteString("url", source.Url);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        var corrections = article.Notes.Where(n => n.Kind == NoteKind.Correction).OrderBy(n => n.At).ToList();
        if (corrections.Count > 0)
        {
            w.WriteStartArray("correction");
            foreach (var note in corrections)
            {
                w.WriteStartObject();
                w.WriteString("@type", "CorrectionComment");
                w.WriteString("text", note.Text);
                w.WriteString("datePublished", note.At.ToString("O", CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
    }

    /// <summary>The policy pages that exist, into the publisher object; <paramref name="absolute"/> makes a path a full URL.</summary>
    public static void WritePublisher(Utf8JsonWriter w, IReadOnlyList<(string Slug, string Title)> standardsPages, Func<string, string> absolute)
    {
        foreach (var (property, slug) in PolicyPages)
        {
            if (standardsPages.Any(p => p.Slug == slug))
            {
                w.WriteString(property, absolute("/standards/" + slug));
            }
        }
    }
}
