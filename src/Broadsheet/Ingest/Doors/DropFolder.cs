using System.Collections.Concurrent;
using System.Globalization;
using Broadsheet.Data;

namespace Broadsheet.Ingest.Doors;

/// <summary>
/// One source's drop folder. A sweep takes every file whose size and time have held still for
/// <see cref="DoorSettings.StableSeconds"/>, claims it by renaming it into <c>processing/{instance}/</c> (one rename:
/// of several instances exactly one gets it), hands it to the desk, and only once the desk has committed moves it to
/// <c>done/</c> or <c>quarantine/</c> (with <c>name.reason.txt</c> beside it). A kill at any point leaves the file in
/// the folder or in a claim; the claim is taken over once its instance stops showing signs of life, and the desk's
/// dedupe by guid and version makes the second run a duplicate.
/// </summary>
public sealed class DropFolder
{
    public const string ProcessingFolder = "processing";
    public const string DoneFolder = "done";
    public const string QuarantineFolder = "quarantine";
    public const string ReasonSuffix = ".reason.txt";
    private const string Heartbeat = ".alive";
    private const int MaxAttempts = 3;

    private static readonly string[] TemporaryEndings = [".tmp", ".temp", ".part", ".partial", ".filepart", ".crdownload", ".download", ".lock", "~"];

    private readonly string sourceName;
    private readonly DoorSettings settings;
    private readonly string instanceId;
    private readonly IWireIntake intake;
    private readonly TimeProvider clock;
    private readonly DoorStatus status;
    private readonly ILogger logger;
    private readonly Dictionary<string, Sighting> sightings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Failure> failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> silentSince = new(StringComparer.Ordinal);
    private readonly Lock filing = new();
    private DateTimeOffset lastHeartbeat = DateTimeOffset.MinValue;

    public DropFolder(string sourceName, string folder, DoorSettings settings, string instanceId, IWireIntake intake, TimeProvider clock, DoorStatus status, ILogger logger)
    {
        this.sourceName = sourceName;
        this.settings = settings;
        this.instanceId = instanceId;
        this.intake = intake;
        this.clock = clock;
        this.status = status;
        this.logger = logger;
        Root = Path.GetFullPath(folder);
        Processing = Path.Combine(Root, ProcessingFolder);
        Mine = Path.Combine(Processing, instanceId);
        Done = Path.Combine(Root, DoneFolder);
        Quarantine = Path.Combine(Root, QuarantineFolder);
    }

    public string Root { get; }
    public string Processing { get; }
    public string Mine { get; }
    public string Done { get; }
    public string Quarantine { get; }
    public string SourceName => sourceName;

    /// <summary>When the next file seen but not yet stable will be, so the service can sweep again then; null when none is waiting.</summary>
    public DateTimeOffset? NextStableAt { get; private set; }

    /// <summary>Whether a dropped file of this name is still being written by its sender's convention (dot-files, <c>.tmp</c>, <c>.part</c>, ...).</summary>
    public static bool IsTemporaryName(string name) =>
        name.StartsWith('.') || name.StartsWith('~') || TemporaryEndings.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    // The sign of life and its temporary file are dot-files; a claimed file never is (dot-files are never taken).
    private static bool IsClaim(string path) => !Path.GetFileName(path).StartsWith('.');

    public void Prepare()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Done);
        Directory.CreateDirectory(Quarantine);
        Directory.CreateDirectory(Mine);
        Beat(force: true);
    }

    /// <summary>
    /// One pass: a sign of life, stale claims taken over, retries of this instance's claims, then every stable new file,
    /// oldest first, up to <see cref="DoorSettings.FilesInFlight"/> at once (each claimed just before it is handled, so
    /// other instances share a burst). Returns the files finished.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        Prepare();
        ReclaimStale();
        var finished = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.FilesInFlight, CancellationToken = ct };
        var claims = Directory.EnumerateFiles(Mine).Where(IsClaim).Order(StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(claims, parallel, async (claimed, token) =>
        {
            if (await ProcessAsync(claimed, token))
            {
                Interlocked.Increment(ref finished);
            }
        });
        var stable = StableFiles();
        foreach (var file in stable)
        {
            sightings.Remove(file);
        }
        await Parallel.ForEachAsync(stable, parallel, async (file, token) =>
        {
            var claimed = Claim(file);
            if (claimed is not null && await ProcessAsync(claimed, token))
            {
                Interlocked.Increment(ref finished);
            }
        });
        status.Folder(sourceName, Waiting(), ClaimCount());
        return finished;
    }

    /// <summary>Files in the folder the doors have not finished: waiting to be stable or taken.</summary>
    public int Waiting() => Directory.EnumerateFiles(Root).Count(f => !IsTemporaryName(Path.GetFileName(f)));

    private int ClaimCount() =>
        Directory.EnumerateDirectories(Processing).Sum(d => Directory.EnumerateFiles(d).Count(IsClaim));

    /// <summary>The files whose size and time are as they were at least <see cref="DoorSettings.StableSeconds"/> ago, oldest first.</summary>
    private List<string> StableFiles()
    {
        var now = clock.GetUtcNow();
        var stable = new List<(string Path, DateTime Time)>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? next = null;
        foreach (var info in new DirectoryInfo(Root).EnumerateFiles())
        {
            if (IsTemporaryName(info.Name))
            {
                continue;
            }
            (long, DateTime) looks;
            try
            {
                looks = (info.Length, info.LastWriteTimeUtc);
            }
            catch (FileNotFoundException)
            {
                // Another instance sweeping the same folder claimed it between the listing and this look.
                continue;
            }
            present.Add(info.FullName);
            if (!sightings.TryGetValue(info.FullName, out var seen) || seen.Looks != looks)
            {
                seen = new Sighting(looks, now);
                sightings[info.FullName] = seen;
            }
            var stableAt = seen.Since + settings.Stable;
            if (stableAt <= now)
            {
                stable.Add((info.FullName, info.LastWriteTimeUtc));
            }
            else if (next is null || stableAt < next)
            {
                next = stableAt;
            }
        }
        foreach (var gone in sightings.Keys.Where(k => !present.Contains(k)).ToList())
        {
            sightings.Remove(gone);
        }
        NextStableAt = next;
        return stable.OrderBy(s => s.Time).ThenBy(s => s.Path, StringComparer.Ordinal).Select(s => s.Path).ToList();
    }

    /// <summary>Renames the file into this instance's claim folder; null when another instance (or the sender) moved it first.</summary>
    private string? Claim(string file)
    {
        // Files claimed at once could otherwise pick the same free name in the claim folder.
        lock (filing)
        {
            var target = Path.Combine(Mine, Path.GetFileName(file));
            if (File.Exists(target))
            {
                target = Unique(Mine, Path.GetFileName(file));
            }
            try
            {
                // overwrite: a plain rename(2), atomic: of several instances renaming the same file exactly one succeeds.
                File.Move(file, target, overwrite: true);
                return target;
            }
            catch (FileNotFoundException)
            {
                return null;
            }
            catch (DirectoryNotFoundException)
            {
                return null;
            }
        }
    }

    /// <summary>Takes over the claims of instances that have shown no sign of life for <see cref="DoorSettings.ClaimStaleSeconds"/>.</summary>
    private void ReclaimStale()
    {
        Beat(force: false);
        var now = clock.GetUtcNow();
        foreach (var folder in Directory.EnumerateDirectories(Processing))
        {
            if (Path.GetFileName(folder) == instanceId)
            {
                continue;
            }
            var alive = LastSignOfLife(folder, now);
            if (now - alive < settings.ClaimStale)
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(folder).Where(IsClaim))
            {
                var target = Path.Combine(Mine, Path.GetFileName(file));
                if (File.Exists(target))
                {
                    target = Unique(Mine, Path.GetFileName(file));
                }
                try
                {
                    File.Move(file, target, overwrite: true);
                    logger.LogInformation("Drop folder {Source}: took over {File} from instance {Instance}, silent since {Since:u}.", sourceName, Path.GetFileName(file), Path.GetFileName(folder), alive);
                }
                catch (FileNotFoundException)
                {
                    // Another instance took it over first.
                }
            }
            try
            {
                File.Delete(Path.Combine(folder, Heartbeat));
                Directory.Delete(folder);
                silentSince.Remove(folder);
            }
            catch (IOException)
            {
                // A file arrived in it meanwhile (its instance is alive after all) or another instance removed it.
            }
        }
    }

    private DateTimeOffset LastSignOfLife(string folder, DateTimeOffset now)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(folder, Heartbeat));
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var beat))
            {
                return beat;
            }
        }
        catch (IOException)
        {
        }
        // No readable sign of life: counted from when this instance first noticed.
        if (!silentSince.TryGetValue(folder, out var since))
        {
            silentSince[folder] = since = now;
        }
        return since;
    }

    /// <summary>Writes this instance's sign of life (the time on the shared clock), at most once a sweep interval.</summary>
    private void Beat(bool force)
    {
        // Files in flight beat from several threads; one temporary file at a time.
        lock (filing)
        {
            var now = clock.GetUtcNow();
            if (!force && now - lastHeartbeat < TimeSpan.FromTicks(Math.Min(settings.Sweep.Ticks, settings.ClaimStale.Ticks / 4)))
            {
                return;
            }
            Directory.CreateDirectory(Mine);
            var path = Path.Combine(Mine, Heartbeat);
            File.WriteAllText(path + ".tmp", now.ToString("O", CultureInfo.InvariantCulture));
            File.Move(path + ".tmp", path, overwrite: true);
            lastHeartbeat = now;
        }
    }

    /// <summary>Hands a claimed file to the desk and files it by the outcome. False when it stays claimed for a retry.</summary>
    private async Task<bool> ProcessAsync(string claimed, CancellationToken ct)
    {
        var name = Path.GetFileName(claimed);
        if (failures.TryGetValue(claimed, out var failure) && failure.RetryAt > clock.GetUtcNow())
        {
            return false;
        }
        Beat(force: false);
        string? reason;
        string? partial = null;
        try
        {
            var length = new FileInfo(claimed).Length;
            if (length > settings.MaxFileBytes)
            {
                reason = $"The file is {length:N0} bytes, over the limit of {settings.MaxFileBytes:N0} (Broadsheet:Ingest:Doors:MaxFileBytes).";
            }
            else
            {
                var body = await File.ReadAllBytesAsync(claimed, ct);
                var receipt = await intake.ReceiveAsync(new WireDelivery(body, ContentTypeOf(name), DoorOrigins.Folder, sourceName, name), ct);
                (reason, partial) = Judge(receipt);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return Failed(claimed, name, e);
        }
        failures.TryRemove(claimed, out _);
        var quarantined = reason is not null;
        var moved = Finish(claimed, quarantined ? Quarantine : Done, reason ?? partial);
        status.FileFinished(sourceName, name, quarantined, reason, clock.GetUtcNow());
        if (quarantined)
        {
            logger.LogWarning("Drop folder {Source}: {File} quarantined as {Moved}: {Reason}", sourceName, name, Path.GetFileName(moved), reason);
        }
        else
        {
            logger.LogInformation("Drop folder {Source}: {File} done.", sourceName, name);
        }
        return true;
    }

    private bool Failed(string claimed, string name, Exception e)
    {
        var now = clock.GetUtcNow();
        var attempts = (failures.TryGetValue(claimed, out var before) ? before.Attempts : 0) + 1;
        var outage = DatabaseOutage.IsUnavailable(e);
        status.Error(sourceName, $"{name}: {e.Message}", now);
        if (!outage && attempts >= MaxAttempts)
        {
            failures.TryRemove(claimed, out _);
            var reason = $"The desk failed on this file {attempts} times: {e.GetType().Name}: {e.Message}";
            logger.LogError(e, "Drop folder {Source}: {File} quarantined after {Attempts} failures.", sourceName, name, attempts);
            Finish(claimed, Quarantine, reason);
            status.FileFinished(sourceName, name, true, reason, now);
            return true;
        }
        // A database outage is waited out however long it lasts; other failures are tried a few times.
        var wait = TimeSpan.FromSeconds(Math.Min(300, settings.SweepSeconds * Math.Pow(2, Math.Min(attempts, 10))));
        failures[claimed] = new Failure(outage ? 0 : attempts, now + wait);
        if (outage)
        {
            logger.LogWarning("Drop folder {Source}: the database is unavailable; {File} waits in processing/ and is tried again.", sourceName, name);
        }
        else
        {
            logger.LogError(e, "Drop folder {Source}: the desk failed on {File} (attempt {Attempts} of {Max}); it is tried again.", sourceName, name, attempts, MaxAttempts);
        }
        return false;
    }

    /// <summary>Whether the delivery goes to quarantine (nothing in it was usable) and what to write beside it either way.</summary>
    public static (string? Quarantine, string? Note) Judge(WireReceipt receipt)
    {
        if (receipt.NotAnItem is { } notAnItem)
        {
            return (notAnItem, null);
        }
        var refused = receipt.Items.Where(i => i.Status == WireOutcome.Quarantined).ToList();
        if (receipt.Items.Count == 0)
        {
            return ("The desk found no item in the file.", null);
        }
        var reasons = string.Join('\n', refused.Select(i => $"{i.ItemId ?? "(no guid)"} v{i.Version?.ToString(CultureInfo.InvariantCulture) ?? "?"}: {i.Reason}"));
        return refused.Count == receipt.Items.Count ? (reasons, null) : (null, refused.Count > 0 ? reasons : null);
    }

    /// <summary>Moves the claimed file into <paramref name="folder"/> under a name no earlier file has, the reason (when any) written beside it first.</summary>
    private string Finish(string claimed, string folder, string? reason)
    {
        // Files finishing at once could otherwise pick the same free name.
        lock (filing)
        {
            var target = Path.Combine(folder, Path.GetFileName(claimed));
            if (File.Exists(target))
            {
                target = Unique(folder, Path.GetFileName(claimed));
            }
            if (reason is not null)
            {
                var note = target + ReasonSuffix;
                File.WriteAllText(note + ".tmp", reason.EndsWith('\n') ? reason : reason + "\n");
                File.Move(note + ".tmp", note, overwrite: true);
            }
            // One rename(2), so a kill leaves the file either claimed or filed, never both (a move that refuses to overwrite
            // is a link and an unlink on Unix).
            File.Move(claimed, target, overwrite: true);
            return target;
        }
    }

    private static string Unique(string folder, string name)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var n = 2; ; n++)
        {
            var candidate = Path.Combine(folder, $"{stem}.{n}{extension}");
            if (!File.Exists(candidate))
            {
                return candidate;
            }
        }
    }

    private static string? ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".json" or ".ninjs" => "application/json",
        ".xml" or ".nitf" or ".g2" or ".rss" or ".atom" or ".newsml" => "application/xml",
        _ => null,
    };

    private sealed record Sighting((long Size, DateTime Time) Looks, DateTimeOffset Since);

    private sealed record Failure(int Attempts, DateTimeOffset RetryAt);
}
