using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Media;

/// <summary>
/// Removes image files no row knows: staging folders and image folders left by an import that was killed between
/// writing its files and saving its row, and files an image no longer uses (crops superseded by a new focal point,
/// listed in the folder's <see cref="SupersededList"/>). Runs at start-up and then every <see cref="Interval"/>. Only
/// folders older than <see cref="MinimumAge"/> go, so an import in progress (in this or another instance sharing the
/// media folder) is never touched; superseded files go once their list is <see cref="SupersededAge"/> old, beyond
/// the longest a cached page naming them may still be served (<c>stale-if-error</c>, a day).
/// </summary>
public sealed class MediaSweep(IServiceScopeFactory scopes, IOptions<BroadsheetOptions> options, TimeProvider clock, ILogger<MediaSweep> logger)
    : BackgroundService
{
    public static readonly TimeSpan MinimumAge = TimeSpan.FromHours(1);
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);
    public static readonly TimeSpan SupersededAge = TimeSpan.FromDays(2);

    /// <summary>In an image's folder: paths (relative to the media root) of files it no longer uses, one per line.</summary>
    public const string SupersededList = ".superseded";

    /// <summary>Sweeps once; returns the folders removed.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken ct)
    {
        var media = options.Value.MediaPath;
        if (!Directory.Exists(media))
        {
            return [];
        }
        var cutoff = clock.GetUtcNow() - MinimumAge;
        var candidates = new List<(string Path, Guid? Id)>();
        var supersededLists = new List<(string List, Guid Id)>();
        foreach (var folder in Directory.EnumerateDirectories(media))
        {
            var name = Path.GetFileName(folder);
            if (name == ImageLibrary.StagingFolder)
            {
                candidates.AddRange(Directory.EnumerateDirectories(folder).Select(f => (f, (Guid?)null)));
            }
            else if (Guid.TryParse(name, out var id))
            {
                candidates.Add((folder, id));
                var list = Path.Combine(folder, SupersededList);
                if (File.Exists(list) && File.GetLastWriteTimeUtc(list) < (clock.GetUtcNow() - SupersededAge).UtcDateTime)
                {
                    supersededLists.Add((list, id));
                }
            }
        }
        await RemoveSupersededAsync(supersededLists, ct);
        var old = candidates.Where(c => Directory.GetLastWriteTimeUtc(c.Path) < cutoff.UtcDateTime).ToList();
        if (old.Count == 0)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var ids = old.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToList();
        var known = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(500))
        {
            known.UnionWith(await db.Images.AsNoTracking().Where(i => chunk.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct));
        }
        var removed = new List<string>();
        foreach (var (path, id) in old.Where(c => c.Id is null || !known.Contains(c.Id.Value)))
        {
            try
            {
                Directory.Delete(path, recursive: true);
                removed.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "Could not remove the orphaned media folder {Path}", path);
            }
        }
        if (removed.Count > 0)
        {
            logger.LogInformation("Removed {Count} orphaned media folders: {Folders}", removed.Count, string.Join(", ", removed.Select(Path.GetFileName)));
        }
        return removed;
    }

    /// <summary>Deletes the files each list names that its image does not use (again), then the list.</summary>
    private async Task RemoveSupersededAsync(List<(string List, Guid Id)> lists, CancellationToken ct)
    {
        if (lists.Count == 0)
        {
            return;
        }
        var media = options.Value.MediaPath;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var removed = 0;
        foreach (var (list, id) in lists)
        {
            var image = await db.Images.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
            var used = image is null ? [] : image.Renditions.Select(r => r.Path).Append(image.OriginalPath).ToHashSet(StringComparer.Ordinal);
            var folder = Path.GetFullPath(Path.Combine(media, id.ToString())) + Path.DirectorySeparatorChar;
            try
            {
                foreach (var path in (await File.ReadAllLinesAsync(list, ct)).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal))
                {
                    var file = Path.GetFullPath(Path.Combine(media, path));
                    // Only files of this image's own folder, and never one it uses again (a focal point moved back).
                    if (file.StartsWith(folder, StringComparison.Ordinal) && !used.Contains(path) && File.Exists(file))
                    {
                        File.Delete(file);
                        removed++;
                    }
                }
                File.Delete(list);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "Could not remove the superseded files listed in {List}", list);
            }
        }
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} superseded media files", removed);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "The media sweep failed; it runs again in {Interval}.", Interval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
