using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Broadsheet.Articles;

namespace Broadsheet.Reader;

/// <summary>
/// The article page's schema.org <c>NewsArticle</c> (the subtype its type of work names), written straight to JSON: building a <c>JsonObject</c> tree and
/// serialising it cost a measurable share of a render. The default encoder escapes &lt;, &gt; and &amp;, so nothing in
/// the data can close the script element it goes in.
/// </summary>
public static class ArticleJsonLd
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>What the page knows besides the article: absolute URLs are made by <paramref name="Absolute"/>.</summary>
    public sealed record Context(
        string PublicationName, Func<string, string> Absolute, string? Description, DateTimeOffset? ModifiedAt,
        IReadOnlyList<string> ImagePaths, int WordCount, IReadOnlyList<(string Slug, string Title)> StandardsPages);

    public static string NewsArticle(Article article, Context c)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("@context", "https://schema.org");
            w.WriteString("@type", TrustMarkup.SchemaType(article.Type));
            w.WriteString("headline", article.Headline);
            StringOrNull(w, "description", c.Description);
            w.WriteString("inLanguage", article.Language);
            StringOrNull(w, "datePublished", article.FirstPublishedAt?.ToString("O", CultureInfo.InvariantCulture));
            StringOrNull(w, "dateModified", c.ModifiedAt?.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("mainEntityOfPage", c.Absolute(article.PublicPath));
            w.WriteStartArray("author");
            foreach (var entry in article.Byline)
            {
                var contributor = entry.Contributor;
                var person = contributor.Kind == ContributorKind.Person;
                w.WriteStartObject();
                w.WriteString("@type", person ? "Person" : "Organization");
                w.WriteString("name", contributor.Name);
                w.WriteString("url", c.Absolute(ArticleUrls.AuthorPath(contributor.Slug)));
                if (person && contributor.Role is { } role)
                {
                    w.WriteString("jobTitle", role);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("publisher");
            w.WriteString("@type", "NewsMediaOrganization");
            w.WriteString("name", c.PublicationName);
            w.WriteString("url", c.Absolute("/"));
            w.WriteString("publishingPrinciples", c.Absolute("/standards"));
            TrustMarkup.WritePublisher(w, c.StandardsPages, c.Absolute);
            w.WriteEndObject();
            w.WriteString("articleSection", article.Section.Name);
            w.WriteNumber("wordCount", c.WordCount);
            w.WriteBoolean("isAccessibleForFree", true);
            TrustMarkup.WriteArticle(w, article);
            if (c.ImagePaths.Count > 0)
            {
                w.WriteStartArray("image");
                foreach (var path in c.ImagePaths)
                {
                    w.WriteStringValue(c.Absolute(path));
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void StringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
