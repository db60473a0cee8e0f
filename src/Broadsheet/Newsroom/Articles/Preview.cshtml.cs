using Broadsheet.Accounts;
using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Broadsheet.Media;
using Broadsheet.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Articles;

/// <summary>
/// The article as readers would see it, rendered from the editor's unsaved form with the reader site's own
/// layout and block partials. Newsroom-only: authorised like every newsroom page and never cached.
/// </summary>
public sealed class PreviewModel(SiteChrome chrome, BroadsheetDb db, TimeProvider clock) : ReaderPageModel(chrome)
{
    public override PageStyle Style => PageStyle.Article;

    [BindProperty]
    public EditorForm Form { get; set; } = new();

    [BindProperty]
    public int? ArticleId { get; set; }

    public Article Article { get; private set; } = null!;

    public BodyView Body { get; private set; } = null!;

    public int Words { get; private set; }

    public int ReadingMinutes { get; private set; }

    public string? HeroCaption => Article.HeroCaption ?? Article.HeroImage?.Caption;

    public string? HeroCredit => Article.HeroCredit ?? Article.HeroImage?.Credit;

    /// <summary>The saved article as readers would see it (<c>?articleId=</c>), e.g. for a reviewer who only reads.</summary>
    public async Task<IActionResult> OnGetAsync(int? articleId, CancellationToken ct)
    {
        var article = articleId is { } id ? await ArticleWriter.Load(db, id, ct) : null;
        if (article is null)
        {
            return NotFound();
        }
        ArticleId = article.Id;
        Form = EditorForm.From(ArticleSnapshot.From(article), article.Version);
        return await RenderAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form.AbsorbBodyJson();
        return RenderAsync(ct);
    }

    private async Task<IActionResult> RenderAsync(CancellationToken ct)
    {
        var actor = NewsroomClaims.Actor(User);
        var saved = ArticleId is { } id ? await db.Articles.AsNoTracking().Include(a => a.Notes).FirstOrDefaultAsync(a => a.Id == id, ct) : null;
        if (saved is not null && !WorkflowRules.CanView(saved, actor))
        {
            return Forbid();
        }
        await Chrome.LoadAsync(ct);
        var snapshot = Form.ToSnapshot();
        var section = await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Path == snapshot.Section, ct)
            ?? new Section { Path = "preview", Name = "No section chosen" };
        var topicNames = snapshot.Topics.ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => topicNames.Contains(t.Name)).ToListAsync(ct);
        var bylineNames = snapshot.Byline.Select(c => c.Name).ToList();
        var contributors = await db.Contributors.AsNoTracking().Where(c => bylineNames.Contains(c.Name)).ToListAsync(ct);
        var hero = snapshot.HeroImageId is { } heroId ? await db.Images.AsNoTracking().FirstOrDefaultAsync(i => i.Id == heroId, ct) : null;
        var now = clock.GetUtcNow();
        Article = new Article
        {
            Id = saved?.Id ?? 0,
            Slug = snapshot.Slug,
            Headline = snapshot.Headline.Length > 0 ? snapshot.Headline : "(No headline yet)",
            Summary = [.. snapshot.Summary],
            Body = [.. snapshot.Body],
            Section = section,
            HeroImage = hero,
            HeroImageId = hero?.Id,
            HeroCaption = snapshot.HeroCaption,
            HeroCredit = snapshot.HeroCredit,
            HeroAlt = snapshot.HeroAlt,
            Topics = [.. topicNames.Select((name, i) => new ArticleTopic
            {
                Position = i,
                Topic = topics.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) ?? new Topic { Name = name, Slug = Slugs.From(name) },
            })],
            Byline = [.. snapshot.Byline.Select((c, i) => new BylineEntry
            {
                Position = i,
                Contributor = contributors.FirstOrDefault(k => string.Equals(k.Name, c.Name, StringComparison.OrdinalIgnoreCase))
                    ?? new Contributor { Name = c.Name, Slug = Slugs.From(c.Name), Kind = c.Kind == "agency" ? ContributorKind.Agency : ContributorKind.Person },
            })],
            Notes = saved?.Notes.OrderBy(n => n.At).ToList() ?? [],
            Language = snapshot.Language,
            Dateline = snapshot.Dateline,
            Sponsor = snapshot.Sponsor,
            Methods = snapshot.Methods,
            FirstPublishedAt = saved?.FirstPublishedAt ?? now,
            LastUpdatedAt = saved?.FirstPublishedAt is null ? null : now,
        };
        var imageIds = Article.Body.OfType<ImageBlock>().Select(b => b.ImageId).Distinct().ToList();
        var images = imageIds.Count == 0
            ? new Dictionary<Guid, Image>()
            : await db.Images.AsNoTracking().Where(i => imageIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        Body = new BodyView(Article.Body, images, new Dictionary<int, AdSlotView>());
        Words = ReadingTime.CountWords(Article.Body);
        ReadingMinutes = ReadingTime.Estimate(Article);
        Meta.Title = "Preview: " + Article.Headline;
        Meta.Language = Article.Language;
        return Page();
    }
}
