using System.Text.Json.Nodes;
using Broadsheet.Articles;
using Broadsheet.Rendering;

namespace Broadsheet.Reader;

/// <summary>
/// The Trust Project's indicators as the article page labels and marks them up: the type of work (a label readers see,
/// a schema.org type), the sponsor, citations, corrections, where it was reported from, and the publisher's policy pages.
/// Each piece is added to the JSON-LD the article page builds, apart from the rest of it.
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

    /// <summary>Type, sponsor, place, citations and corrections of <paramref name="article"/>, onto its JSON-LD.</summary>
    public static void DescribeArticle(JsonObject ld, Article article)
    {
        ld["@type"] = SchemaType(article.Type);
        if (article.Type == ArticleType.Sponsored && article.Sponsor is { Length: > 0 } sponsor)
        {
            ld["sponsor"] = new JsonObject { ["@type"] = "Organization", ["name"] = sponsor };
        }
        if (article.Dateline is { Length: > 0 } dateline)
        {
            ld["contentLocation"] = new JsonObject { ["@type"] = "Place", ["name"] = dateline };
        }
        var citations = article.Body.OfType<SourcesBlock>().SelectMany(b => b.Items)
            .Select(s => (JsonNode?)new JsonObject { ["@type"] = "CreativeWork", ["name"] = s.Title, ["url"] = s.Url })
            .ToArray();
        if (citations.Length > 0)
        {
            ld["citation"] = new JsonArray(citations);
        }
        var corrections = article.Notes.Where(n => n.Kind == NoteKind.Correction).OrderBy(n => n.At)
            .Select(n => (JsonNode?)new JsonObject { ["@type"] = "CorrectionComment", ["text"] = n.Text, ["datePublished"] = n.At.ToString("O") })
            .ToArray();
        if (corrections.Length > 0)
        {
            ld["correction"] = new JsonArray(corrections);
        }
    }

    /// <summary>The policy pages that exist, onto the publisher; <paramref name="absolute"/> makes a path a full URL.</summary>
    public static void DescribePublisher(JsonObject publisher, IReadOnlyList<(string Slug, string Title)> standardsPages, Func<string, string> absolute)
    {
        foreach (var (property, slug) in PolicyPages)
        {
            if (standardsPages.Any(p => p.Slug == slug))
            {
                publisher[property] = absolute("/standards/" + slug);
            }
        }
    }
}
