using System.Text.Encodings.Web;
using Broadsheet.Articles;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Broadsheet.Rendering;

/// <summary>
/// What the frame of a reader page needs to know about the page: the site chrome, the head's metadata and which inline
/// stylesheet it carries; and what follows from them (the page's language and furniture, the <c>lang</c> of the
/// publication's own text on it).
/// </summary>
public sealed class PageFrame(SiteChrome chrome, PageMeta meta, PageStyle style)
{
    public SiteChrome Chrome { get; } = chrome;

    public PageMeta Meta { get; } = meta;

    public PageStyle Style { get; } = style;

    /// <summary>The page's language: the article's on an article page, else the publication's.</summary>
    public string Language => Meta.Language ?? Chrome.Publication.Language;

    /// <summary>The page furniture in the page's language.</summary>
    public Words PageWords => Words.For(Language);

    /// <summary>
    /// The <c>lang</c> of the publication's own text (menu, footer, section and topic names) on this page: set only
    /// when the page is in another language, so an English page is unchanged.
    /// </summary>
    public string? ChromeLang => Words.LangIfOther(Language, Chrome.Publication.Language);

    /// <summary>The publication's own text (its name, a section's) inside furniture: marked with its lang when it differs.</summary>
    public IHtmlContent InChromeLang(string text) => ChromeLang is { } lang
        ? new HtmlString($"<span lang=\"{lang}\">{HtmlEncoder.Default.Encode(text)}</span>")
        : new HtmlString(HtmlEncoder.Default.Encode(text));
}

/// <summary>
/// The frame of every reader page (and the newsroom's preview) written in C#: the head (title, description, canonical
/// link, social cards, feeds, the inline stylesheet, JSON-LD), the masthead with the search box and the section menu,
/// and the footer. The article page writes it around its own markup; the Razor pages' layout
/// (<c>Rendering/Shared/_Layout.cshtml</c>) writes it around their body, so there is one copy of the markup.
/// </summary>
public sealed class PageLayout(InlineStyle style, IFileVersionProvider files)
{
    /// <summary>Everything before the page's own content, up to and including the opening of <c>main</c>.</summary>
    public void WriteStart(TextWriter w, HtmlEncoder e, PageFrame page, HttpRequest request)
    {
        var chrome = page.Chrome;
        var meta = page.Meta;
        var name = chrome.Publication.Name;
        // The menu and footer stay in the publication's language, marked when the page (an article) is in another.
        var chromeWords = Words.For(chrome.Publication.Language);
        var chromeLang = page.ChromeLang;
        var canonical = meta.CanonicalPath is null ? null : chrome.Absolute(request, meta.CanonicalPath);
        w.Write("<!DOCTYPE html>\n<html");
        Attribute(w, e, "lang", page.Language);
        w.Write(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        if (meta.Title is null)
        {
            e.Encode(w, name);
        }
        else
        {
            e.Encode(w, meta.Title);
            w.Write(" | ");
            e.Encode(w, name);
        }
        w.Write("</title>\n");
        if (meta.Description is not null)
        {
            Element(w, e, "<meta name=\"description\" content=\"", meta.Description);
        }
        if (canonical is not null)
        {
            Element(w, e, "<link rel=\"canonical\" href=\"", canonical);
        }
        if (meta.PreviousPath is not null)
        {
            Element(w, e, "<link rel=\"prev\" href=\"", meta.PreviousPath);
        }
        if (meta.NextPath is not null)
        {
            Element(w, e, "<link rel=\"next\" href=\"", meta.NextPath);
        }
        Element(w, e, "<meta property=\"og:site_name\" content=\"", name);
        Element(w, e, "<meta property=\"og:type\" content=\"", meta.OpenGraphType);
        Element(w, e, "<meta property=\"og:title\" content=\"", meta.Title ?? name);
        if (meta.Description is not null)
        {
            Element(w, e, "<meta property=\"og:description\" content=\"", meta.Description);
        }
        if (canonical is not null)
        {
            Element(w, e, "<meta property=\"og:url\" content=\"", canonical);
        }
        if (meta.PublishedAt is { } published)
        {
            Element(w, e, "<meta property=\"article:published_time\" content=\"", MachineTime.Of(published));
        }
        if (meta.ModifiedAt is { } modified && modified != meta.PublishedAt)
        {
            Element(w, e, "<meta property=\"article:modified_time\" content=\"", MachineTime.Of(modified));
        }
        if (meta.ImageUrl is not null)
        {
            Element(w, e, "<meta property=\"og:image\" content=\"", chrome.Absolute(request, meta.ImageUrl));
            w.Write("<meta property=\"og:image:alt\"");
            Attribute(w, e, "content", meta.ImageAlt);
            w.Write(">\n<meta name=\"twitter:card\" content=\"summary_large_image\">\n");
        }
        else
        {
            w.Write("<meta name=\"twitter:card\" content=\"summary\">\n");
        }
        // No twitter:title or twitter:description: X reads og:title and og:description when they are missing.
        w.Write("<link rel=\"icon\" href=\"");
        e.Encode(w, files.AddFileVersionToPath(request.PathBase, "/favicon.svg"));
        w.Write("\" type=\"image/svg+xml\">\n<link rel=\"alternate\" type=\"application/rss+xml\" title=\"");
        e.Encode(w, name);
        w.Write(": articles to listen to\" href=\"/feeds/podcast.xml\">\n<link rel=\"search\" type=\"application/opensearchdescription+xml\" title=\"");
        e.Encode(w, name);
        w.Write("\" href=\"/opensearch.xml\">\n");
        if (meta.Robots is not null)
        {
            Element(w, e, "<meta name=\"robots\" content=\"", meta.Robots);
        }
        foreach (var alternate in meta.Alternates)
        {
            w.Write("<link rel=\"alternate\" type=\"");
            e.Encode(w, alternate.Type);
            w.Write("\" title=\"");
            e.Encode(w, alternate.Title);
            w.Write("\" href=\"");
            e.Encode(w, alternate.Href);
            w.Write("\">\n");
        }
        // The page's one inline stylesheet (its kind's); the CSP allows each kind's by its hash.
        w.Write("<style>");
        w.Write(style.For(page.Style).Css);
        w.Write("</style>\n<link rel=\"stylesheet\" href=\"");
        e.Encode(w, files.AddFileVersionToPath(request.PathBase, InlineStyle.PrintPath));
        w.Write("\" media=\"print\">\n");
        if (meta.JsonLd is not null)
        {
            w.Write("<script type=\"application/ld+json\">");
            w.Write(meta.JsonLd);
            w.Write("</script>\n");
        }
        w.Write("</head>\n<body>\n<a class=\"skip\" href=\"#main\">");
        page.PageWords["layout.skip"].WriteTo(w, e);
        w.Write("</a>\n<header class=\"masthead\"");
        Attribute(w, e, "lang", chromeLang);
        w.Write(">\n<div class=\"wrap\">\n<a class=\"brand\" href=\"/\">");
        e.Encode(w, name);
        w.Write("</a>\n");
        if (chrome.Publication.Tagline is { Length: > 0 } tagline)
        {
            w.Write("<p class=\"tagline\">");
            e.Encode(w, tagline);
            w.Write("</p>\n");
        }
        SearchBox(w, e, "site-q", chromeWords["layout.search"].Text, chromeWords);
        if (chrome.Sections.Count > 0)
        {
            w.Write("<nav class=\"menu\" aria-label=\"");
            e.Encode(w, chromeWords["layout.sections"].Text);
            w.Write("\">\n<ul>\n");
            foreach (var sec in chrome.Sections)
            {
                LinkItem(w, e, ArticleUrls.SectionPath(sec.Path), sec.Name);
            }
            w.Write("</ul>\n</nav>\n");
        }
        w.Write("</div>\n</header>\n<main id=\"main\" tabindex=\"-1\" class=\"wrap\">\n");
    }

    /// <summary>Everything after the page's own content: a line break, the end of <c>main</c>, the footer, the end of the document.</summary>
    public static void WriteEnd(TextWriter w, HtmlEncoder e, PageFrame page)
    {
        var chrome = page.Chrome;
        var chromeWords = Words.For(chrome.Publication.Language);
        w.Write("\n</main>\n<footer class=\"footer\"");
        Attribute(w, e, "lang", page.ChromeLang);
        w.Write(">\n<div class=\"wrap\">\n<nav aria-label=\"");
        e.Encode(w, chromeWords["layout.standards"].Text);
        w.Write("\">\n<ul>\n<li><a href=\"/standards\">");
        chromeWords["layout.standards"].WriteTo(w, e);
        w.Write("</a></li>\n");
        foreach (var (slug, pageTitle) in chrome.StandardsPages)
        {
            w.Write("<li><a href=\"/standards/");
            e.Encode(w, slug);
            w.Write("\">");
            e.Encode(w, pageTitle);
            w.Write("</a></li>\n");
        }
        w.Write("</ul>\n</nav>\n<nav aria-label=\"");
        e.Encode(w, chromeWords["layout.browse"].Text);
        w.Write("\">\n<ul>\n<li><a href=\"/topics\">");
        chromeWords["layout.topics"].WriteTo(w, e);
        w.Write("</a></li>\n<li><a href=\"/authors\">");
        chromeWords["layout.authors"].WriteTo(w, e);
        w.Write("</a></li>\n</ul>\n</nav>\n<p>&copy; ");
        e.Encode(w, chrome.Publication.Name);
        w.Write("</p>\n</div>\n</footer>\n</body>\n</html>\n");
    }

    /// <summary>
    /// The site-wide search box (header, 404 page): the input's id is unique on the page, the label names the landmark.
    /// It is site chrome, so in the publication's language (<paramref name="words"/>).
    /// </summary>
    public static void SearchBox(TextWriter w, HtmlEncoder e, string id, string label, Words words)
    {
        w.Write("<form class=\"search-box\" role=\"search\" action=\"/search\" method=\"get\" aria-label=\"");
        e.Encode(w, label);
        w.Write("\">\n<label class=\"vh\" for=\"");
        e.Encode(w, id);
        w.Write("\">");
        words["search.label"].WriteTo(w, e);
        w.Write("</label>\n<input id=\"");
        e.Encode(w, id);
        w.Write("\" type=\"search\" name=\"q\" maxlength=\"200\" placeholder=\"");
        e.Encode(w, words["search.placeholder"].Text);
        w.Write("\" enterkeyhint=\"search\">\n<button type=\"submit\">");
        words["search.button"].WriteTo(w, e);
        w.Write("</button>\n</form>\n");
    }

    /// <summary>A list item holding one link, <c>&lt;li&gt;&lt;a href="…"&gt;…&lt;/a&gt;&lt;/li&gt;</c> and a line break: menus, breadcrumbs, topic lists.</summary>
    public static void LinkItem(TextWriter w, HtmlEncoder e, string href, string text)
    {
        w.Write("<li><a href=\"");
        e.Encode(w, href);
        w.Write("\">");
        e.Encode(w, text);
        w.Write("</a></li>\n");
    }

    /// <summary>An attribute with a leading space, left out when the value is null, as Razor leaves out a null attribute.</summary>
    public static void Attribute(TextWriter w, HtmlEncoder e, string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        w.Write(' ');
        w.Write(name);
        w.Write("=\"");
        e.Encode(w, value);
        w.Write('"');
    }

    /// <summary><paramref name="start"/> (an element up to an attribute's opening quote), the encoded value, then <c>"&gt;</c> and a new line.</summary>
    private static void Element(TextWriter w, HtmlEncoder e, string start, string value)
    {
        w.Write(start);
        e.Encode(w, value);
        w.Write("\">\n");
    }
}
