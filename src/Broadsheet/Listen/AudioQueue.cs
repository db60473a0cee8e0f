using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Listen;

/// <summary>
/// The audio job queue, kept in the database (<see cref="ArticleAudio"/> rows) so that it survives restarts and is
/// shared by every instance. Jobs are added when an article's script changes (found by the worker's scan) and when a
/// listener asks for a voice; workers claim them with a lease in one conditional UPDATE. As an
/// <see cref="IContentChangeBroadcast"/> it hears every <see cref="ContentCache"/> eviction (publishing, updating,
/// scheduled publishing, corrections) and wakes this instance's worker; other instances find the work at their next poll.
/// </summary>
public sealed class AudioQueue(SpeechVoices voices, IOptions<ListenOptions> options, TimeProvider clock) : IContentChangeBroadcast, IWorkerChangeFollower, IDisposable
{
    public const int ListenerWaiting = 0;
    public const int Background = 1;

    private readonly SemaphoreSlim signal = new(0, 1);

    // Within one process the scan and a listener's request would otherwise race to insert the same job.
    private readonly SemaphoreSlim inserting = new(1, 1);
    private readonly ListenOptions listen = options.Value;

    /// <summary>Published content changed: the worker looks for work now instead of at its next poll.</summary>
    public Task PublishAsync(IReadOnlyCollection<string> tags, CancellationToken ct)
    {
        Signal();
        return Task.CompletedTask;
    }

    /// <summary>A web-only process published or changed content: this worker looks for work now.</summary>
    public Task FollowAsync(IReadOnlyCollection<string> tags, CancellationToken ct) => PublishAsync(tags, ct);

    /// <summary>Tells this instance's worker to look for work now instead of at its next poll.</summary>
    public void Signal()
    {
        try
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        signal.Dispose();
        inserting.Dispose();
    }

    /// <summary>Waits for <see cref="Signal"/> or <paramref name="timeout"/>.</summary>
    internal async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await signal.WaitAsync(timeout, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// The job for this recording: the existing row (its priority raised if a listener now waits for it) or a new
    /// pending one. Safe against other instances inserting the same job at the same moment.
    /// </summary>
    public async Task<ArticleAudio> EnsureAsync(BroadsheetDb db, int articleId, string voiceId, string fingerprint, int priority, CancellationToken ct)
    {
        await inserting.WaitAsync(ct);
        try
        {
            return await EnsureOnceAsync(db, articleId, voiceId, fingerprint, priority, ct);
        }
        finally
        {
            inserting.Release();
        }
    }

    private async Task<ArticleAudio> EnsureOnceAsync(BroadsheetDb db, int articleId, string voiceId, string fingerprint, int priority, CancellationToken ct)
    {
        var existing = await Find(db, articleId, voiceId, fingerprint, ct);
        if (existing is not null)
        {
            if (existing.Status == AudioStatus.Pending && existing.Priority > priority)
            {
                await db.ArticleAudio.Where(a => a.Id == existing.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Priority, priority), ct);
            }
            return existing;
        }
        var now = clock.GetUtcNow();
        var job = new ArticleAudio
        {
            ArticleId = articleId,
            VoiceId = voiceId,
            Fingerprint = fingerprint,
            Status = AudioStatus.Pending,
            Priority = priority,
            RequestedAt = now,
            NextAttemptAt = now,
        };
        db.ArticleAudio.Add(job);
        try
        {
            await db.SaveChangesAsync(ct);
            return job;
        }
        catch (DbUpdateException)
        {
            // Another instance (or request) inserted it first, or the article was deleted meanwhile.
            db.Entry(job).State = EntityState.Detached;
            return await Find(db, articleId, voiceId, fingerprint, ct) ?? throw new InvalidOperationException($"Audio job for article {articleId} could not be recorded.");
        }
    }

    private static Task<ArticleAudio?> Find(BroadsheetDb db, int articleId, string voiceId, string fingerprint, CancellationToken ct) =>
        db.ArticleAudio.AsNoTracking().FirstOrDefaultAsync(a => a.ArticleId == articleId && a.VoiceId == voiceId && a.Fingerprint == fingerprint, ct);

    /// <summary>Counts the jobs not yet done (pending, being made or waiting for a retry) for the queue-length metric.</summary>
    public async Task<int> CountWaitingAsync(BroadsheetDb db, CancellationToken ct)
    {
        var waiting = await db.ArticleAudio.CountAsync(a => a.Status == AudioStatus.Pending, ct);
        Telemetry.RecordAudioQueueLength(waiting);
        return waiting;
    }

    /// <summary>
    /// Claims the most urgent due job for <paramref name="worker"/>: sets its lease and counts the attempt, in one UPDATE
    /// whose WHERE clause still requires the job to be free, so exactly one of several racing instances gets it.
    /// </summary>
    public async Task<ArticleAudio?> TryClaimAsync(BroadsheetDb db, string worker, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.ArticleAudio.AsNoTracking()
            .Where(a => a.Status == AudioStatus.Pending && a.NextAttemptAt <= now && (a.ClaimedUntil == null || a.ClaimedUntil < now))
            .OrderBy(a => a.Priority).ThenBy(a => a.RequestedAt).ThenBy(a => a.Id)
            .Select(a => a.Id)
            .Take(8)
            .ToListAsync(ct);
        var until = now + listen.Lease;
        foreach (var id in candidates)
        {
            var claimed = await db.ArticleAudio
                .Where(a => a.Id == id && a.Status == AudioStatus.Pending && (a.ClaimedUntil == null || a.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.ClaimedUntil, until)
                    .SetProperty(a => a.ClaimedBy, worker)
                    .SetProperty(a => a.LastAttemptAt, now)
                    .SetProperty(a => a.Attempts, a => a.Attempts + 1), ct);
            if (claimed == 1)
            {
                return await db.ArticleAudio.AsNoTracking().FirstAsync(a => a.Id == id, ct);
            }
        }
        return null;
    }

    /// <summary>Records a failed attempt: retried after an exponentially growing wait, or failed for good after the last attempt.</summary>
    public async Task FailAsync(BroadsheetDb db, ArticleAudio job, string error, bool permanent, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var giveUp = permanent || job.Attempts >= listen.MaxAttempts;
        var next = now + listen.RetryDelay(job.Attempts);
        var message = error.Length > 2000 ? error[..2000] : error;
        await db.ArticleAudio.Where(a => a.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, giveUp ? AudioStatus.Failed : AudioStatus.Pending)
            .SetProperty(a => a.NextAttemptAt, next)
            .SetProperty(a => a.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(a => a.ClaimedBy, (string?)null)
            .SetProperty(a => a.LastError, message), ct);
    }

    public async Task CompleteAsync(BroadsheetDb db, ArticleAudio job, GeneratedAudio audio, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.ArticleAudio.Where(a => a.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, AudioStatus.Ready)
            .SetProperty(a => a.CompletedAt, now)
            .SetProperty(a => a.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(a => a.DurationMs, audio.DurationMs)
            .SetProperty(a => a.Mp3Bytes, audio.Mp3Bytes)
            .SetProperty(a => a.GenerationMs, audio.ElapsedMs), ct);
    }

    /// <summary>
    /// Records the fingerprint of every published article that changed since it was last looked at (every published
    /// article when <paramref name="all"/>), and queues audio in its language's first <see cref="ListenOptions.VoicesAhead"/>
    /// voices (the default voice first, the others behind it); when the text changed, the other voices listeners had used
    /// are queued again too. Returns the number of articles looked at.
    /// </summary>
    public async Task<int> ScanAsync(BroadsheetDb db, bool all, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var catalog = voices.Current;
        var looked = 0;
        var afterId = 0;
        while (true)
        {
            var batch = await (
                from a in db.Articles.AsNoTracking()
                where a.Status == ArticleStatus.Published && a.FirstPublishedAt <= now && a.Id > afterId
                join s in db.ArticleScripts.AsNoTracking() on a.Id equals s.ArticleId into scripts
                from s in scripts.DefaultIfEmpty()
                where all || s == null || s.ArticleVersion != a.Version
                orderby a.Id
                select new { a.Id, a.Version, a.Headline, a.Summary, a.Body, a.Language, Previous = s == null ? null : s.Fingerprint })
                .Take(50)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return looked;
            }
            foreach (var a in batch)
            {
                looked++;
                var script = AudioScript.Build(a.Headline, a.Summary, a.Body, a.Language);
                var inLanguage = catalog.VoicesFor(a.Language);
                if (inLanguage.Count > 0 && script.Parts.Count > 0)
                {
                    var voice = inLanguage[0];
                    await EnsureAsync(db, a.Id, voice.Id, script.Fingerprint, Background, ct);
                    var others = inLanguage.Skip(1).Take(listen.VoicesAhead - 1).Select(v => v.Id).ToList();
                    if (a.Previous is not null && a.Previous != script.Fingerprint)
                    {
                        others.AddRange(await db.ArticleAudio.AsNoTracking()
                            .Where(x => x.ArticleId == a.Id && x.Fingerprint == a.Previous && x.VoiceId != voice.Id && x.Status == AudioStatus.Ready)
                            .Select(x => x.VoiceId).ToListAsync(ct));
                    }
                    foreach (var other in others.Distinct().Where(v => catalog.Find(v) is not null))
                    {
                        await EnsureAsync(db, a.Id, other, script.Fingerprint, Background + 1, ct);
                    }
                }
                await RecordScriptAsync(db, a.Id, a.Version, script, now, ct);
            }
            afterId = batch[^1].Id;
        }
    }

    private static async Task RecordScriptAsync(BroadsheetDb db, int articleId, int version, AudioScript script, DateTimeOffset now, CancellationToken ct)
    {
        var updated = await db.ArticleScripts.Where(s => s.ArticleId == articleId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.ArticleVersion, version)
            .SetProperty(x => x.Fingerprint, script.Fingerprint)
            .SetProperty(x => x.Language, script.Language)
            .SetProperty(x => x.CheckedAt, now), ct);
        if (updated > 0)
        {
            return;
        }
        var row = new ArticleScript { ArticleId = articleId, ArticleVersion = version, Fingerprint = script.Fingerprint, Language = script.Language, CheckedAt = now };
        db.ArticleScripts.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance recorded it at the same moment.
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
