using System.Text.Encodings.Web;
using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Media;

namespace Broadsheet.Rendering;

/// <summary>
/// An article's or standards page's body written straight to the page's writer: every block type (the text blocks
/// through <see cref="BlockMarkup"/>, images, embeds, dividers and sources here) and the ad slots between blocks. A
/// partial per block or slot cost a view context, a view-data dictionary and a buffer each on every uncached render.
/// The article page, the standards pages and the newsroom's preview (<c>Rendering/Shared/_Body.cshtml</c>) all write
/// bodies through here.
/// </summary>
public static class BodyMarkup
{
    /// <summary>
    /// Writes <paramref name="body"/>. <paramref name="language"/> is the language of the sources heading (English when
    /// null); <paramref name="pageWords"/> and <paramref name="chromeLang"/> are the page's, for the ad slots.
    /// </summary>
    public static void Write(TextWriter w, HtmlEncoder e, BodyView body, string? language, Words pageWords, string? chromeLang)
    {
        for (var i = 0; i < body.Blocks.Count; i++)
        {
            var block = body.Blocks[i];
            if (!BlockMarkup.TryWrite(w, e, block, i))
            {
                switch (block)
                {
                    case ImageBlock image when body.Images.TryGetValue(image.ImageId, out var found):
                        Image(w, e, new BodyImageView(image, found));
                        break;
                    case EmbedBlock embed:
                        Embed(w, e, embed, i);
                        break;
                    case DividerBlock:
                        w.Write("<hr>\n");
                        break;
                    case SourcesBlock sources:
                        Sources(w, e, sources, i, Words.For(language));
                        break;
                    case ImageBlock:
                        break; // its image is gone from the library: nothing to show
                    default:
                        throw new NotSupportedException($"No markup for {block.GetType().Name}.");
                }
            }
            if (body.SlotsAfter.TryGetValue(i, out var slot))
            {
                AdSlot(w, e, slot, pageWords, chromeLang);
            }
        }
    }

    /// <summary>A figure: the picture, then its caption and credit when it has either.</summary>
    private static void Image(TextWriter w, HtmlEncoder e, BodyImageView view)
    {
        w.Write("<figure>\n");
        Picture(w, e, new PictureView(view.Image, view.Alt, PictureView.ColumnSizes, Eager: false));
        Caption(w, e, view.Caption, view.Credit, creditLang: null);
        w.Write("</figure>\n");
    }

    /// <summary>
    /// A figure's caption with its credit (<c>Photo: …</c>), when it has either; <paramref name="creditLang"/> marks a
    /// credit in the publication's language on a page in another.
    /// </summary>
    public static void Caption(TextWriter w, HtmlEncoder e, string? caption, string? credit, string? creditLang)
    {
        if (caption is null && credit is null)
        {
            return;
        }
        w.Write("<figcaption>");
        if (caption is not null)
        {
            e.Encode(w, caption);
        }
        if (credit is { Length: > 0 })
        {
            w.Write(" <span class=\"credit\"");
            PageLayout.Attribute(w, e, "lang", creditLang);
            w.Write('>');
            e.Encode(w, CreditLine.Of(credit));
            w.Write("</span>");
        }
        w.Write("</figcaption>\n");
    }

    /// <summary>A link card, never the provider's iframe or script: no third-party request, nothing to track readers.</summary>
    private static void Embed(TextWriter w, HtmlEncoder e, EmbedBlock embed, int index)
    {
        if (!Uri.TryCreate(embed.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return;
        }
        w.Write("<a class=\"embed\" href=\"");
        e.Encode(w, embed.Url);
        w.Write("\" rel=\"noopener nofollow\">\n<strong data-listen-place=\"b");
        w.Write(index);
        w.Write(".0e\">");
        e.Encode(w, embed.Title ?? uri.Host);
        w.Write("</strong>\n<span>");
        e.Encode(w, embed.Provider ?? uri.Host);
        w.Write("</span>\n</a>\n");
    }

    /// <summary>The citations the story relies on; the heading is page furniture in <paramref name="words"/>' language.</summary>
    private static void Sources(TextWriter w, HtmlEncoder e, SourcesBlock sources, int index, Words words)
    {
        w.Write("<section class=\"sources\" aria-labelledby=\"sources-");
        w.Write(index);
        w.Write("\">\n<h2 id=\"sources-");
        w.Write(index);
        w.Write("\">");
        words["sources.heading"].WriteTo(w, e);
        w.Write("</h2>\n<ul>\n");
        foreach (var source in sources.Items)
        {
            w.Write("<li><a href=\"");
            e.Encode(w, source.Url);
            w.Write("\" rel=\"noopener nofollow\">");
            e.Encode(w, source.Title);
            w.Write("</a>");
            if (source.Note is { Length: > 0 } note)
            {
                w.Write(": ");
                e.Encode(w, note);
            }
            w.Write("</li>\n");
        }
        w.Write("</ul>\n</section>\n");
    }

    /// <summary>An ad slot of its reserved size: the creative when the provider filled it, else the publication's own promo.</summary>
    public static void AdSlot(TextWriter w, HtmlEncoder e, AdSlotView slot, Words pageWords, string? chromeLang)
    {
        var banner = slot.Format == AdSlotFormat.Banner;
        w.Write(banner ? "<div class=\"ad ad-banner\">\n<p class=\"ad-label\">" : "<div class=\"ad ad-rectangle\">\n<p class=\"ad-label\">");
        pageWords["ad.label"].WriteTo(w, e);
        w.Write("</p>\n<div class=\"ad-box\">\n");
        if (slot.Fill is { } fill)
        {
            w.Write("<a href=\"");
            e.Encode(w, fill.ClickUrl);
            w.Write("\" rel=\"sponsored nofollow\"><img src=\"");
            e.Encode(w, fill.ImageUrl);
            w.Write('"');
            PageLayout.Attribute(w, e, "alt", fill.Alt);
            w.Write(banner
                ? " width=\"728\" height=\"90\" loading=\"eager\" decoding=\"async\"></a>\n"
                : " width=\"300\" height=\"250\" loading=\"lazy\" decoding=\"async\"></a>\n");
        }
        else
        {
            w.Write("<a class=\"promo\"");
            PageLayout.Attribute(w, e, "lang", chromeLang);
            w.Write(" href=\"");
            e.Encode(w, slot.Promo.Href);
            w.Write("\"><strong>");
            e.Encode(w, slot.Promo.Heading);
            w.Write("</strong><span>");
            e.Encode(w, slot.Promo.Text);
            w.Write("</span></a>\n");
        }
        w.Write("</div>\n</div>\n");
    }

    /// <summary>
    /// A responsive image: WebP and JPEG srcsets from the renditions, width and height for the layout to reserve space,
    /// and eager loading with high fetch priority only for the page's main image.
    /// </summary>
    public static void Picture(TextWriter w, HtmlEncoder e, PictureView picture)
    {
        var fallback = picture.Fallback;
        w.Write("<picture>\n");
        if (picture.Has("webp"))
        {
            w.Write("<source type=\"image/webp\" srcset=\"");
            e.Encode(w, picture.Srcset("webp"));
            w.Write("\" sizes=\"");
            e.Encode(w, picture.Sizes);
            w.Write("\">\n");
        }
        w.Write("<img src=\"");
        e.Encode(w, fallback.Url);
        w.Write('"');
        PageLayout.Attribute(w, e, "srcset", picture.Has("jpeg") ? picture.Srcset("jpeg") : null);
        w.Write(" sizes=\"");
        e.Encode(w, picture.Sizes);
        w.Write("\" width=\"");
        w.Write(fallback.Width);
        w.Write("\" height=\"");
        w.Write(fallback.Height);
        w.Write('"');
        PageLayout.Attribute(w, e, "alt", picture.Alt);
        w.Write(picture.Eager ? " fetchpriority=\"high\">\n</picture>\n" : " loading=\"lazy\" decoding=\"async\">\n</picture>\n");
    }

    /// <summary>A contributor's photo, lazy and sized. The name is always beside it, so the photo says nothing a screen reader would not read twice.</summary>
    public static void Portrait(TextWriter w, HtmlEncoder e, PortraitView portrait)
    {
        w.Write("<img class=\"portrait\" src=\"");
        e.Encode(w, portrait.Src);
        w.Write('"');
        PageLayout.Attribute(w, e, "srcset", portrait.Srcset);
        w.Write(" sizes=\"");
        w.Write(portrait.Size);
        w.Write("px\" width=\"");
        w.Write(portrait.Size);
        w.Write("\" height=\"");
        w.Write(portrait.Size);
        w.Write("\" alt=\"\" loading=\"lazy\" decoding=\"async\">\n");
    }
}
