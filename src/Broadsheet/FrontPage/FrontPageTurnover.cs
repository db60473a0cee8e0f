using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.FrontPage;

/// <summary>
/// Evicts the home page when a slot starts or expires: no save happens then, so the change detection would not see it.
/// The eviction goes through <see cref="ContentChanges"/> with the slots' rule like any other, so every instance, the
/// Redis broadcast and a CDN hear it.
/// </summary>
public sealed class FrontPageTurnover(BroadsheetDb db, ContentChanges changes)
{
    /// <summary>Evicts the home page if a slot started or expired in (<paramref name="after"/>, <paramref name="upTo"/>]; true when it did.</summary>
    public async Task<bool> EvictDueAsync(DateTimeOffset after, DateTimeOffset upTo, CancellationToken ct = default)
    {
        var due = await db.Set<FrontPageSlot>().AsNoTracking()
            .Where(s => (s.StartsAt > after && s.StartsAt <= upTo) || (s.ExpiresAt > after && s.ExpiresAt <= upTo))
            .Select(s => s.Id)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return false;
        }
        var change = await changes.BeginAsync<FixedPages<FrontPageSlot>>(db, [.. due.Cast<object>()], ct);
        await change.CompleteAsync(ct);
        return true;
    }
}

/// <summary>
/// Every <see cref="Interval"/> on the app's clock, evicts the home page for the slots that started or expired since
/// the last tick (<see cref="FrontPageTurnover"/>); and flushes the read counts every <see cref="FlushEvery"/> ticks
/// and once more on shutdown.
/// </summary>
public sealed class FrontPageClock(IServiceScopeFactory scopes, ReadCounter reads, TimeProvider clock, DatabaseOutage outage, ILogger<FrontPageClock> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    public const int FlushEvery = 6;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        var last = clock.GetUtcNow();
        var ticks = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = clock.GetUtcNow();
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<FrontPageTurnover>().EvictDueAsync(last, now, stoppingToken);
                    last = now;
                    if (++ticks % FlushEvery == 0)
                    {
                        await reads.FlushAsync(stoppingToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException && outage.Notice(e))
                {
                    // The database is down: DatabaseOutage warns once; the next tick covers the time missed.
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Front page turnover failed; retrying");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await reads.FlushAsync(cancellationToken);
    }
}
