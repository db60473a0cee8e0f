using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.FrontPage;
using Broadsheet.Ingest;
using Broadsheet.Media;
using Broadsheet.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Reader;

public sealed class ArticlePageModel(SiteChrome chrome, PublishedArticles published, ReadingOnCache readingOn, BroadsheetDb db, AdSlots ads, MostReadEdition mostRead) : ReaderPageModel(chrome)
{
    private static readonly PerModel<Func<BroadsheetDb, Guid[], IAsyncEnumerable<Image>>> ImagesById = new(() =>
        EF.CompileAsyncQuery((BroadsheetDb db, Guid[] ids) => db.Images.AsNoTracking().Where(i => ids.Contains(i.Id))));

    public Article Article { get; private set; } = null!;

    public override PageStyle Style => PageStyle.Article;

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

    /// <summary>The "Report an error" form: its token signs the article and the time the page was made, the same for every reader of the cached page.</summary>

    public bool WasUpdated => Article.LastUpdatedAt is { } updated && updated != Article.FirstPublishedAt;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await published.FindAsync(id, ct) is not { } article)
        {
            return await GoneAsync(id, ct);
        }
        if (!string.Equals(Request.Path.Value, article.PublicPath, StringComparison.Ordinal))
        {
            // An old slug or a moved section: send readers and search engines to the one current URL.
            return RedirectPermanent(new PathString(article.PublicPath).ToUriComponent() + Request.QueryString);
        }
        Article = article;
        await Chrome.LoadAsync(ct);

        Breadcrumbs = Chrome.Site!.SectionAndAncestors(article.Section.Path);
        int words;
        (ReadingMinutes, words) = ReadingTime.Measure(article);

        var imageIds = article.Body.OfType<ImageBlock>().Select(b => b.ImageId).Distinct().ToArray();
        var images = new Dictionary<Guid, Image>(imageIds.Length);
        if (imageIds.Length > 0)
        {
            await foreach (var image in ImagesById.For(db)(db, imageIds).WithCancellation(ct))
            {
                images[image.Id] = image;
            }
        }

        var slotsAfter = new Dictionary<int, AdSlotView>();
        if (ads.Enabled)
        {
            var topics = article.Topics.Select(t => t.Topic.Slug).ToList();
            var sectionName = article.Section.Name;
            TopSlot = await ads.FillAsync(new AdSlotRequest(AdSlotFormat.Banner, 0, article.Section.Path, topics), Chrome.Publication.Name, sectionName, ct);
            var position = 1;
            foreach (var after in AdPlacement.Plan(article.Body, ads.Options))
            {
                slotsAfter[after] = await ads.FillAsync(
                    new AdSlotRequest(AdSlotFormat.Rectangle, position++, article.Section.Path, topics), Chrome.Publication.Name, sectionName, ct);
            }
            TagCache(CacheTags.Ads);
        }
        Body = new BodyView(article.Body, images, slotsAfter);
        ReadingOn = await readingOn.GetAsync(article, c => published.ReadingOnAsync(article, c), ct);

        // Everything the page shows: the article, its sections, topics and contributors (names in links). The topic and
        // section tags also cover the reading-on lists: a story published, changed or withdrawn in the primary topic or the
        // section carries them, so this page is rebuilt with the lists as they now are. Not "home", "feeds" or the topics
        // index: this page shows none of them, so publishing elsewhere leaves it cached.
        TagCache(CacheTags.For(article).Where(t => t is not CacheTags.Home and not CacheTags.Feeds and not CacheTags.TopicIndex));
        TagCache(CacheTags.Standards);
        MostRead = [.. (await mostRead.StoriesAsync(ct)).Where(a => a.Id != article.Id).Take(MostReadEdition.Count)];
        TagCache(MostReadEdition.Tag);
        DescribeForSearchAndSharing(article, words);
        return Page();
    }

    /// <summary>The notice readers get where a story its agency withdrew was: 410 Gone, so search engines drop it; else 404.</summary>
    public string? Withdrawn { get; private set; }

    private async Task<IActionResult> GoneAsync(int id, CancellationToken ct)
    {
        if (await WireKills.NoticeForAsync(db, id, ct) is not { } notice)
        {
            return NotFound();
        }
        Withdrawn = notice;
        await Chrome.LoadAsync(ct);
        Meta.Title = "This story has been withdrawn";
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    private void DescribeForSearchAndSharing(Article article, int words)
    {
        Meta.Title = article.Headline;
        Meta.Description = article.Summary.FirstOrDefault();
        Meta.CanonicalPath = article.PublicPath;
        Meta.OpenGraphType = "article";
        Meta.Language = article.Language;
        Meta.PublishedAt = article.FirstPublishedAt;
        Meta.ModifiedAt = article.LastUpdatedAt ?? article.FirstPublishedAt;
        List<string> imagePaths = [];
        if (article.HeroImage is { } hero)
        {
            Meta.ImageUrl = PictureView.LargestJpegPath(hero);
            Meta.ImageAlt = article.HeroAlt ?? hero.Alt;
            if (Meta.ImageUrl is not null)
            {
                // The whole picture, then the focal-point crops the newsroom made (16:9 and 1:1), as search engines ask for.
                imagePaths.Add(Meta.ImageUrl);
                imagePaths.AddRange(PictureView.CropPaths(hero));
            }
        }
        var request = Request;
        Meta.JsonLd = ArticleJsonLd.NewsArticle(article, new ArticleJsonLd.Context(
            Chrome.Publication.Name, path => Chrome.Absolute(request, path), Meta.Description, Meta.ModifiedAt, imagePaths, words,
            Chrome.StandardsPages));
    }
}
