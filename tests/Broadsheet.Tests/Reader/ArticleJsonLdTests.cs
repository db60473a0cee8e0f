using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Broadsheet.Articles;
using Broadsheet.Reader;

namespace Broadsheet.Tests.Reader;

/// <summary>The hand-written JSON-LD writer gives, byte for byte, what the JsonObject tree it replaces gave.</summary>
public sealed class ArticleJsonLdTests
{
    private static readonly JsonSerializerOptions LdJson = new() { Encoder = JavaScriptEncoder.Default };

    private static string Absolute(string path) => "https://example.com" + path;

    public static TheoryData<int> Cases => [0, 1, 2, 3];

    private static (Article Article, ArticleJsonLd.Context Context) Case(int n)
    {
        var section = new Section { Path = "world/asia", Name = n == 1 ? "Asia & \"Pacific\"" : "Asia" };
        var article = new Article
        {
            Id = 40 + n,
            Slug = "ferry-budget",
            Headline = n switch
            {
                1 => "</script><script>alert('x')</script> & more",
                2 => "渡輪預算獲批 — “quoted” 💡",
                _ => "Harbour council approves ferry budget",
            },
            Language = n == 2 ? "zh-Hant" : "en-GB",
            Section = section,
            FirstPublishedAt = n == 3 ? null : new DateTimeOffset(2026, 12, 6, 9, 30, 15, TimeSpan.FromHours(n)),
        };
        var people = new[]
        {
            new Contributor { Slug = "ana", Name = "Ana <Ruiz>", Kind = ContributorKind.Person, Role = n == 0 ? null : "Harbour reporter" },
            new Contributor { Slug = "wire", Name = "Wire Agency", Kind = ContributorKind.Agency, Role = "ignored for organisations" },
            new Contributor { Slug = "li", Name = "李明", Kind = ContributorKind.Person, Role = "Editor" },
        };
        article.Byline = [.. people.Take(n + 1).Select((c, i) => new BylineEntry { Contributor = c, Position = i })];
        var context = new ArticleJsonLd.Context(
            n == 1 ? "The \"Daily\" <Post>" : "The Daily Post",
            Absolute,
            n == 3 ? null : "The council voted on Tuesday.",
            n == 3 ? null : article.FirstPublishedAt?.AddHours(2),
            n switch { 0 => ["/media/hero/1600.jpg", "/media/hero/crop-16x9.jpg", "/media/hero/crop-1x1.jpg"], 2 => ["/media/a.jpg"], _ => [] },
            300 + n,
            []);
        return (article, context);
    }

    /// <summary>The page's JSON-LD as the JsonObject tree built it before the writer (a news report: a <c>ReportageNewsArticle</c>).</summary>
    private static string Previous(Article article, ArticleJsonLd.Context c)
    {
        var authors = new JsonArray();
        foreach (var entry in article.Byline)
        {
            var contributor = entry.Contributor;
            var author = new JsonObject
            {
                ["@type"] = contributor.Kind == ContributorKind.Person ? "Person" : "Organization",
                ["name"] = contributor.Name,
                ["url"] = c.Absolute(ArticleUrls.AuthorPath(contributor.Slug)),
            };
            if (contributor.Kind == ContributorKind.Person && contributor.Role is { } role)
            {
                author["jobTitle"] = role;
            }
            authors.Add(author);
        }
        var ld = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ReportageNewsArticle",
            ["headline"] = article.Headline,
            ["description"] = c.Description,
            ["inLanguage"] = article.Language,
            ["datePublished"] = article.FirstPublishedAt?.ToString("O"),
            ["dateModified"] = c.ModifiedAt?.ToString("O"),
            ["mainEntityOfPage"] = c.Absolute(article.PublicPath),
            ["author"] = authors,
            ["publisher"] = new JsonObject
            {
                ["@type"] = "NewsMediaOrganization",
                ["name"] = c.PublicationName,
                ["url"] = c.Absolute("/"),
                ["publishingPrinciples"] = c.Absolute("/standards"),
            },
            ["articleSection"] = article.Section.Name,
            ["wordCount"] = c.WordCount,
            ["isAccessibleForFree"] = true,
        };
        if (c.ImagePaths.Count > 0)
        {
            ld["image"] = new JsonArray([.. c.ImagePaths.Select(url => (JsonNode?)c.Absolute(url))]);
        }
        return ld.ToJsonString(LdJson);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_writer_gives_what_the_json_tree_gave(int n)
    {
        var (article, context) = Case(n);
        var written = ArticleJsonLd.NewsArticle(article, context);
        Assert.Equal(Previous(article, context), written);
        Assert.DoesNotContain("</script", written, StringComparison.OrdinalIgnoreCase);
    }
}
