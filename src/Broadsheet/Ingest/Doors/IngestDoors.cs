using System.Globalization;
using Microsoft.Extensions.Options;

namespace Broadsheet.Ingest.Doors;

/// <summary>
/// Runs every source's drop folder (woken by the file system's notices and swept every
/// <see cref="DoorSettings.SweepSeconds"/>) and every feed's poller, each in a loop of its own, in this instance.
/// </summary>
public sealed class IngestDoors(
    IOptions<IngestOptions> sources,
    IOptions<DoorSettings> options,
    IWireIntake intake,
    FeedPoller poller,
    DoorStatus status,
    TimeProvider clock,
    ILogger<IngestDoors> logger) : BackgroundService
{
    /// <summary>This instance's name on drop-folder claims and feed leases.</summary>
    public string InstanceId { get; } = options.Value.InstanceId is { Length: > 0 } id
        ? id
        : string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folders = DoorSettings.Folders(sources.Value).ToList();
        var feeds = DoorSettings.Feeds(sources.Value).ToList();
        var loops = folders.Select(s => Task.Run(() => FolderLoopAsync(s, stoppingToken), stoppingToken))
            .Concat(feeds.Select(s => Task.Run(() => FeedLoopAsync(s, stoppingToken), stoppingToken)))
            .ToList();
        if (loops.Count > 0)
        {
            logger.LogInformation("Ingest doors: {Folders} drop folder(s), {Feeds} feed(s), instance {Instance}.", folders.Count, feeds.Count, InstanceId);
        }
        return Task.WhenAll(loops);
    }

    private async Task FolderLoopAsync(WireSourceOptions source, CancellationToken ct)
    {
        var settings = options.Value;
        var folder = new DropFolder(source.Name, source.Folder!, settings, InstanceId, intake, clock, status, logger);
        using var wake = new SemaphoreSlim(0);
        FileSystemWatcher? watcher = null;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    folder.Prepare();
                    watcher ??= Watch(folder.Root, wake);
                    await folder.SweepAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // The folder is gone, unreadable or its share is down: said on the status page, tried again next sweep.
                    status.Error(source.Name, e.Message, clock.GetUtcNow());
                    logger.LogError(e, "Drop folder {Source}: the sweep of {Folder} failed.", source.Name, source.Folder);
                    watcher?.Dispose();
                    watcher = null;
                }
                var now = clock.GetUtcNow();
                var next = now + settings.Sweep;
                if (folder.NextStableAt is { } stable && stable < next)
                {
                    next = stable;
                }
                status.Swept(source.Name, now, next);
                await WaitAsync(wake, next - now, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            watcher?.Dispose();
        }
    }

    private static FileSystemWatcher Watch(string path, SemaphoreSlim wake)
    {
        var watcher = new FileSystemWatcher(path)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        void Wake()
        {
            if (wake.CurrentCount == 0)
            {
                wake.Release();
            }
        }
        watcher.Created += (_, _) => Wake();
        watcher.Changed += (_, _) => Wake();
        watcher.Renamed += (_, _) => Wake();
        // The timer's sweep still finds everything when notices are lost (a full buffer, a network share).
        watcher.Error += (_, _) => Wake();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>Waits for a file-system notice or <paramref name="delay"/> on the app's clock, whichever comes first.</summary>
    private async Task WaitAsync(SemaphoreSlim wake, TimeSpan delay, CancellationToken ct)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }
        using var timeout = new CancellationTokenSource(delay, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await wake.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }

    private async Task FeedLoopAsync(WireSourceOptions source, CancellationToken ct)
    {
        var settings = options.Value;
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var next = await poller.PollIfDueAsync(source, InstanceId, ct);
                failures = 0;
                wait = next - clock.GetUtcNow();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is down (the lease cannot be read): wait as after a failed poll.
                failures++;
                wait = settings.Backoff(failures);
                logger.LogWarning(e, "Feed {Source}: the poll could not start; tried again in {Wait}.", source.Name, wait);
            }
            // Never longer than one interval, so a lease given up by another instance is noticed in time.
            var most = TimeSpan.FromSeconds(source.PollSeconds);
            var least = TimeSpan.FromMilliseconds(50);
            wait = wait < least ? least : wait > most ? most : wait;
            try
            {
                await Task.Delay(wait, clock, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
