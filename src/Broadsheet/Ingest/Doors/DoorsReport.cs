using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Ingest.Doors;

/// <summary>What people see of the doors: each drop folder as this instance last swept it, and each feed as the shared row says.</summary>
public sealed record DoorsReport(IReadOnlyList<FolderReport> Folders, IReadOnlyList<FeedReport> Feeds)
{
    public static async Task<DoorsReport> LoadAsync(BroadsheetDb db, IngestOptions options, DoorStatus status, CancellationToken ct)
    {
        var folders = DoorSettings.Folders(options).Select(s => new FolderReport(s.Name, Path.GetFullPath(s.Folder!), status.Folders.GetValueOrDefault(s.Name))).ToList();
        var names = DoorSettings.Feeds(options).Select(s => s.Name).ToList();
        var rows = await db.Set<WireFeedState>().AsNoTracking().Where(f => names.Contains(f.Source)).ToDictionaryAsync(f => f.Source, ct);
        var feeds = DoorSettings.Feeds(options).Select(s => new FeedReport(s.Name, s.FeedUrl!, s.PollSeconds, rows.GetValueOrDefault(s.Name))).ToList();
        return new DoorsReport(folders, feeds);
    }
}

public sealed record FolderReport(string Source, string Folder, FolderState? State);

public sealed record FeedReport(string Source, Uri Url, int PollSeconds, WireFeedState? State);
