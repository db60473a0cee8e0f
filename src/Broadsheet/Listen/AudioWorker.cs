using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Speech;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Listen;

/// <summary>
/// The background generator: looks for changed articles, claims due jobs from the database queue, runs each on a
/// low-priority thread with a watchdog, records the outcome, removes the files of superseded revisions, and sweeps.
/// </summary>
public sealed class AudioWorker(
    IServiceScopeFactory scopes,
    AudioQueue queue,
    AudioGenerator generator,
    AudioFiles files,
    VoiceCatalog catalog,
    IOptions<ListenOptions> options,
    TimeProvider clock,
    ILogger<AudioWorker> logger) : BackgroundService
{
    private readonly ListenOptions listen = options.Value;
    private readonly SemaphoreSlim opusLane = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, byte> followUps = new();
    private readonly string workerId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>After the watchdog fires, a job that honours cancellation gets this long to stop before it is abandoned.</summary>
    private static readonly TimeSpan CancellationGrace = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (catalog.Voices.Count == 0)
        {
            logger.LogWarning("Audio generation is off: no speech engine is available ({Problems}).", string.Join(" ", catalog.Problems));
            return;
        }
        var scannedAll = false;
        var nextSweep = clock.GetUtcNow() + TimeSpan.FromMinutes(Math.Min(1, listen.SweepMinutes));
        var running = new List<Task>();
        Task? wake = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Before anything that can throw: a finished task left in the list would end every wait below at once.
            running.RemoveAll(t => t.IsCompleted);
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
                    // The first pass looks at every article: a new release may read text differently.
                    await queue.ScanAsync(db, all: !scannedAll, stoppingToken);
                    scannedAll = true;
                    await queue.CountWaitingAsync(db, stoppingToken);
                    while (running.Count < listen.Concurrency && await queue.TryClaimAsync(db, workerId, stoppingToken) is { } job)
                    {
                        running.Add(ProcessAsync(job, stoppingToken));
                    }
                }
                if (clock.GetUtcNow() >= nextSweep)
                {
                    nextSweep = clock.GetUtcNow() + TimeSpan.FromMinutes(listen.SweepMinutes);
                    await SweepAsync(stoppingToken);
                }
                if (FailedPasses > 0)
                {
                    logger.LogInformation("Audio worker passes succeed again after {Failures} failed.", FailedPasses);
                    FailedPasses = 0;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                FailedPasses++;
                // The whole story once, then a line at the 2nd, 4th, 8th... failure: a database down for an hour
                // costs a dozen lines, not one stack trace per pass.
                if (FailedPasses == 1)
                {
                    logger.LogWarning(ex, "Audio worker pass failed; trying again after growing pauses.");
                }
                else if (int.IsPow2(FailedPasses))
                {
                    logger.LogWarning("Audio worker pass failed {Failures} times in a row, now waiting {Pause} between tries: {Error}",
                        FailedPasses, Backoff(FailedPasses), ex.Message);
                }
                try
                {
                    await Task.Delay(Backoff(FailedPasses), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                }
                continue;
            }

            // One wait at a time: a second waiter could swallow a wake-up meant for the loop.
            if (wake is null || wake.IsCompleted)
            {
                wake = queue.WaitAsync(TimeSpan.FromSeconds(listen.PollSeconds), stoppingToken);
            }
            await Task.WhenAny([wake, .. running]);
        }
        await Task.WhenAll(running.Concat(followUps.Keys).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    /// <summary>Passes in a row that failed (the database unreachable, say); 0 once one succeeds. For diagnostics.</summary>
    public int FailedPasses { get; private set; }

    /// <summary>The pause after the <paramref name="failures"/>-th failed pass in a row: 2 s, doubling, at most a minute.</summary>
    public static TimeSpan Backoff(int failures) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Clamp(failures, 1, 6))));

    public override void Dispose()
    {
        base.Dispose();
        opusLane.Dispose();
    }

    private async Task EncodeOpusAsync(ArticleAudio job, string voiceId, AssembledSpeech speech, CancellationToken stoppingToken)
    {
        try
        {
            await opusLane.WaitAsync(stoppingToken);
            try
            {
                var bytes = await WithWatchdogAsync(ct => generator.WriteOpus(job.ArticleId, voiceId, job.Fingerprint, speech, ct), "Opus encoding", stoppingToken,
                    Math.Min(19, listen.WorkerNiceness + 5));
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
                var recorded = await db.ArticleAudio.Where(a => a.Id == job.Id && a.Fingerprint == job.Fingerprint)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.OpusBytes, bytes), stoppingToken);
                if (recorded == 0)
                {
                    // The text changed while this was encoded, and that revision's row and files are already gone:
                    // the file just written would be an orphan.
                    files.Delete(job.ArticleId, voiceId, job.Fingerprint);
                }
            }
            finally
            {
                opusLane.Release();
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The MP3 plays everywhere; a missing Opus file only costs bandwidth.
            logger.LogWarning(ex, "Opus encoding failed for article {ArticleId}, voice {Voice}.", job.ArticleId, voiceId);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ProcessAsync(ArticleAudio job, CancellationToken stoppingToken)
    {
        await Task.Yield();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        try
        {
            var now = clock.GetUtcNow();
            var article = await db.Articles.AsNoTracking()
                .Where(a => a.Id == job.ArticleId && a.Status == ArticleStatus.Published && a.FirstPublishedAt <= now)
                .Select(a => new { a.Headline, a.Summary, a.Body, a.Language })
                .FirstOrDefaultAsync(stoppingToken);
            if (article is null)
            {
                await db.ArticleAudio.Where(a => a.Id == job.Id).ExecuteDeleteAsync(stoppingToken);
                return;
            }
            var script = AudioScript.Build(article.Headline, article.Summary, article.Body, article.Language);
            if (script.Fingerprint != job.Fingerprint)
            {
                // The text changed after the job was queued: make the current revision instead.
                await db.ArticleAudio.Where(a => a.Id == job.Id).ExecuteDeleteAsync(stoppingToken);
                await queue.EnsureAsync(db, job.ArticleId, job.VoiceId, script.Fingerprint, job.Priority, stoppingToken);
                queue.Signal();
                return;
            }
            if (catalog.Find(job.VoiceId) is not { } voice)
            {
                await queue.FailAsync(db, job, $"Voice {job.VoiceId} is not installed on this server.", permanent: true, stoppingToken);
                return;
            }
            if (script.Parts.Count == 0)
            {
                await queue.FailAsync(db, job, "The article has no text to read.", permanent: true, stoppingToken);
                return;
            }

            var audio = await WithWatchdogAsync(ct => generator.WriteMp3AndTimings(job.ArticleId, script, voice, ct), $"Synthesis with {voice.Id}", stoppingToken);
            // Marked ready without the change tracker: the feeds that list it are evicted through the same decision as every save.
            var change = await scope.ServiceProvider.GetRequiredService<ContentChanges>().BeginAsync<PodcastFeedTags>(db, [job.Id], stoppingToken);
            await queue.CompleteAsync(db, job, audio, stoppingToken);
            await change.CompleteAsync(stoppingToken);
            logger.LogInformation("Audio ready: article {ArticleId}, voice {Voice}, {Seconds:0.0} s of audio made in {Ms} ms.",
                job.ArticleId, voice.Id, audio.DurationMs / 1000.0, audio.ElapsedMs);
            await RemoveSupersededAsync(db, job, stoppingToken);

            // Opus is a second pass in a lane of its own, so the next article's MP3 does not wait for it.
            if (listen.Opus)
            {
                var opus = EncodeOpusAsync(job, voice.Id, audio.Speech, stoppingToken);
                followUps.TryAdd(opus, 0);
                _ = opus.ContinueWith(t => followUps.TryRemove(t, out _), TaskScheduler.Default);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Audio job {JobId} (article {ArticleId}, voice {Voice}) failed on attempt {Attempt}.", job.Id, job.ArticleId, job.VoiceId, job.Attempts);
            try
            {
                await queue.FailAsync(db, job, ex is TimeoutException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}", permanent: false, CancellationToken.None);
            }
            catch (Exception recordFailure)
            {
                // The lease runs out and another attempt follows.
                logger.LogError(recordFailure, "Could not record the failure of audio job {JobId}.", job.Id);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a low-priority thread and gives up on it after the job timeout: first by
    /// cancelling its token, then, if it does not return (a hung native call), by abandoning the thread.
    /// </summary>
    private async Task<T> WithWatchdogAsync<T>(Func<CancellationToken, T> work, string what, CancellationToken stoppingToken, int? niceness = null)
    {
        // Both limits run on the app's clock, like the retries' backoff, so a test can move time on instead of waiting.
        using var deadline = new CancellationTokenSource(listen.JobTimeout, clock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
        var task = BackgroundThread.Run(() => work(timeout.Token), niceness ?? listen.WorkerNiceness, "Broadsheet audio");
        var finished = await Task.WhenAny(task, Task.Delay(listen.JobTimeout + CancellationGrace, clock, stoppingToken));
        if (finished != task)
        {
            stoppingToken.ThrowIfCancellationRequested();
            _ = task.ContinueWith(t => t.Exception, TaskScheduler.Default); // observe whatever it ends with
            throw new TimeoutException($"{what} did not finish within {listen.JobTimeoutSeconds:0.#} s and was abandoned.");
        }
        try
        {
            return await task;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{what} did not finish within {listen.JobTimeoutSeconds:0.#} s.");
        }
    }

    /// <summary>Once a revision's audio is ready, older revisions in the same voice are of no use: rows and files go.</summary>
    private async Task RemoveSupersededAsync(BroadsheetDb db, ArticleAudio job, CancellationToken ct)
    {
        var old = await db.ArticleAudio.AsNoTracking()
            .Where(a => a.ArticleId == job.ArticleId && a.VoiceId == job.VoiceId && a.Fingerprint != job.Fingerprint)
            .ToListAsync(ct);
        foreach (var row in old)
        {
            await db.ArticleAudio.Where(a => a.Id == row.Id).ExecuteDeleteAsync(ct);
            files.Delete(row.ArticleId, row.VoiceId, row.Fingerprint);
        }
    }

    /// <summary>
    /// Removes audio nobody can reach any more: of unpublished or deleted articles, of revisions that are no longer
    /// current (after a grace period, so a listener mid-way keeps their file a while), and files no row knows.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var now = clock.GetUtcNow();
        var graceStart = now - TimeSpan.FromMinutes(listen.SweepMinutes);
        var stale = await (
            from a in db.ArticleAudio.AsNoTracking()
            join article in db.Articles on a.ArticleId equals article.Id
            join s in db.ArticleScripts on a.ArticleId equals s.ArticleId into scripts
            from s in scripts.DefaultIfEmpty()
            where a.RequestedAt < graceStart && (a.ClaimedUntil == null || a.ClaimedUntil < now)
                && (article.Status != ArticleStatus.Published || (s != null && s.Fingerprint != a.Fingerprint))
            select a).ToListAsync(ct);
        foreach (var row in stale)
        {
            await db.ArticleAudio.Where(a => a.Id == row.Id).ExecuteDeleteAsync(ct);
            files.Delete(row.ArticleId, row.VoiceId, row.Fingerprint);
        }

        var known = (await db.ArticleAudio.AsNoTracking().Select(a => new { a.ArticleId, a.VoiceId, a.Fingerprint }).ToListAsync(ct))
            .Select(a => (a.ArticleId, a.VoiceId, a.Fingerprint[..12]))
            .ToHashSet();
        var orphans = files.Orphans((id, voice, fp) => known.Contains((id, voice, fp)), (now - TimeSpan.FromMinutes(listen.SweepMinutes)).UtcDateTime).ToList();
        foreach (var file in orphans)
        {
            AudioFiles.TryDelete(file);
            files.TryDeleteEmptyFolders(Path.GetDirectoryName(file)!);
        }
        if (stale.Count + orphans.Count > 0)
        {
            logger.LogInformation("Audio sweep removed {Rows} stale recordings and {Files} orphaned files.", stale.Count, orphans.Count);
        }
        return stale.Count + orphans.Count;
    }
}
