using System.Collections.Concurrent;

namespace Broadsheet.Ingest.Doors;

/// <summary>
/// What this instance's drop folders did lately, for the newsroom's status page (the feeds' state is in the database,
/// <see cref="WireFeedState"/>, shared by every instance).
/// </summary>
public sealed class DoorStatus
{
    private readonly ConcurrentDictionary<string, FolderState> folders = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, FolderState> Folders => folders;

    public FolderState For(string source) => folders.GetOrAdd(source, _ => new FolderState());

    public void Folder(string source, int waiting, int claimed)
    {
        var state = For(source);
        state.Waiting = waiting;
        state.Claimed = claimed;
    }

    public void FileFinished(string source, string file, bool quarantined, string? reason, DateTimeOffset at)
    {
        var state = For(source);
        state.LastFile = file;
        state.LastFileAt = at;
        if (quarantined)
        {
            Interlocked.Increment(ref state.QuarantinedCount);
            state.LastQuarantine = $"{file}: {reason}";
        }
        else
        {
            Interlocked.Increment(ref state.DoneCount);
        }
    }

    public void Error(string source, string error, DateTimeOffset at)
    {
        var state = For(source);
        state.LastError = error;
        state.LastErrorAt = at;
    }

    public void Swept(string source, DateTimeOffset at, DateTimeOffset next)
    {
        var state = For(source);
        state.LastSweepAt = at;
        state.NextSweepAt = next;
    }
}

/// <summary>One drop folder in this instance: files waiting and claimed at the last sweep, and what happened since start.</summary>
public sealed class FolderState
{
    public int Waiting { get; set; }
    public int Claimed { get; set; }
    public string? LastFile { get; set; }
    public DateTimeOffset? LastFileAt { get; set; }
    public string? LastQuarantine { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastErrorAt { get; set; }
    public DateTimeOffset? LastSweepAt { get; set; }
    public DateTimeOffset? NextSweepAt { get; set; }

#pragma warning disable CA1051 // counted with Interlocked
    public long DoneCount;
    public long QuarantinedCount;
#pragma warning restore CA1051
}
