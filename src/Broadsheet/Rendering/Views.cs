using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Media;

namespace Broadsheet.Rendering;

/// <summary>
/// A responsive image: WebP and JPEG srcsets from the renditions, width and height for the layout to reserve
/// space, and eager loading with high fetch priority only for the page's main image.
/// </summary>
public sealed record PictureView(Image Image, string Alt, string Sizes, bool Eager)
{
    public const string ColumnSizes = "(min-width: 42rem) 40rem, 100vw";

    public string Srcset(string format) =>
        string.Join(", ", Image.Renditions.Where(r => r.Format == format).OrderBy(r => r.Width).Select(r => $"{MediaUrl(r.Path)} {r.Width}w"));

    public bool Has(string format) => Image.Renditions.Any(r => r.Format == format);

    /// <summary>The JPEG that browsers without srcset get: the one nearest 800px wide, or the original when there are no renditions.</summary>
    public (string Url, int Width, int Height) Fallback
    {
        get
        {
            var jpeg = Image.Renditions.Where(r => r.Format == "jpeg").OrderBy(r => Math.Abs(r.Width - 800)).FirstOrDefault()
                ?? Image.Renditions.OrderBy(r => Math.Abs(r.Width - 800)).FirstOrDefault();
            return jpeg is null ? (MediaUrl(Image.OriginalPath), Image.Width, Image.Height) : (MediaUrl(jpeg.Path), jpeg.Width, jpeg.Height);
        }
    }

    /// <summary>The largest JPEG, for social cards and structured data.</summary>
    public static string? LargestJpegPath(Image image) =>
        image.Renditions.Where(r => r.Format == "jpeg").OrderByDescending(r => r.Width).Select(r => MediaUrl(r.Path)).FirstOrDefault()
        ?? MediaUrl(image.OriginalPath);

    /// <summary>The focal-point crops of the picture (16:9, then 1:1, the largest of each) that exist, as media URLs.</summary>
    public static IEnumerable<string> CropPaths(Image image) =>
        new[] { CardCrops.Wide, CardCrops.Square }
            .Select(format => image.Renditions.Where(r => r.Format == format).MaxBy(r => r.Width))
            .OfType<Rendition>()
            .Select(r => MediaUrl(r.Path));

    public static string MediaUrl(string path) => "/media/" + path.TrimStart('/');
}

/// <summary>An article or standards-page body: its blocks, the images they use, and the ad slots after given blocks (written by <see cref="BodyMarkup"/>).</summary>
public sealed record BodyView(IReadOnlyList<Block> Blocks, IReadOnlyDictionary<Guid, Image> Images, IReadOnlyDictionary<int, AdSlotView> SlotsAfter);

public sealed record BodyImageView(ImageBlock Block, Image Image)
{
    public string Alt => Block.Alt ?? Image.Alt;

    public string? Caption => Block.Caption ?? Image.Caption;

    public string? Credit => Block.Credit ?? Image.Credit;
}

/// <summary>An article in a listing; the lead one shows its picture, the others a square thumbnail cropped around the
/// picture's focal point when it has one. <paramref name="HeadingLevel"/> fits the page's outline.</summary>
public sealed record ArticleCard(Article Article, SiteChrome Chrome, bool Lead = false, int HeadingLevel = 2)
{
    /// <summary>A search hit: the headline and a snippet as HTML with the matched words marked (already encoded), the section linked to the results in it, no thumbnail.</summary>
    public static ArticleCard Hit(Article article, SiteChrome chrome, string headlineHtml, string snippetHtml, string sectionHref) =>
        new(article, chrome, HeadingLevel: 3) { HeadlineHtml = headlineHtml, SnippetHtml = snippetHtml, SectionHref = sectionHref };

    public string? HeadlineHtml { get; private init; }

    public string? SnippetHtml { get; private init; }

    public string? SectionHref { get; private init; }

    /// <summary>The thumbnail's size in CSS pixels (the stylesheet's <c>.thumb</c> matches it).</summary>
    public const int ThumbnailSize = 80;

    /// <summary>The lead's picture: the column on phones, two thirds of the front page's width on a desktop (the stylesheet's <c>.front</c>).</summary>
    public const string LeadSizes = "(min-width: 80rem) 50rem, (min-width: 64rem) 62vw, " + PictureView.ColumnSizes;

    /// <summary>The square crops for the thumbnail, smallest first; empty for the lead card or a picture without crops.</summary>
    public IReadOnlyList<Rendition> Thumbnails => field ??= Lead || SnippetHtml is not null || Article.HeroImage is not { } hero
        ? []
        : [.. hero.Renditions.Where(r => r.Format == CardCrops.Square).OrderBy(r => r.Width)];

    public string ThumbnailSrcset => string.Join(", ", Thumbnails.Select(r => $"{PictureView.MediaUrl(r.Path)} {r.Width}w"));
}

/// <summary>
/// A contributor's photo as a small square: the focal-point square crops when the photo has them, else its JPEG
/// renditions cropped by the stylesheet. Always lazy and sized, so it costs nothing above the fold and moves nothing.
/// </summary>
public sealed record PortraitView(Image Photo, int Size)
{
    public IReadOnlyList<Rendition> Sources { get; } =
        Photo.Renditions.Where(r => r.Format == CardCrops.Square).OrderBy(r => r.Width).ToList() is { Count: > 0 } squares
            ? squares
            : [.. Photo.Renditions.Where(r => r.Format == "jpeg").OrderBy(r => r.Width)];

    public string Src => Sources.FirstOrDefault(r => r.Width >= Size) is { } fit ? PictureView.MediaUrl(fit.Path)
        : Sources.Count > 0 ? PictureView.MediaUrl(Sources[^1].Path) : PictureView.MediaUrl(Photo.OriginalPath);

    public string? Srcset => Sources.Count == 0 ? null : string.Join(", ", Sources.Select(r => $"{PictureView.MediaUrl(r.Path)} {r.Width}w"));
}

/// <summary>The few lines of a biography shown at the end of an article; the author page shows the whole of it.</summary>
public static class ShortBio
{
    public const int MaxLength = 280;

    /// <summary>The first paragraph, cut after its last whole sentence within <see cref="MaxLength"/> characters (or at a word, with an ellipsis).</summary>
    public static string Of(string bio)
    {
        var first = bio.Trim().Split('\n', 2)[0].Trim();
        if (first.Length <= MaxLength)
        {
            return first;
        }
        var head = first[..MaxLength];
        var sentenceEnd = head.LastIndexOfAny(['.', '!', '?', '。', '！', '？']);
        if (sentenceEnd >= MaxLength / 3)
        {
            return head[..(sentenceEnd + 1)];
        }
        var space = head.LastIndexOf(' ');
        return (space > 0 ? head[..space] : head).TrimEnd(',', ';', ':') + "…";
    }
}
