using System.Text.Encodings.Web;
using Broadsheet.Articles;
using Broadsheet.Rendering;
using Microsoft.AspNetCore.Html;

namespace Broadsheet.Reader;

/// <summary>
/// The lists after a story, written straight to the page's writer like the body's text blocks
/// (<see cref="BlockMarkup"/>): "More on" the topic and "More from" the section (<see cref="ReadingOn"/>), and "Most
/// read" (also on the home and section pages). A partial each cost a view context, a view-data dictionary and a buffer
/// on every uncached render.
/// </summary>
public static class ReadingOnMarkup
{
    /// <summary>"More on" and "More from" at the end of an article in <paramref name="language"/>; nothing when both are empty.</summary>
    public static IHtmlContent For(ReadingOn lists, string language, SiteChrome chrome) => new Markup((writer, encoder) =>
    {
        if (lists.OnTopic.Count == 0 && lists.FromSection.Count == 0)
        {
            return;
        }
        var words = Words.For(language);
        // A topic or section name is the publication's, marked when the article is in another language.
        var nameLang = Words.LangIfOther(language, chrome.Publication.Language);
        writer.Write("<aside class=\"reading-on\" aria-label=\"");
        encoder.Encode(writer, words["reading-on.label"].Text);
        writer.Write("\">\n");
        if (lists.Topic is { } topic && lists.OnTopic.Count > 0)
        {
            Heading(writer, encoder, words, "reading-on.more-on", ArticleUrls.TopicPath(topic.Slug), topic.Name, nameLang);
            Related(writer, encoder, lists.OnTopic, language, chrome.TimeZone);
        }
        if (lists.FromSection.Count > 0)
        {
            Heading(writer, encoder, words, "reading-on.more-from", ArticleUrls.SectionPath(lists.Section.Path), lists.Section.Name, nameLang);
            Related(writer, encoder, lists.FromSection, language, chrome.TimeZone);
        }
        writer.Write("</aside>\n");
    });

    /// <summary>"Most read": a ranking, so an ordered list; each story marked with its language when it is not the page's.</summary>
    public static IHtmlContent MostRead(IReadOnlyList<RelatedArticle> stories, string language) => new Markup((writer, encoder) =>
    {
        if (stories.Count == 0)
        {
            return;
        }
        writer.Write("<section class=\"most-read\" aria-labelledby=\"most-read-heading\">\n<h2 id=\"most-read-heading\">");
        Words.For(language)["home.most-read"].WriteTo(writer, encoder);
        writer.Write("</h2>\n<ol>\n");
        foreach (var story in stories)
        {
            writer.Write("<li");
            Lang(writer, encoder, Words.LangIfOther(language, story.Language));
            writer.Write("><a href=\"");
            encoder.Encode(writer, story.PublicPath);
            writer.Write("\">");
            encoder.Encode(writer, story.Headline);
            writer.Write("</a></li>\n");
        }
        writer.Write("</ol>\n</section>\n");
    });

    private static void Heading(TextWriter writer, HtmlEncoder encoder, Words words, string key, string href, string name, string? nameLang)
    {
        var link = new HtmlContentBuilder().AppendHtml("<a href=\"").AppendHtml(href).AppendHtml("\"");
        if (nameLang is not null)
        {
            link.AppendHtml(" lang=\"").AppendHtml(nameLang).AppendHtml("\"");
        }
        link.AppendHtml(">").AppendHtml(HtmlEncoder.Default.Encode(name)).AppendHtml("</a>");
        writer.Write("<h2>");
        words.Around(key, link).WriteTo(writer, encoder);
        writer.Write("</h2>\n");
    }

    private static void Related(TextWriter writer, HtmlEncoder encoder, IReadOnlyList<RelatedArticle> articles, string language, TimeZoneInfo zone)
    {
        writer.Write("<ul class=\"more\">\n");
        foreach (var a in articles)
        {
            writer.Write("<li");
            Lang(writer, encoder, a.Language == language ? null : a.Language);
            writer.Write("><a href=\"");
            encoder.Encode(writer, a.PublicPath);
            writer.Write("\">");
            encoder.Encode(writer, a.Headline);
            writer.Write("</a> <time datetime=\"");
            encoder.Encode(writer, MachineTime.Of(a.PublishedAt));
            writer.Write("\">");
            Words.For(a.Language).Time(a.PublishedAt, zone).WriteTo(writer, encoder);
            writer.Write("</time></li>\n");
        }
        writer.Write("</ul>\n");
    }

    /// <summary>A <c>lang</c> attribute, left out when null as Razor leaves out a null attribute.</summary>
    private static void Lang(TextWriter writer, HtmlEncoder encoder, string? lang)
    {
        if (lang is null)
        {
            return;
        }
        writer.Write(" lang=\"");
        encoder.Encode(writer, lang);
        writer.Write('"');
    }

    private sealed class Markup(Action<TextWriter, HtmlEncoder> write) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder) => write(writer, encoder);
    }
}
