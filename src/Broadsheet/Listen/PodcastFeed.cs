using System.Globalization;
using System.Text;
using System.Xml;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Rendering;
using Broadsheet.Speech;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Listen;

/// <summary>
/// RSS 2.0 podcast feeds of article audio (the default voice of each article's language), for the whole publication
/// and per section, with the iTunes tags Apple Podcasts requires. Only articles whose current revision has ready audio
/// are listed. They are reader responses (<see cref="ReaderPageMarker"/>: ETag, Cache-Control, output cache); the worker
/// evicts <see cref="CacheTags.Feeds"/> when new audio is ready, and a feed whose render began before that eviction is
/// not stored (<see cref="EvictionLedger"/>).
/// </summary>
internal static class PodcastFeed
{
    private const string Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static void Map(WebApplication app)
    {
        var feeds = app.MapGroup("/feeds").WithTags("Listen");
        feeds.MapGet("/podcast.xml", (HttpContext http, BroadsheetDb db, PublishedArticles published, VoiceCatalog catalog, PodcastArtwork artwork, IOptions<ListenOptions> options, CancellationToken ct) =>
                FeedAsync(null, http, db, published, catalog, artwork, options.Value.Podcast, ct))
            .WithName("PodcastFeed")
            .WithMetadata(ReaderPageMarker.Instance)
            .WithSummary("The publication's podcast: every article with ready audio, newest first.")
            .CacheOutput(p => p.AddPolicy<ReaderCachePolicy>().Tag(CacheTags.Feeds));
        feeds.MapGet("/podcast/{**section}", (string section, HttpContext http, BroadsheetDb db, PublishedArticles published, VoiceCatalog catalog, PodcastArtwork artwork, IOptions<ListenOptions> options, CancellationToken ct) =>
                FeedAsync(section, http, db, published, catalog, artwork, options.Value.Podcast, ct))
            .WithName("SectionPodcastFeed")
            .WithMetadata(ReaderPageMarker.Instance)
            .WithSummary("A section's podcast (e.g. /feeds/podcast/asia/east-asia.xml), including its subsections.")
            .CacheOutput(p => p.AddPolicy<ReaderCachePolicy>().Tag(CacheTags.Feeds));
        app.MapGet("/listen/artwork/{key}.png", Results<FileContentHttpResult, NotFound> (string key, HttpContext http, PodcastArtwork artwork) =>
            {
                if (artwork.Find(key) is not { } png)
                {
                    return TypedResults.NotFound();
                }
                http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                return TypedResults.File(png, "image/png");
            })
            .WithTags("Listen")
            .WithName("PodcastArtwork")
            .WithSummary("The podcast's square cover art.");
    }

    private static async Task<Results<ContentHttpResult, NotFound>> FeedAsync(
        string? sectionFile, HttpContext http, BroadsheetDb db, PublishedArticles published, VoiceCatalog catalog, PodcastArtwork artwork, PodcastOptions podcast, CancellationToken ct)
    {
        var publication = await db.Publications.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct)
            ?? new Publication { Name = SiteChrome.FallbackName, BaseUrl = "" };
        Section? section = null;
        if (sectionFile is not null)
        {
            if (!sectionFile.EndsWith(".xml", StringComparison.Ordinal))
            {
                return TypedResults.NotFound();
            }
            var path = sectionFile[..^4];
            section = await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Path == path, ct);
            if (section is null)
            {
                return TypedResults.NotFound();
            }
        }

        var articles = section is null ? published.Query() : published.InSection(section.Path);
        var candidates = await (
            from a in articles
            join audio in db.ArticleAudio on a.Id equals audio.ArticleId
            join script in db.ArticleScripts on a.Id equals script.ArticleId
            where audio.Status == AudioStatus.Ready && audio.Fingerprint == script.Fingerprint
            select new Episode(a.Id, a.Headline, a.Summary, a.Language, a.Section.Path, a.Slug, a.FirstPublishedAt!.Value, audio.VoiceId, audio.Fingerprint, audio.Mp3Bytes, audio.DurationMs))
            .ToListAsync(ct);
        // Each article once, in its language's default voice.
        var episodes = candidates
            .Where(e => catalog.DefaultFor(e.Language)?.Id == e.VoiceId)
            .OrderByDescending(e => e.Published).ThenByDescending(e => e.ArticleId)
            .Take(podcast.Episodes)
            .ToList();

        var baseUrl = string.IsNullOrWhiteSpace(publication.BaseUrl) ? $"{http.Request.Scheme}://{http.Request.Host}" : publication.BaseUrl.TrimEnd('/');
        string Absolute(string path) => baseUrl + new PathString(path).ToUriComponent();
        var title = podcast.Title ?? publication.Name;
        var feedTitle = section is null ? title : $"{title}: {section.Name}";
        var description = podcast.Description
            ?? (section is null ? $"Every story from {publication.Name}, read aloud." : $"{section.Name} stories from {publication.Name}, read aloud.");
        var author = podcast.Author ?? publication.Name;
        artwork.Png(title);

        var xml = new StringBuilder();
        using (var w = XmlWriter.Create(xml, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, OmitXmlDeclaration = true }))
        {
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteAttributeString("xmlns", "itunes", null, Itunes);
            w.WriteAttributeString("xmlns", "atom", null, Atom);
            w.WriteStartElement("channel");
            w.WriteElementString("title", TextRules.ForXml(feedTitle));
            w.WriteElementString("link", Absolute(section is null ? "/" : ArticleUrls.SectionPath(section.Path)));
            w.WriteStartElement("atom", "link", Atom);
            w.WriteAttributeString("href", Absolute(http.Request.Path));
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("type", "application/rss+xml");
            w.WriteEndElement();
            w.WriteElementString("description", TextRules.ForXml(description));
            w.WriteElementString("language", publication.Language);
            w.WriteElementString("copyright", $"© {publication.Name}");
            w.WriteElementString("lastBuildDate", (episodes.Count > 0 ? episodes[0].Published : DateTimeOffset.UnixEpoch).ToString("r", CultureInfo.InvariantCulture));
            w.WriteStartElement("itunes", "image", Itunes);
            w.WriteAttributeString("href", Absolute(artwork.PathFor(title)));
            w.WriteEndElement();
            w.WriteStartElement("itunes", "category", Itunes);
            w.WriteAttributeString("text", podcast.Category);
            if (!string.IsNullOrWhiteSpace(podcast.Subcategory))
            {
                w.WriteStartElement("itunes", "category", Itunes);
                w.WriteAttributeString("text", podcast.Subcategory);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteElementString("itunes", "explicit", Itunes, podcast.Explicit ? "true" : "false");
            w.WriteElementString("itunes", "author", Itunes, author);
            w.WriteElementString("itunes", "type", Itunes, "episodic");
            w.WriteStartElement("itunes", "owner", Itunes);
            w.WriteElementString("itunes", "name", Itunes, podcast.OwnerName ?? publication.Name);
            w.WriteElementString("itunes", "email", Itunes, podcast.OwnerEmail);
            w.WriteEndElement();

            foreach (var e in episodes)
            {
                var page = Absolute(ArticleUrls.PathOf(e.SectionPath, e.ArticleId, e.Slug));
                var summary = e.Summary.Count > 0 ? string.Join(" ", e.Summary.Select(p => p.TrimEnd('.') + ".")) : e.Headline;
                w.WriteStartElement("item");
                // Text stored before the text rules refused control characters must not break the whole feed.
                w.WriteElementString("title", TextRules.ForXml(e.Headline));
                w.WriteElementString("description", TextRules.ForXml(summary));
                w.WriteElementString("link", page);
                w.WriteStartElement("enclosure");
                w.WriteAttributeString("url", Absolute($"/listen/{e.ArticleId}/{e.VoiceId}/{e.Fingerprint[..12]}.mp3"));
                w.WriteAttributeString("length", e.Mp3Bytes.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("type", "audio/mpeg");
                w.WriteEndElement();
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "false");
                w.WriteString($"broadsheet-audio:{e.ArticleId}:{e.Fingerprint[..12]}");
                w.WriteEndElement();
                w.WriteElementString("pubDate", e.Published.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));
                w.WriteElementString("itunes", "duration", Itunes, Duration(e.DurationMs));
                w.WriteElementString("itunes", "explicit", Itunes, podcast.Explicit ? "true" : "false");
                w.WriteElementString("itunes", "episodeType", Itunes, "full");
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return TypedResults.Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml, "application/rss+xml; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>HH:MM:SS, the form every podcast app reads.</summary>
    internal static string Duration(int ms)
    {
        var t = TimeSpan.FromSeconds(Math.Round(ms / 1000.0));
        return string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}");
    }

    private sealed record Episode(int ArticleId, string Headline, List<string> Summary, string Language, string SectionPath, string Slug,
        DateTimeOffset Published, string VoiceId, string Fingerprint, long Mp3Bytes, int DurationMs);
}
