using System.Globalization;
using System.Text.Encodings.Web;
using Broadsheet.Articles;
using Broadsheet.FrontPage;
using Broadsheet.Rendering;

namespace Broadsheet.Reader;

/// <summary>
/// The article page's own markup (inside <see cref="PageLayout"/>'s frame), written straight to the response's writer:
/// the story with its kicker, type of work, breadcrumbs, headline, summary, hero picture, byline, dates, the listen
/// player, the body (<see cref="BodyMarkup"/>), corrections, "About this story" and sharing, topics and author boxes,
/// then the reading-on lists and "Most read" (<see cref="ReadingOnMarkup"/>) and the read beacon.
/// </summary>
public static class ArticleMarkup
{
    private static readonly decimal[] Speeds = [0.5m, 0.75m, 1m, 1.25m, 1.5m, 1.75m, 2m];
    private static readonly string[] PlayerMessages = ["play", "pause", "from", "preparing", "unreachable", "unavailable", "failed", "error", "of"];

    /// <summary>Where a story its agency withdrew was: the notice (410 Gone).</summary>
    public static void Withdrawn(TextWriter w, HtmlEncoder e, PageFrame frame, string notice)
    {
        w.Write("<h1>");
        e.Encode(w, frame.Meta.Title ?? "");
        w.Write("</h1>\n<p>");
        e.Encode(w, notice);
        w.Write("</p>\n<p><a href=\"/\">");
        frame.PageWords["article.front-page"].WriteTo(w, e);
        w.Write("</a></p>\n");
    }

    public static void Write(TextWriter w, HtmlEncoder e, ArticleView view)
    {
        var frame = view.Frame;
        var words = frame.PageWords;
        var chromeLang = frame.ChromeLang;
        var article = view.Article;
        var zone = view.Chrome.TimeZone;
        w.Write("<article class=\"article\">\n");
        if (view.TopSlot is { } top)
        {
            BodyMarkup.AdSlot(w, e, top, words, chromeLang);
        }
        if (article.PrimaryTopic is { } topic)
        {
            w.Write("<p class=\"kicker\"");
            PageLayout.Attribute(w, e, "lang", chromeLang);
            w.Write("><a href=\"");
            e.Encode(w, ArticleUrls.TopicPath(topic.Slug));
            w.Write("\">");
            e.Encode(w, topic.Name);
            w.Write("</a></p>\n");
        }
        w.Write("<p class=\"work-type work-");
        e.Encode(w, ContentNames.Of(article.Type));
        w.Write("\">");
        TrustMarkup.Label(article, words).WriteTo(w, e);
        w.Write("</p>\n<nav class=\"crumbs\" aria-label=\"");
        e.Encode(w, words["article.breadcrumb"].Text);
        w.Write('"');
        PageLayout.Attribute(w, e, "lang", chromeLang);
        w.Write(">\n<ol>\n");
        foreach (var sec in view.Breadcrumbs)
        {
            PageLayout.LinkItem(w, e, ArticleUrls.SectionPath(sec.Path), sec.Name);
        }
        w.Write("</ol>\n</nav>\n");
        if (article.IsSample)
        {
            w.Write("<p class=\"sample\">");
            words["article.sample"].WriteTo(w, e);
            w.Write("</p>\n");
        }
        w.Write("<h1 data-listen-place=\"h\">");
        e.Encode(w, article.Headline);
        w.Write("</h1>\n");
        if (article.Summary.Count > 0)
        {
            w.Write("<ul class=\"summary\">\n");
            for (var i = 0; i < article.Summary.Count; i++)
            {
                w.Write("<li data-listen-place=\"s");
                w.Write(i);
                w.Write("\">");
                e.Encode(w, article.Summary[i]);
                w.Write("</li>\n");
            }
            w.Write("</ul>\n");
        }
        w.Write("<p class=\"meta\">");
        words.Format("article.reading-time", words.Count("article.minutes", view.ReadingMinutes).Text).WriteTo(w, e);
        w.Write("</p>\n<p class=\"trust\"><a href=\"/standards\">");
        words.Around("article.trust", frame.InChromeLang(view.Chrome.Publication.Name)).WriteTo(w, e);
        w.Write("</a></p>\n");
        if (article.HeroImage is { } hero)
        {
            w.Write("<figure class=\"hero\">\n");
            BodyMarkup.Picture(w, e, new PictureView(hero, article.HeroAlt ?? hero.Alt, PictureView.ColumnSizes, Eager: true));
            BodyMarkup.Caption(w, e, view.HeroCaption, view.HeroCredit, chromeLang);
            w.Write("</figure>\n");
        }
        if (article.Byline.Count > 0)
        {
            w.Write("<p class=\"byline\"");
            PageLayout.Attribute(w, e, "lang", chromeLang);
            w.Write('>');
            for (var i = 0; i < article.Byline.Count; i++)
            {
                var contributor = article.Byline[i].Contributor;
                if (i > 0)
                {
                    var separator = words.Format(i == article.Byline.Count - 1 ? "article.list-and" : "article.list-comma", " ");
                    if (chromeLang is null)
                    {
                        separator.WriteTo(w, e);
                    }
                    else
                    {
                        w.Write("<span");
                        PageLayout.Attribute(w, e, "lang", frame.Language);
                        w.Write('>');
                        separator.WriteTo(w, e);
                        w.Write("</span>");
                    }
                }
                w.Write("<a href=\"");
                e.Encode(w, ArticleUrls.AuthorPath(contributor.Slug));
                w.Write("\" rel=\"author\">");
                e.Encode(w, contributor.Name);
                w.Write("</a>");
            }
            w.Write("</p>\n");
        }
        w.Write("<p class=\"dates\">");
        if (article.Dateline is { Length: > 0 } dateline)
        {
            w.Write("<span>");
            e.Encode(w, dateline);
            w.Write(" · </span>");
        }
        words["article.published"].WriteTo(w, e);
        Time(w, e, words, article.FirstPublishedAt!.Value, zone, " <time datetime=\"");
        if (view.WasUpdated)
        {
            w.Write(" · ");
            words["article.updated"].WriteTo(w, e);
            Time(w, e, words, article.LastUpdatedAt!.Value, zone, " <time datetime=\"");
        }
        w.Write("</p>\n");
        ListenPlayer(w, e, view);
        w.Write("<div class=\"body\">\n");
        BodyMarkup.Write(w, e, view.Body, article.Language, words, chromeLang);
        w.Write("</div>\n");
        if (article.Notes.Count > 0)
        {
            w.Write("<section class=\"notes\" aria-labelledby=\"notes-heading\">\n<h2 id=\"notes-heading\">");
            words["article.notes"].WriteTo(w, e);
            w.Write("</h2>\n");
            foreach (var note in article.Notes)
            {
                w.Write("<p><strong>");
                words[note.Kind == NoteKind.Correction ? "article.correction" : "article.update"].WriteTo(w, e);
                w.Write("</strong> ");
                e.Encode(w, note.Text);
                Time(w, e, words, note.At, zone, " <time datetime=\"");
                w.Write("</p>\n");
            }
            w.Write("</section>\n");
        }
        AboutStory(w, e, view);
        if (article.Topics.Count > 0)
        {
            w.Write("<nav class=\"tags\" aria-label=\"");
            e.Encode(w, words["article.topics"].Text);
            w.Write('"');
            PageLayout.Attribute(w, e, "lang", chromeLang);
            w.Write("><ul>\n");
            foreach (var t in article.Topics)
            {
                PageLayout.LinkItem(w, e, ArticleUrls.TopicPath(t.Topic.Slug), t.Topic.Name);
            }
            w.Write("</ul></nav>\n");
        }
        foreach (var entry in article.Byline)
        {
            var person = entry.Contributor;
            if (person.Kind != ContributorKind.Person || (person.Bio is null && person.Role is null))
            {
                continue;
            }
            w.Write("<section class=\"author-box\" aria-label=\"");
            e.Encode(w, words.Format("article.about", person.Name).Text);
            w.Write("\">\n");
            if (person.Photo is { } photo)
            {
                BodyMarkup.Portrait(w, e, new PortraitView(photo, 64));
            }
            w.Write("<div");
            PageLayout.Attribute(w, e, "lang", chromeLang);
            w.Write(">\n<p class=\"author-name\"><a href=\"");
            e.Encode(w, ArticleUrls.AuthorPath(person.Slug));
            w.Write("\">");
            e.Encode(w, person.Name);
            w.Write("</a>");
            if (person.Role is { } role)
            {
                w.Write("<span>, ");
                e.Encode(w, role);
                w.Write("</span>");
            }
            w.Write("</p>\n");
            if (person.Bio is { } bio)
            {
                w.Write("<p>");
                e.Encode(w, ShortBio.Of(bio));
                w.Write("</p>\n");
            }
            w.Write("</div>\n</section>\n");
        }
        w.Write("</article>\n");
        ReadingOnMarkup.For(view.ReadingOn, article.Language, view.Chrome).WriteTo(w, e);
        ReadingOnMarkup.MostRead(view.MostRead, article.Language).WriteTo(w, e);
        // Counts the read for "Most read": a same-origin beacon once the page has been seen; no cookie, nothing about the reader.
        w.Write("<script src=\"");
        e.Encode(w, view.Files.AddFileVersionToPath(view.Request.PathBase, "/js/reads.js"));
        w.Write("\" data-url=\"");
        e.Encode(w, FrontPageExtensions.ReadBeaconPath(article.Id));
        w.Write("\" defer></script>\n");
    }

    /// <summary><paramref name="start"/>, the machine time, then the time as readers read it and <c>&lt;/time&gt;</c>.</summary>
    private static void Time(TextWriter w, HtmlEncoder e, Words words, DateTimeOffset at, TimeZoneInfo zone, string start)
    {
        w.Write(start);
        e.Encode(w, MachineTime.Of(at));
        w.Write("\">");
        words.Time(at, zone).WriteTo(w, e);
        w.Write("</time>");
    }

    /// <summary>
    /// The Trust Project's indicators readers see after the story: type of work, where it was reported from, how it was
    /// reported, the standards behind it; then sharing and the way to the "Report an error" form, which is a page of its
    /// own so that the cached article carries no per-render token. Left out of print.
    /// </summary>
    private static void AboutStory(TextWriter w, HtmlEncoder e, ArticleView view)
    {
        var article = view.Article;
        var words = Words.For(article.Language);
        var url = view.Chrome.Absolute(view.Request, article.PublicPath);
        w.Write("<section class=\"about-story\" aria-labelledby=\"about-heading\">\n<h2 id=\"about-heading\">");
        words["behind.heading"].WriteTo(w, e);
        w.Write("</h2>\n<dl>\n<dt>");
        words["behind.type"].WriteTo(w, e);
        w.Write("</dt>\n<dd>");
        TrustMarkup.Label(article, words).WriteTo(w, e);
        w.Write("</dd>\n");
        if (article.Dateline is { Length: > 0 } dateline)
        {
            w.Write("<dt>");
            words["behind.reported-from"].WriteTo(w, e);
            w.Write("</dt>\n<dd>");
            e.Encode(w, dateline);
            w.Write("</dd>\n");
        }
        if (article.Methods is { Length: > 0 } methods)
        {
            w.Write("<dt>");
            words["behind.methods"].WriteTo(w, e);
            w.Write("</dt>\n<dd>");
            foreach (var paragraph in methods.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                w.Write("<p>");
                e.Encode(w, paragraph);
                w.Write("</p>");
            }
            w.Write("</dd>\n");
        }
        w.Write("</dl>\n<p><a href=\"/standards\">");
        words["behind.standards"].WriteTo(w, e);
        w.Write("</a></p>\n</section>\n<section class=\"share\" aria-labelledby=\"share-heading\">\n<h2 id=\"share-heading\">");
        words["share.heading"].WriteTo(w, e);
        // Without script this is the story's address as a link to copy; share.js adds the browser's share sheet and a copy button.
        w.Write("</h2>\n<p class=\"share-url\"><a href=\"");
        e.Encode(w, url);
        w.Write("\" lang=\"zxx\" translate=\"no\">");
        e.Encode(w, url);
        w.Write("</a></p>\n<p class=\"share-actions\" hidden data-copied=\"");
        e.Encode(w, words["share.copied"].Text);
        w.Write("\">\n<button type=\"button\" class=\"share-native\" hidden>");
        words["share.share"].WriteTo(w, e);
        w.Write("</button>\n<button type=\"button\" class=\"share-copy\">");
        words["share.copy"].WriteTo(w, e);
        w.Write("</button>\n<span class=\"share-status\" role=\"status\"></span>\n</p>\n<script src=\"");
        e.Encode(w, view.Files.AddFileVersionToPath(view.Request.PathBase, "/js/share.js"));
        w.Write("\" defer></script>\n</section>\n<p class=\"report\"><a href=\"");
        e.Encode(w, ReportErrorPageModel.Path);
        w.Write("?article=");
        w.Write(article.Id);
        w.Write("\">");
        words["report.heading"].WriteTo(w, e);
        w.Write("</a></p>\n");
    }

    /// <summary>
    /// The listen player, between the byline and the body. Not written at all when no speech engine is installed (the
    /// audio status page says why). The markup is complete on the server, so enhancing it moves nothing; without script
    /// the controls are hidden by CSS (scripting: none) and a plain audio element plays the default voice. Every word is
    /// the article's language (<see cref="Words"/>); listen.js gets its messages from data-words. Nothing is fetched
    /// before Play: the duration comes with the audio's data. While playing, the bar with Play docks at the bottom of the
    /// screen once the player scrolls away; listen.js adds a "Listen from this paragraph" button before each paragraph.
    /// </summary>
    private static void ListenPlayer(TextWriter w, HtmlEncoder e, ArticleView view)
    {
        var catalog = view.Voices;
        if (catalog.Voices.Count == 0)
        {
            return;
        }
        var article = view.Article;
        var words = Words.For(article.Language);
        var voices = catalog.VoicesFor(article.Language);
        if (voices.FirstOrDefault() is not { } defaultVoice)
        {
            w.Write("<p class=\"listen-none\">");
            words["listen.none"].WriteTo(w, e);
            w.Write("</p>\n");
            return;
        }
        // System.Text.Json escapes ' < > and & (\u0027...), so the JSON goes into a single-quoted attribute as it is, with no &quot; per quote.
        var scriptWords = System.Text.Json.JsonSerializer.Serialize(PlayerMessages.ToDictionary(k => k, k => words["listen." + k].Text));
        w.Write("<section class=\"listen\" aria-labelledby=\"listen-heading\" data-article=\"");
        w.Write(article.Id);
        w.Write("\" data-voice=\"");
        e.Encode(w, defaultVoice.Id);
        w.Write("\" data-title=\"");
        e.Encode(w, article.Headline);
        w.Write("\" data-words='");
        w.Write(scriptWords);
        w.Write("' data-styles=\"");
        e.Encode(w, view.Files.AddFileVersionToPath(view.Request.PathBase, "/css/listen-playing.css"));
        w.Write("\">\n<h2 class=\"listen-h\" id=\"listen-heading\">");
        words["listen.heading"].WriteTo(w, e);
        w.Write("</h2>\n<p class=\"listen-synthetic\">");
        words["listen.synthetic"].WriteTo(w, e);
        w.Write(" <a href=\"/standards/automation\">");
        words["listen.synthetic-link"].WriteTo(w, e);
        w.Write("</a></p>\n<div class=\"listen-ui\">\n<div class=\"listen-slot\">\n<div class=\"listen-bar\">\n"
            + "<button type=\"button\" class=\"listen-play\"><svg class=\"start\" viewBox=\"0 0 16 16\" aria-hidden=\"true\"><path d=\"M3 1.5v13l11-6.5z\"/></svg>"
            + "<svg class=\"pause\" viewBox=\"0 0 16 16\" aria-hidden=\"true\"><path d=\"M3 1.5h3.5v13H3zm6.5 0H13v13H9.5z\"/></svg><span class=\"listen-play-label\">");
        words["listen.play"].WriteTo(w, e);
        w.Write("</span></button>\n<button type=\"button\" class=\"listen-skip\" data-skip=\"-10\">");
        words["listen.back"].WriteTo(w, e);
        w.Write("</button>\n<input type=\"range\" class=\"listen-seek\" aria-label=\"");
        e.Encode(w, words["listen.seek"].Text);
        w.Write("\" min=\"0\" max=\"0\" step=\"1\" value=\"0\" disabled>\n<button type=\"button\" class=\"listen-skip\" data-skip=\"10\">");
        words["listen.forward"].WriteTo(w, e);
        w.Write("</button>\n<span class=\"listen-time\"><span class=\"listen-elapsed\">0:00</span> / <span class=\"listen-total\">-:--</span></span>\n"
            + "</div>\n</div>\n<div class=\"listen-row\">\n<label>");
        words["listen.voice"].WriteTo(w, e);
        w.Write(" <select class=\"listen-voice\">\n");
        foreach (var group in VoiceNames.Group(voices, words))
        {
            w.Write("<optgroup label=\"");
            e.Encode(w, group.Label);
            w.Write("\">\n");
            foreach (var voice in group.Voices)
            {
                w.Write("<option value=\"");
                e.Encode(w, voice.Voice.Id);
                w.Write(voice.Voice == defaultVoice ? "\" selected=\"selected\">" : "\">");
                e.Encode(w, voice.Name);
                w.Write("</option>\n");
            }
            w.Write("</optgroup>\n");
        }
        w.Write("</select></label>\n<label>");
        words["listen.speed"].WriteTo(w, e);
        w.Write(" <select class=\"listen-speed\">\n");
        foreach (var speed in Speeds)
        {
            w.Write("<option value=\"");
            w.Write(speed.ToString(CultureInfo.InvariantCulture));
            w.Write(speed == 1m ? "\" selected=\"selected\">" : "\">");
            w.Write(speed.ToString("0.00", CultureInfo.InvariantCulture));
            w.Write("x</option>\n");
        }
        w.Write("</select></label>\n<a class=\"listen-download\" href=\"/listen/");
        w.Write(article.Id);
        w.Write('/');
        e.Encode(w, defaultVoice.Id);
        w.Write("/latest.mp3\" download>");
        words["listen.download"].WriteTo(w, e);
        w.Write("</a>\n</div>\n<details class=\"listen-keys\"><summary>");
        words["listen.keys"].WriteTo(w, e);
        w.Write("</summary>\n<p>");
        words["listen.keys-help"].WriteTo(w, e);
        w.Write("</p>\n</details>\n</div>\n<p class=\"listen-status\" role=\"status\" aria-live=\"polite\"></p>\n<noscript><audio controls preload=\"none\" src=\"/listen/");
        w.Write(article.Id);
        w.Write('/');
        e.Encode(w, defaultVoice.Id);
        w.Write("/latest.mp3\"></audio></noscript>\n<script src=\"");
        e.Encode(w, view.Files.AddFileVersionToPath(view.Request.PathBase, "/js/listen.js"));
        w.Write("\" defer></script>\n</section>\n");
    }
}
