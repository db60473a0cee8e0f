using System.Collections.Frozen;
using Broadsheet.Data;
using Broadsheet.Media;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Ads;

/// <summary>
/// The creatives in memory, for the view and click URLs, which are hit once per page view and so must not
/// query the database. Reloaded every half minute, or sooner when asked for an id it has not seen (at most
/// once a second, so made-up ids cannot hammer the database).
/// </summary>
// Why: the semaphore never hands out its wait handle, so it holds nothing to dispose; disposing it would
// break the flush that runs while the host shuts down.
#pragma warning disable CA1001
public sealed class AdCreativeCatalog(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MinReloadInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Snapshot? current;

    public async ValueTask<CatalogCreative?> FindAsync(int id, CancellationToken ct = default)
    {
        var snapshot = current;
        var now = clock.GetUtcNow();
        if (snapshot is not null && now - snapshot.LoadedAt < MaxAge && snapshot.Creatives.TryGetValue(id, out var found))
        {
            return found;
        }
        if (snapshot is null || now - snapshot.LoadedAt >= MinReloadInterval)
        {
            snapshot = await ReloadAsync(snapshot, ct);
        }
        return snapshot.Creatives.GetValueOrDefault(id);
    }

    private async Task<Snapshot> ReloadAsync(Snapshot? seen, CancellationToken ct)
    {
        await loading.WaitAsync(ct);
        try
        {
            if (!ReferenceEquals(current, seen) && current is not null)
            {
                return current; // another request reloaded while this one waited
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var rows = await db.AdCreatives.AsNoTracking().Include(a => a.Image).ToListAsync(ct);
            var loaded = new Snapshot(
                clock.GetUtcNow(),
                rows.ToFrozenDictionary(a => a.Id, a => new CatalogCreative(a.Id, a.LinkUrl, a.Image)));
            current = loaded;
            return loaded;
        }
        finally
        {
            loading.Release();
        }
    }

    private sealed record Snapshot(DateTimeOffset LoadedAt, FrozenDictionary<int, CatalogCreative> Creatives);
}

public sealed record CatalogCreative(int Id, string LinkUrl, Image Image);
#pragma warning restore CA1001
