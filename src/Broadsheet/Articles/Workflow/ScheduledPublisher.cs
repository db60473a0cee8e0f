using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles.Workflow;

/// <summary>
/// Publishes scheduled articles whose time has come. Each is claimed with one conditional UPDATE (still
/// scheduled, still at the version read), so when several instances poll one database exactly one wins; the
/// winner writes the audit entry in the same transaction. The claim bypasses the change tracker, so it tells
/// <see cref="ContentChanges"/> itself what it changes; the pages go once the transaction commits.
/// </summary>
public sealed class ScheduledPublisher(BroadsheetDb db, ContentChanges changes, TimeProvider clock, ILogger<ScheduledPublisher> logger)
{
    public const string SchedulerName = "Scheduler";

    /// <summary>Publishes every article due by now; returns how many this instance published.</summary>
    public async Task<int> PublishDueAsync(CancellationToken ct = default)
    {
        var now = ArticleWriter.Now(clock);
        var due = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Scheduled && a.ScheduledFor <= now)
            .OrderBy(a => a.ScheduledFor)
            .Select(a => a.Id)
            .Take(100)
            .ToListAsync(ct);
        var published = 0;
        foreach (var id in due)
        {
            if (await TryPublishAsync(id, ct))
            {
                published++;
            }
        }
        return published;
    }

    private async Task<bool> TryPublishAsync(int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var article = await ArticleWriter.Load(db, id, ct);
        if (article is not { Status: ArticleStatus.Scheduled, ScheduledFor: { } scheduledFor })
        {
            return false;
        }
        var now = ArticleWriter.Now(clock);
        var version = article.Version;
        // The same dates Publishing.PublishAsync sets, computed from the row as read: the UPDATE applies only if
        // the row is still exactly that.
        var firstPublished = article.FirstPublishedAt ?? now;
        var lastUpdated = article.FirstPublishedAt is not null && article.ModifiedAt > (article.LastUpdatedAt ?? article.FirstPublishedAt)
            ? now
            : article.LastUpdatedAt;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var change = await changes.BeginAsync<ArticlePages>(db, [id], ct);
        var claimed = await db.Articles
            .Where(a => a.Id == id && a.Status == ArticleStatus.Scheduled && a.Version == version)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Status, ArticleStatus.Published)
                .SetProperty(a => a.ScheduledFor, (DateTimeOffset?)null)
                .SetProperty(a => a.FirstPublishedAt, firstPublished)
                .SetProperty(a => a.LastUpdatedAt, lastUpdated)
                .SetProperty(a => a.Version, version + 1), ct);
        if (claimed != 1)
        {
            await transaction.RollbackAsync(ct);
            return false;
        }
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            Action = AuditAction.Published,
            ArticleId = id,
            Headline = article.Headline,
            UserName = SchedulerName,
            Detail = $"As scheduled for {scheduledFor:O}",
        });
        await db.SaveChangesAsync(ct);
        await change.CompleteAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        logger.LogInformation("Published scheduled article {ArticleId} (due {ScheduledFor:O})", id, scheduledFor);
        return true;
    }
}

/// <summary>
/// Polls for due scheduled articles every <see cref="Interval"/>, so they go live within about that of their time,
/// after restarts too. Every instance may poll: the claim makes each publish happen once. An instance can opt out
/// with <c>Broadsheet:ScheduledPublishing:Enabled=false</c> (e.g. web-only instances when workers do it).
/// </summary>
public sealed class ScheduledPublishing(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, DatabaseOutage outage, ILogger<ScheduledPublishing> logger) : BackgroundService
{
    public const string EnabledSetting = "Broadsheet:ScheduledPublishing:Enabled";

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(EnabledSetting, true))
        {
            logger.LogInformation("Scheduled publishing is off on this instance ({Setting}=false)", EnabledSetting);
            return;
        }
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ScheduledPublisher>().PublishDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (outage.Notice(e))
            {
                // The database is down: DatabaseOutage warns once per interval, and the next tick tries again.
            }
            catch (Exception e)
            {
                // A database blip must not stop scheduled publishing for good: log and try on the next tick.
                logger.LogError(e, "Scheduled publishing failed; retrying");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
