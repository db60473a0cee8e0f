using System.Text;
using System.Text.Encodings.Web;
using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.FrontPage;
using Broadsheet.Ingest;
using Broadsheet.Media;
using Broadsheet.Rendering;
using Broadsheet.Speech;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Reader;

/// <summary>
/// The article page, <c>/news/{section-path}/article/{id}/{slug}</c>: an endpoint of its own rather than a Razor page,
/// written by one writer (<see cref="ArticleMarkup"/> inside <see cref="PageLayout"/>) straight to the response. Razor
/// Pages' invoker, filters, page and view activation and a view buffer per partial were a third of an uncached render.
/// It is a reader page like the Razor ones (<see cref="ReaderPageMarker"/>, the reader cache policy): output cache,
/// ETag and conditional GET, Cache-Control, surrogate keys, status-code pages (a 404 for an unknown id re-executes
/// <c>/error/404</c>) and HEAD work as for them. An old slug or section path answers 301 to the current URL, a story
/// its agency withdrew 410 with the notice.
/// </summary>
public static class ArticlePage
{
    private const string HtmlType = "text/html; charset=utf-8";

    /// <summary>One route per depth of section path: a route template cannot have a catch-all in the middle.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        for (var depth = 1; depth <= ArticleUrls.MaxSectionDepth; depth++)
        {
            var sections = string.Join('/', Enumerable.Range(1, depth).Select(i => $"{{s{i}}}"));
            app.MapMethods($"/news/{sections}/article/{{id:int}}/{{slug?}}", [HttpMethods.Get, HttpMethods.Head], RenderAsync)
                .WithMetadata(ReaderPageMarker.Instance)
                .CacheOutput(ReaderCachePolicy.Name)
                .ExcludeFromDescription();
        }
    }

    private static async Task RenderAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var services = http.RequestServices;
        var id = int.Parse((string)http.Request.RouteValues["id"]!, System.Globalization.CultureInfo.InvariantCulture);
        var published = services.GetRequiredService<PublishedArticles>();
        var chrome = services.GetRequiredService<SiteChrome>();
        var meta = new PageMeta();
        var frame = new PageFrame(chrome, meta, PageStyle.Article);
        if (await published.FindAsync(id, ct) is not { } article)
        {
            if (await WireKills.NoticeForAsync(services.GetRequiredService<BroadsheetDb>(), id, ct) is not { } notice)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await chrome.LoadAsync(ct);
            meta.Title = "This story has been withdrawn";
            http.Response.StatusCode = StatusCodes.Status410Gone;
            await WriteAsync(http, frame, (w, e) => ArticleMarkup.Withdrawn(w, e, frame, notice));
            return;
        }
        if (!string.Equals(http.Request.Path.Value, article.PublicPath, StringComparison.Ordinal))
        {
            // An old slug or a moved section: send readers and search engines to the one current URL.
            http.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            http.Response.Headers.Location = new PathString(article.PublicPath).ToUriComponent() + http.Request.QueryString;
            return;
        }
        await chrome.LoadAsync(ct);
        var view = await ArticleView.LoadAsync(http, article, frame, ct);
        await WriteAsync(http, frame, (w, e) => ArticleMarkup.Write(w, e, view));
    }

    /// <summary>The page in its frame, UTF-8, through a pooled buffer as Razor writes a view.</summary>
    private static async Task WriteAsync(HttpContext http, PageFrame frame, Action<TextWriter, HtmlEncoder> content)
    {
        var services = http.RequestServices;
        var layout = services.GetRequiredService<PageLayout>();
        var encoder = services.GetRequiredService<HtmlEncoder>();
        http.Response.ContentType = HtmlType;
        await using var writer = new HttpResponseStreamWriter(http.Response.Body, Encoding.UTF8);
        layout.WriteStart(writer, encoder, frame, http.Request);
        content(writer, encoder);
        PageLayout.WriteEnd(writer, encoder, frame);
        await writer.FlushAsync();
    }
}

/// <summary>What an article page shows besides the article itself, read and computed before a byte is written.</summary>
public sealed class ArticleView
{
    private static readonly PerModel<Func<BroadsheetDb, Guid[], IAsyncEnumerable<Image>>> ImagesById = new(() =>
        EF.CompileAsyncQuery((BroadsheetDb db, Guid[] ids) => db.Images.AsNoTracking().Where(i => ids.Contains(i.Id))));

    private ArticleView(Article article, PageFrame frame, HttpRequest request, IFileVersionProvider files, VoiceCatalog voices)
    {
        Article = article;
        Frame = frame;
        Request = request;
        Files = files;
        Voices = voices;
    }

    public Article Article { get; }

    public PageFrame Frame { get; }

    public SiteChrome Chrome => Frame.Chrome;

    public HttpRequest Request { get; }

    /// <summary>Versioned URLs of the page's scripts.</summary>
    public IFileVersionProvider Files { get; }

    /// <summary>The voices the player offers.</summary>
    public VoiceCatalog Voices { get; }

    /// <summary>The article's section and its ancestors, outermost first, for the breadcrumbs.</summary>
    public IReadOnlyList<Section> Breadcrumbs { get; private set; } = [];

    public int ReadingMinutes { get; private set; }

    public AdSlotView? TopSlot { get; private set; }

    public BodyView Body { get; private set; } = null!;

    public ReadingOn ReadingOn { get; private set; } = null!;

    /// <summary>The site's hourly "Most read" without this story (<see cref="MostReadEdition"/>): the same on every render until the next edition.</summary>
    public IReadOnlyList<RelatedArticle> MostRead { get; private set; } = [];

    public string? HeroCaption => Article.HeroCaption ?? Article.HeroImage?.Caption;

    public string? HeroCredit => Article.HeroCredit ?? Article.HeroImage?.Credit;

    public bool WasUpdated => Article.LastUpdatedAt is { } updated && updated != Article.FirstPublishedAt;

    public static async Task<ArticleView> LoadAsync(HttpContext http, Article article, PageFrame frame, CancellationToken ct)
    {
        var services = http.RequestServices;
        var chrome = frame.Chrome;
        var view = new ArticleView(article, frame, http.Request, services.GetRequiredService<IFileVersionProvider>(), services.GetRequiredService<VoiceCatalog>())
        {
            Breadcrumbs = chrome.Site!.SectionAndAncestors(article.Section.Path),
        };
        int words;
        (view.ReadingMinutes, words) = ReadingTime.Measure(article);

        Dictionary<Guid, Image> images = [];
        List<Guid>? imageIds = null;
        foreach (var block in article.Body)
        {
            if (block is ImageBlock image && !(imageIds ??= []).Contains(image.ImageId))
            {
                imageIds.Add(image.ImageId);
            }
        }
        if (imageIds is not null)
        {
            var db = services.GetRequiredService<BroadsheetDb>();
            await foreach (var image in ImagesById.For(db)(db, [.. imageIds]).WithCancellation(ct))
            {
                images[image.Id] = image;
            }
        }

        var slotsAfter = new Dictionary<int, AdSlotView>();
        var ads = services.GetRequiredService<AdSlots>();
        if (ads.Enabled)
        {
            var topics = article.Topics.Select(t => t.Topic.Slug).ToList();
            var sectionName = article.Section.Name;
            view.TopSlot = await ads.FillAsync(new AdSlotRequest(AdSlotFormat.Banner, 0, article.Section.Path, topics), chrome.Publication.Name, sectionName, ct);
            var position = 1;
            foreach (var after in AdPlacement.Plan(article.Body, ads.Options))
            {
                slotsAfter[after] = await ads.FillAsync(
                    new AdSlotRequest(AdSlotFormat.Rectangle, position++, article.Section.Path, topics), chrome.Publication.Name, sectionName, ct);
            }
            ResponseCacheTags.Add(http, [CacheTags.Ads]);
        }
        view.Body = new BodyView(article.Body, images, slotsAfter);
        var published = services.GetRequiredService<PublishedArticles>();
        view.ReadingOn = await services.GetRequiredService<ReadingOnCache>().GetAsync(article, published, ct);

        // Everything the page shows: the article, its sections, topics and contributors (names in links). The topic and
        // section tags also cover the reading-on lists: a story published, changed or withdrawn in the primary topic or the
        // section carries them, so this page is rebuilt with the lists as they now are. Not "home", "feeds" or the topics
        // index: this page shows none of them, so publishing elsewhere leaves it cached.
        ResponseCacheTags.Add(http, CacheTags.For(article).Where(t => t is not CacheTags.Home and not CacheTags.Feeds and not CacheTags.TopicIndex));
        ResponseCacheTags.Add(http, [CacheTags.Standards]);
        var mostRead = await services.GetRequiredService<MostReadEdition>().StoriesAsync(ct);
        view.MostRead = [.. mostRead.Where(a => a.Id != article.Id).Take(MostReadEdition.Count)];
        ResponseCacheTags.Add(http, [MostReadEdition.Tag]);
        Describe(frame.Meta, chrome, http.Request, article, words);
        return view;
    }

    /// <summary>The head's metadata for search engines and sharing, and the JSON-LD.</summary>
    private static void Describe(PageMeta meta, SiteChrome chrome, HttpRequest request, Article article, int words)
    {
        meta.Title = article.Headline;
        meta.Description = article.Summary.FirstOrDefault();
        meta.CanonicalPath = article.PublicPath;
        meta.OpenGraphType = "article";
        meta.Language = article.Language;
        meta.PublishedAt = article.FirstPublishedAt;
        meta.ModifiedAt = article.LastUpdatedAt ?? article.FirstPublishedAt;
        List<string> imagePaths = [];
        if (article.HeroImage is { } hero)
        {
            meta.ImageUrl = PictureView.LargestJpegPath(hero);
            meta.ImageAlt = article.HeroAlt ?? hero.Alt;
            if (meta.ImageUrl is not null)
            {
                // The whole picture, then the focal-point crops the newsroom made (16:9 and 1:1), as search engines ask for.
                imagePaths.Add(meta.ImageUrl);
                imagePaths.AddRange(PictureView.CropPaths(hero));
            }
        }
        meta.JsonLd = ArticleJsonLd.NewsArticle(article, new ArticleJsonLd.Context(
            chrome.Publication.Name, path => chrome.Absolute(request, path), meta.Description, meta.ModifiedAt, imagePaths, words,
            chrome.StandardsPages));
    }
}
