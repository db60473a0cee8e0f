using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Broadsheet.Articles;
using Broadsheet.Media;

namespace Broadsheet.Syndication;

/// <summary>
/// An article as IPTC ninjs 2.x or 3.x. The two versions hold the same properties, lower-case in 2.x and camelCase in
/// 3.x, so one writer serves both, spelling each name for the version asked.
/// </summary>
public static class NinjsWriter
{
    public const string MediaType = "application/vnd.iptc.ninjs+json";

    public static byte[] Write(SyndicationSource source, int version)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            new Writer(json, version).Article(source);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static string SchemaUri(int version) => version == 2
        ? "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"
        : "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json";

    private sealed class Writer(Utf8JsonWriter json, int version)
    {
        /// <summary>The property as this version spells it: ninjs 2.x names are the 3.x names in lower case.</summary>
        private string Name(string camel) => version == 2 ? camel.ToLowerInvariant() : camel;

        private void String(string camel, string? value)
        {
            if (value is not null)
            {
                json.WriteString(Name(camel), value);
            }
        }

        private void Time(string camel, DateTimeOffset? value)
        {
            if (value is { } time)
            {
                json.WriteString(Name(camel), time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }
        }

        public void Article(SyndicationSource source)
        {
            var a = source.Article;
            json.WriteStartObject();
            String("uri", source.ArticleUrl);
            String("type", "text");
            String("representationType", "full");
            json.WriteStartObject(Name("standard"));
            String("name", "ninjs");
            String("version", version == 2 ? "2.2" : "3.1");
            String("schema", SchemaUri(version));
            json.WriteEndObject();
            String("version", a.Version.ToString(CultureInfo.InvariantCulture));
            Time("firstCreated", a.CreatedAt);
            Time("versionCreated", source.VersionCreated);
            Time("contentCreated", a.FirstPublishedAt);
            String("pubStatus", "usable");
            String("language", a.Language);
            String("copyrightHolder", source.PublicationName);
            String("copyrightNotice", $"© {source.VersionCreated.Year} {source.PublicationName}");
            String("usageTerms", source.UsageTerms);
            // Corrections and updates go to partners' editors as agencies send them: in the editorial note.
            if (a.Notes.Count > 0)
            {
                String("edNote", string.Join("\n", a.Notes.OrderBy(n => n.At).Select(n => $"{(n.Kind == NoteKind.Correction ? "Correction" : "Update")}: {n.Text}")));
            }

            json.WriteStartArray(Name("headlines"));
            Text("main", "text/plain", a.Headline);
            json.WriteEndArray();
            if (a.Summary.Count > 0)
            {
                json.WriteStartArray(Name("descriptions"));
                Text("summary", "text/plain", string.Join("\n", a.Summary));
                json.WriteEndArray();
            }
            var body = BodyMarkup.Fragment(source);
            var plain = PlainText.Of(a.Body);
            json.WriteStartArray(Name("bodies"));
            json.WriteStartObject();
            String("role", "main");
            String("contentType", "text/html");
            json.WriteNumber(Name("charCount"), plain.Length);
            json.WriteNumber(Name("wordCount"), plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
            String("value", body);
            json.WriteEndObject();
            json.WriteEndArray();

            var byline = a.Byline.OrderBy(b => b.Position).Select(b => b.Contributor).ToList();
            if (byline.Count > 0)
            {
                String("by", string.Join(", ", byline.Select(c => c.Name)));
            }
            Parties("people", byline.Where(c => c.Kind == ContributorKind.Person), source);
            Parties("organisations", byline.Where(c => c.Kind == ContributorKind.Agency), source);

            json.WriteStartArray(Name("subjects"));
            json.WriteStartObject();
            String("name", a.Section.Name);
            String("rel", "section");
            String("uri", source.Url(ArticleUrls.SectionPath(a.Section.Path)));
            String("literal", a.Section.Path);
            json.WriteEndObject();
            foreach (var topic in a.Topics.OrderBy(t => t.Position).Select(t => t.Topic))
            {
                json.WriteStartObject();
                String("name", topic.Name);
                String("rel", "about");
                String("uri", source.Url(ArticleUrls.TopicPath(topic.Slug)));
                String("literal", topic.Slug);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray(Name("genres"));
            json.WriteStartObject();
            String("name", a.Type.ToString());
            String("literal", ContentNames.Of(a.Type));
            json.WriteEndObject();
            json.WriteEndArray();
            String("located", a.Dateline);
            json.WriteStartArray(Name("altIds"));
            json.WriteStartObject();
            String("role", "broadsheet:article");
            String("value", a.Id.ToString(CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteEndArray();

            var pictures = source.Pictures().ToList();
            if (pictures.Count > 0)
            {
                json.WriteStartArray(Name("associations"));
                foreach (var picture in pictures)
                {
                    Picture(picture, source);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }

        private void Text(string role, string contentType, string value)
        {
            json.WriteStartObject();
            String("role", role);
            String("contentType", contentType);
            String("value", value);
            json.WriteEndObject();
        }

        private void Parties(string camel, IEnumerable<Contributor> contributors, SyndicationSource source)
        {
            var list = contributors.ToList();
            if (list.Count == 0)
            {
                return;
            }
            json.WriteStartArray(Name(camel));
            foreach (var c in list)
            {
                json.WriteStartObject();
                String("name", c.Name);
                String("rel", "author");
                if (c.Kind == ContributorKind.Person)
                {
                    String("uri", source.Url(ArticleUrls.AuthorPath(c.Slug)));
                }
                String("literal", c.Slug);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        private void Picture(SyndicatedPicture picture, SyndicationSource source)
        {
            var image = picture.Image;
            json.WriteStartObject();
            String("name", picture.Name);
            // ninjs 2.x gives an association a name only; 3.x adds its relation.
            if (version != 2)
            {
                String("rel", picture.Name == "featureimage" ? "featureimage" : "inline");
            }
            String("uri", source.ImageUri(image));
            String("type", "picture");
            Time("versionCreated", image.CreatedAt);
            String("by", picture.Credit);
            // The caption first: readers that take a picture's first description take it as the caption.
            json.WriteStartArray(Name("descriptions"));
            if (picture.Caption is { } caption)
            {
                Text("caption", "text/plain", caption);
            }
            Text("alt", "text/plain", picture.Alt);
            json.WriteEndArray();
            json.WriteStartArray(Name("renditions"));
            foreach (var r in image.Renditions.OrderBy(r => r.Format, StringComparer.Ordinal).ThenBy(r => r.Width))
            {
                json.WriteStartObject();
                String("name", $"{r.Format}-{r.Width}");
                String("href", source.Url(ImageSources.UrlOf(r.Path)));
                String("contentType", SyndicatedPicture.ContentTypeOf(r));
                json.WriteNumber(Name("width"), r.Width);
                json.WriteNumber(Name("height"), r.Height);
                json.WriteNumber(Name("sizeInBytes"), r.Bytes);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
    }
}
