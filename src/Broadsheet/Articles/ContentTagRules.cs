using Broadsheet.Data;
using Broadsheet.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Broadsheet.Articles;

/// <summary>Keys an entry names, as stored and as changed (a row moved to another owner concerns both).</summary>
public static class ChangedKeys
{
    public static IEnumerable<object> Of(EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        if (value.IsTemporary)
        {
            // A key the save has not assigned yet names no stored row; after the save the real one is read.
            yield break;
        }
        if (value.CurrentValue is { } current)
        {
            yield return current;
        }
        if (entry.State != EntityState.Added && value.OriginalValue is { } original && !original.Equals(value.CurrentValue))
        {
            yield return original;
        }
    }
}

/// <summary>A published article's pages (<see cref="CacheTags.For(Article)"/>), for the article and the rows that belong to it.</summary>
public sealed class ArticlePages : IContentTagRule
{
    public IEnumerable<object> KeysOf(EntityEntry entry, EntityState state) => entry.Entity switch
    {
        Article => ChangedKeys.Of(entry, nameof(Article.Id)),
        ArticleTopic or BylineEntry or ArticleNote => ChangedKeys.Of(entry, nameof(ArticleNote.ArticleId)),
        _ => [],
    };

    public async Task CollectAsync(BroadsheetDb db, IReadOnlyCollection<object> keys, ContentTags tags, CancellationToken ct)
    {
        var ids = keys.Cast<int>().ToList();
        // Only what readers can see has pages: drafts, scheduled and unpublished articles have none.
        // The names the tags are made of, in one query: every save of a published article reads them twice (before and
        // after), and its text, which would be read and parsed with the rest of the row, names no page.
        var articles = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.Status == ArticleStatus.Published)
            .Select(a => new { a.Id, a.Section.Path, Topics = a.Topics.Select(t => t.Topic.Slug).ToList(), Authors = a.Byline.Select(b => b.Contributor.Slug).ToList() })
            .ToListAsync(ct);
        foreach (var article in articles)
        {
            tags.Add(CacheTags.For(article.Id, article.Path, article.Topics, article.Authors));
        }
    }
}

/// <summary>
/// A section's pages: its listing, home, the feeds and the navigation every page shows (the site snapshot), and the
/// pages of the published articles in it or its subsections, which name it.
/// </summary>
public sealed class SectionPages : IContentTagRule
{
    public IEnumerable<object> KeysOf(EntityEntry entry, EntityState state) =>
        entry.Entity is Section ? ChangedKeys.Of(entry, nameof(Section.Id)) : [];

    public async Task CollectAsync(BroadsheetDb db, IReadOnlyCollection<object> keys, ContentTags tags, CancellationToken ct)
    {
        var ids = keys.Cast<int>().ToList();
        var paths = await db.Sections.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => s.Path).ToListAsync(ct);
        foreach (var path in paths)
        {
            var prefix = path + "/";
            var articles = await db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && (a.Section.Path == path || a.Section.Path.StartsWith(prefix)))
                .Select(a => a.Id)
                .ToListAsync(ct);
            tags.Add([CacheTags.Home, CacheTags.Feeds, CacheTags.Section(path), .. articles.Select(CacheTags.Article)]);
        }
    }
}

/// <summary>A topic's page, the topics index, home (which lists topics) and the pages of the published articles tagged with it.</summary>
public sealed class TopicPages : IContentTagRule
{
    public IEnumerable<object> KeysOf(EntityEntry entry, EntityState state) =>
        entry.Entity is Topic ? ChangedKeys.Of(entry, nameof(Topic.Id)) : [];

    public async Task CollectAsync(BroadsheetDb db, IReadOnlyCollection<object> keys, ContentTags tags, CancellationToken ct)
    {
        var ids = keys.Cast<int>().ToList();
        var slugs = await db.Topics.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => t.Slug).ToListAsync(ct);
        await NamedPages.AddAsync(tags, [.. slugs.Select(CacheTags.Topic), .. slugs.Count > 0 ? [CacheTags.TopicIndex] : Array.Empty<string>()],
            db.Articles.Where(a => a.Topics.Any(t => ids.Contains(t.TopicId))), ct);
    }
}

/// <summary>A contributor's author page, the authors index, home (which lists authors) and the pages of the published articles in their byline.</summary>
public sealed class ContributorPages : IContentTagRule
{
    public IEnumerable<object> KeysOf(EntityEntry entry, EntityState state) =>
        entry.Entity is Contributor ? ChangedKeys.Of(entry, nameof(Contributor.Id)) : [];

    public async Task CollectAsync(BroadsheetDb db, IReadOnlyCollection<object> keys, ContentTags tags, CancellationToken ct)
    {
        var ids = keys.Cast<int>().ToList();
        var slugs = await db.Contributors.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.Slug).ToListAsync(ct);
        await NamedPages.AddAsync(tags, [.. slugs.Select(CacheTags.Author), .. slugs.Count > 0 ? [CacheTags.AuthorIndex] : Array.Empty<string>()],
            db.Articles.Where(a => a.Byline.Any(b => ids.Contains(b.ContributorId))), ct);
    }
}

/// <summary>Topics and contributors: their own pages, home, and the published articles that name them.</summary>
internal static class NamedPages
{
    public static async Task AddAsync(ContentTags tags, IEnumerable<string> own, IQueryable<Article> naming, CancellationToken ct)
    {
        var pages = own.ToList();
        if (pages.Count == 0)
        {
            return;
        }
        var articles = await naming.AsNoTracking().Where(a => a.Status == ArticleStatus.Published).Select(a => a.Id).ToListAsync(ct);
        tags.Add([CacheTags.Home, .. pages, .. articles.Select(CacheTags.Article)]);
    }
}

/// <summary>Rows every page of a kind shows through one tag: standards pages (<c>standards</c>: the pages and the links to them on every page), ad creatives (<c>ads</c>: every page with a slot).</summary>
public sealed class FixedPages<T>(string tag) : IContentTagRule
    where T : class
{
    public IEnumerable<object> KeysOf(EntityEntry entry, EntityState state) =>
        entry.Entity is T ? entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue!) : [];

    public Task CollectAsync(BroadsheetDb db, IReadOnlyCollection<object> keys, ContentTags tags, CancellationToken ct)
    {
        tags.Add([tag]);
        return Task.CompletedTask;
    }
}

/// <summary>Every page that shows a library image (<see cref="ImagePages.TagsAsync"/>).</summary>
public sealed class ImageUsePages : IContentTagRule
{
    // A new image is shown nowhere yet: what starts showing it (an article, an ad) evicts its own pages.
    public IEnumerable<object> KeysOf(EntityEntry entry, EntityState state) =>
        entry.Entity is Image && state != EntityState.Added ? ChangedKeys.Of(entry, nameof(Image.Id)) : [];

    public async Task CollectAsync(BroadsheetDb db, IReadOnlyCollection<object> keys, ContentTags tags, CancellationToken ct)
    {
        foreach (var id in keys.Cast<Guid>())
        {
            tags.Add(await ImagePages.TagsAsync(db, id, ct));
        }
    }
}
