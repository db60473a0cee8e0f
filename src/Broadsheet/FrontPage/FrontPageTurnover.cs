using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.FrontPage;

/// <summary>
/// Evicts the pages whose content changes with time rather than with a save, which the change detection would not see:
/// the home page when a slot starts or expires, and the pages showing "Most read" when a new hourly edition changes the
/// list (<see cref="MostReadEdition"/>). The evictions go through <see cref="ContentChanges"/> with their rules like any
/// other, so every instance, the Redis broadcast and a CDN hear them.
/// </summary>
public sealed class FrontPageTurnover(BroadsheetDb db, ContentChanges changes, MostReadEdition mostRead)
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

    /// <summary>Moves "Most read" to the edition of the hour and evicts the pages showing it if its list changed; true when it did.</summary>
    public async Task<bool> AdvanceMostReadAsync(CancellationToken ct = default)
    {
        if (!await mostRead.AdvanceAsync(ct))
        {
            return false;
        }
        var change = await changes.BeginAsync<MostReadPages>(db, [MostReadPages.NewEdition], ct);
        await change.CompleteAsync(ct);
        return true;
    }
}

/// <summary>
/// Every <see cref="Interval"/> on the app's clock, evicts the home page for the slots that started or expired since
/// the last tick and the "Most read" pages when the hour's edition changes the list (<see cref="FrontPageTurnover"/>); and flushes the read counts every <see cref="FlushEvery"/> ticks
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
                    var turnover = scope.ServiceProvider.GetRequiredService<FrontPageTurnover>();
                    await turnover.EvictDueAsync(last, now, stoppingToken);
                    last = now;
                    await turnover.AdvanceMostReadAsync(stoppingToken);
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
