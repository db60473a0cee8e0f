using System.Collections.Frozen;
using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Rendering;

/// <summary>
/// What reader pages show around their content and what rarely changes: the publication, the section tree,
/// the standards links and the house-ad creatives. Reading them on every uncached render cost more database
/// round trips than the article itself, so they are held in memory as one immutable <see cref="SiteData"/>.
/// <para>
/// Freshness: the snapshot is rebuilt on the first request after any <see cref="ContentCache"/> eviction in
/// this process (every write evicts), and at the latest <see cref="CacheOptions.SnapshotSeconds"/> after it
/// was read. The age limit is for other instances: with several instances on one database a write on one
/// evicts the shared (Redis) output cache but cannot reach the others' memory, so they show the change within
/// that many seconds.
/// </para>
/// </summary>
// Why: the semaphore never hands out its wait handle, so it holds nothing to dispose.
#pragma warning disable CA1001
public sealed class SiteSnapshot(IServiceScopeFactory scopes, ContentCache cache, TimeProvider clock, IOptions<BroadsheetOptions> options) : IAdCreatives
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private readonly TimeSpan maxAge = TimeSpan.FromSeconds(options.Value.Cache.SnapshotSeconds);
    private volatile SiteData? current;

    /// <summary>The current snapshot; waits for a rebuild when the one held is older than the last eviction or too old.</summary>
    async ValueTask<IReadOnlyList<AdCreative>> IAdCreatives.AllAsync(CancellationToken ct) => (await GetAsync(ct)).AdCreatives;

    public ValueTask<SiteData> GetAsync(CancellationToken ct = default)
    {
        var data = current;
        return data is not null && IsFresh(data) ? ValueTask.FromResult(data) : new ValueTask<SiteData>(RebuildAsync(ct));
    }

    private bool IsFresh(SiteData data) => data.Generation == cache.Generation && clock.GetUtcNow() - data.LoadedAt < maxAge;

    private async Task<SiteData> RebuildAsync(CancellationToken ct)
    {
        await loading.WaitAsync(ct);
        try
        {
            // Another request may have rebuilt it while this one waited.
            if (current is { } data && IsFresh(data))
            {
                return data;
            }
            // Read before loading: an eviction during the load leaves this snapshot already stale.
            var generation = cache.Generation;
            var loadedAt = clock.GetUtcNow();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var loaded = await SiteData.LoadAsync(db, generation, loadedAt, ct);
            current = loaded;
            return loaded;
        }
        finally
        {
            loading.Release();
        }
    }
}
#pragma warning restore CA1001

/// <summary>One immutable reading of the site's rarely changing data; shared by concurrent requests, so never modify what it holds.</summary>
public sealed class SiteData
{
    private readonly FrozenDictionary<string, Section> sectionsByPath;

    private SiteData(
        long generation, DateTimeOffset loadedAt, Publication? publication, List<Section> sections,
        List<(string Slug, string Title)> standardsPages, List<AdCreative> adCreatives)
    {
        Generation = generation;
        LoadedAt = loadedAt;
        Publication = publication;
        TimeZone = publication is not null && TimeZoneInfo.TryFindSystemTimeZoneById(publication.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
        sectionsByPath = sections.ToFrozenDictionary(s => s.Path, StringComparer.Ordinal);
        TopSections = [.. sections.Where(s => s.ParentId is null).OrderBy(s => s.Position).ThenBy(s => s.Name, StringComparer.Ordinal)];
        StandardsPages = standardsPages;
        AdCreatives = adCreatives;
    }

    public long Generation { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>The publication, or null before one exists.</summary>
    public Publication? Publication { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The sections without a parent, in menu order.</summary>
    public IReadOnlyList<Section> TopSections { get; }

    public IReadOnlyList<(string Slug, string Title)> StandardsPages { get; }

    /// <summary>Every creative with its image, by id, whether running or not: whether one runs depends on the time of the render.</summary>
    public IReadOnlyList<AdCreative> AdCreatives { get; }

    /// <summary>The section at <paramref name="path"/>, or null when there is none.</summary>
    public Section? SectionAt(string path) => sectionsByPath.GetValueOrDefault(path);

    /// <summary>The section with id <paramref name="id"/>, or null.</summary>
    public Section? SectionById(int? id) => id is { } wanted ? sectionsByPath.Values.FirstOrDefault(s => s.Id == wanted) : null;

    /// <summary>The direct subsections of section <paramref name="id"/>, in menu order.</summary>
    public IReadOnlyList<Section> Subsections(int id) =>
        [.. sectionsByPath.Values.Where(s => s.ParentId == id).OrderBy(s => s.Position).ThenBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>The ids of the section at <paramref name="path"/> and of its subsections (a listing's section filter).</summary>
    public IReadOnlyList<int> SectionTree(string path)
    {
        var prefix = path + "/";
        return [.. sectionsByPath.Where(s => s.Key == path || s.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(s => s.Value.Id)];
    }

    /// <summary>The section at <paramref name="path"/> and its ancestors, outermost first; unknown paths are left out.</summary>
    public IReadOnlyList<Section> SectionAndAncestors(string path)
    {
        var found = new List<Section>(4);
        for (var end = path.IndexOf('/'); end >= 0; end = path.IndexOf('/', end + 1))
        {
            if (sectionsByPath.TryGetValue(path[..end], out var ancestor))
            {
                found.Add(ancestor);
            }
        }
        if (sectionsByPath.TryGetValue(path, out var section))
        {
            found.Add(section);
        }
        return found;
    }

    internal static async Task<SiteData> LoadAsync(BroadsheetDb db, long generation, DateTimeOffset loadedAt, CancellationToken ct)
    {
        var publication = await db.Publications.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        var sections = await db.Sections.AsNoTracking().ToListAsync(ct);
        var standards = await db.StandardsPages.AsNoTracking().OrderBy(p => p.Position).Select(p => new { p.Slug, p.Title }).ToListAsync(ct);
        var ads = await db.AdCreatives.AsNoTracking().Include(a => a.Image).OrderBy(a => a.Id).ToListAsync(ct);
        return new SiteData(generation, loadedAt, publication, sections, [.. standards.Select(p => (p.Slug, p.Title))], ads);
    }
}
