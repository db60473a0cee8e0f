using System.Data.Common;
using System.Text.Json;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Ingest;

/// <summary>Reads a delivery's bytes into items: <c>WireFormats.Parse</c>, registered by <c>AddIngest</c>.</summary>
public delegate WireParse WireParser(byte[] body, string? contentType);

/// <summary>
/// The wire desk: every delivery, from every door, comes in here. The raw bytes are stored first; then each item is
/// handled in a transaction of its own (deduped by source, item id and version; created, updated, killed, held or
/// quarantined), written through the article writers as "wire: {source}". Nothing is dropped: what cannot become an
/// article is quarantined with a reason a person can act on.
/// </summary>
public sealed class WireDesk(
    IServiceScopeFactory scopes, WireParser parser, WireFetcher fetcher, TimeProvider clock, ILogger<WireDesk> logger) : IDisposable
{
    private const int Attempts = 6;
    internal static readonly JsonSerializerOptions ItemJson = new(JsonSerializerDefaults.Web);

    // SQLite has one writer at a time and a transaction that read before it wrote cannot wait for another's commit
    // (it fails at once), while a plain write that finds the database busy is retried by the driver only after a
    // sleep of its own; every write of the desk takes turns in this process instead, and the retry covers other processes.
    private readonly SemaphoreSlim sqliteTurn = new(1, 1);

    public void Dispose() => sqliteTurn.Dispose();

    /// <summary>This process's turn to write, on SQLite (nothing to wait for on PostgreSQL); disposing ends it.</summary>
    private async Task<Turn> TurnAsync(BroadsheetDb db, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return new Turn(null);
        }
        await sqliteTurn.WaitAsync(ct);
        return new Turn(sqliteTurn);
    }

    private sealed class Turn(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }

    /// <summary>Stores the delivery and handles each of its items; the receipt says what became of each.</summary>
    public async Task<WireReceipt> ReceiveAsync(WireDelivery delivery, CancellationToken ct)
    {
        WireParse parse;
        try
        {
            parse = parser(delivery.Body, delivery.ContentType);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A parser bug must not lose the delivery: it is kept, and can be retried once the parser is fixed.
            logger.LogError(ex, "The wire parser failed on a delivery from {Origin}", delivery.Origin);
            parse = new WireParse(null, [], $"The parser failed on this delivery ({ex.GetType().Name}: {ex.Message}).");
        }
        return await ReceiveAsync(delivery, parse, ct);
    }

    /// <summary>As <see cref="ReceiveAsync(WireDelivery, CancellationToken)"/> for a delivery already parsed.</summary>
    public async Task<WireReceipt> ReceiveAsync(WireDelivery delivery, WireParse parse, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var refusal = parse.Refusal ?? (parse.Items.Count == 0 ? "The delivery holds no item." : null);
        var arrival = new WireArrival
        {
            ReceivedAt = now,
            Origin = delivery.Origin,
            Source = delivery.SourceName,
            FileName = delivery.FileName,
            ContentType = delivery.ContentType,
            Format = parse.Format,
            Body = delivery.Body,
            Refusal = refusal,
        };
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            db.WireArrivals.Add(arrival);
            if (refusal is not null)
            {
                db.WireEntries.Add(new WireEntry
                {
                    Arrival = arrival,
                    Source = delivery.SourceName ?? delivery.Origin,
                    Format = parse.Format,
                    Status = WireStatus.Quarantined,
                    Reason = refusal,
                    ReceivedAt = now,
                    ProcessedAt = now,
                    Headline = delivery.FileName,
                });
            }
            using var turn = await TurnAsync(db, ct);
            await db.SaveChangesAsync(ct);
        }
        if (refusal is not null)
        {
            Telemetry.IngestItems.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
            return new WireReceipt([], refusal);
        }

        var outcomes = new List<WireOutcome>();
        foreach (var parsed in parse.Items)
        {
            if (parsed.Item is not { } item)
            {
                outcomes.Add(await QuarantineAsync(arrival.Id, delivery.SourceName ?? delivery.Origin, parse.Format, parsed.ItemId, parsed.Version,
                    parsed.Reason ?? "The item could not be read.", null, null, ct));
                continue;
            }
            var source = delivery.SourceName ?? item.Credit ?? delivery.Origin;
            outcomes.Add(await HandleAsync(new Work(arrival.Id, source, item, now), ct));
        }
        foreach (var outcome in outcomes)
        {
            Telemetry.IngestItems.Add(1, new KeyValuePair<string, object?>("outcome", outcome.Status));
        }
        return new WireReceipt(outcomes);
    }

    /// <summary>
    /// Releases embargoed items whose time has come (the embargo release calls this); each is then handled like a new
    /// arrival. Returns how many were released.
    /// </summary>
    public async Task<int> ReleaseDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<WireEntry> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            due = await db.WireEntries.AsNoTracking()
                .Where(e => e.Status == WireStatus.Held && e.EmbargoedUntil != null && e.EmbargoedUntil <= now)
                .OrderBy(e => e.EmbargoedUntil).ThenBy(e => e.Id).Take(100).ToListAsync(ct);
        }
        var released = 0;
        foreach (var entry in due)
        {
            if (ItemOf(entry) is { } item)
            {
                await HandleAsync(new Work(entry.ArrivalId, entry.Source, item, entry.ReceivedAt) { Entry = entry.Id, Claim = WireStatus.Held }, ct);
                released++;
            }
        }
        return released;
    }

    /// <summary>Handles a quarantined or held item again under the source's current rules ("Retry" in the wire queue).</summary>
    public async Task<WireOutcome?> RetryAsync(long entryId, CancellationToken ct)
    {
        var entry = await FindAsync(entryId, ct);
        if (entry is null)
        {
            return null;
        }
        if (ItemOf(entry) is { } item)
        {
            return await HandleAsync(new Work(entry.ArrivalId, entry.Source, item, entry.ReceivedAt) { Entry = entry.Id, Claim = entry.Status }, ct);
        }
        // A delivery refused whole is read again: the parsers may read it now.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var arrival = await db.WireArrivals.AsNoTracking().FirstAsync(a => a.Id == entry.ArrivalId, ct);
        var receipt = await ReceiveAsync(new WireDelivery(arrival.Body, arrival.ContentType, arrival.Origin, arrival.Source, arrival.FileName), ct);
        await db.WireEntries.Where(e => e.Id == entryId && e.Status == WireStatus.Quarantined)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, e => "Retried as a new delivery: " + e.Reason), ct);
        return receipt.Items.FirstOrDefault() ?? new WireOutcome(null, null, WireOutcome.Quarantined, null, receipt.NotAnItem);
    }

    /// <summary>Makes a held item (waiting for an editor) a draft article for the newsroom ("Use" in the wire queue).</summary>
    public async Task<WireOutcome?> UseAsync(long entryId, CancellationToken ct)
    {
        var entry = await FindAsync(entryId, ct);
        if (entry is null || ItemOf(entry) is not { } item)
        {
            return null;
        }
        return await HandleAsync(new Work(entry.ArrivalId, entry.Source, item, entry.ReceivedAt) { Entry = entry.Id, Claim = entry.Status, Use = true }, ct);
    }

    private async Task<WireEntry?> FindAsync(long entryId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        return await db.WireEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct);
    }

    /// <summary>The item an entry keeps, or null for a delivery refused whole.</summary>
    public static WireItem? ItemOf(WireEntry entry) =>
        entry.ItemJson is null ? null : JsonSerializer.Deserialize<WireItem>(entry.ItemJson, ItemJson);

    /// <summary>One item to handle: new from a delivery, or an existing entry handled again (released, retried, used).</summary>
    private sealed record Work(long ArrivalId, string Source, WireItem Item, DateTimeOffset ReceivedAt)
    {
        public long? Entry { get; init; }

        /// <summary>The status the existing entry must still have: whoever changes it first handles it, once.</summary>
        public WireStatus? Claim { get; init; }

        /// <summary>An editor asked for a draft, whatever the source's auto-publish rule says.</summary>
        public bool Use { get; init; }

        public string VersionKey => string.Join('\n', Source, Item.ItemId, Item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<WireOutcome> HandleAsync(Work work, CancellationToken ct)
    {
        var fetched = await fetcher.FetchAsync(work.Item, ct);
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var turn = await TurnAsync(db, ct);
            try
            {
                WireItemHandler.Result handled;
                using (turn)
                {
                    handled = await scope.ServiceProvider.GetRequiredService<WireItemHandler>().HandleAsync(
                        new WireItemHandler.Request(work.ArrivalId, work.Source, work.Item, work.ReceivedAt, clock.GetUtcNow(), work.VersionKey, work.Entry, work.Claim, work.Use, fetched), ct);
                }
                if (handled.Quarantine is { } reason)
                {
                    return await QuarantineAsync(work.ArrivalId, work.Source, work.Item.Format, work.Item.ItemId, work.Item.Version, reason, work, handled.ArticleId, ct);
                }
                return handled.Outcome!;
            }
            catch (Exception ex) when (attempt < Attempts && ex is DbUpdateException or DbException && !ct.IsCancellationRequested)
            {
                // Lost a race (the same story created or the same version stored by another delivery at once) or a
                // busy database: the next attempt, in a new transaction, sees the winner's rows.
                logger.LogDebug(ex, "Wire item {ItemId} v{Version} from {Source}: attempt {Attempt} failed, retrying", work.Item.ItemId, work.Item.Version, work.Source, attempt);
            }
        }
    }

    /// <summary>Stores the reason an item could not be handled (the entry of a retried item takes it), in a transaction of its own.</summary>
    private async Task<WireOutcome> QuarantineAsync(long arrivalId, string source, WireFormat? format, string? itemId, int? version, string reason,
        Work? work, int? articleId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            using var turn = await TurnAsync(db, ct);
            try
            {
                var now = clock.GetUtcNow();
                var entry = work?.Entry is { } id
                    ? await db.WireEntries.FirstAsync(e => e.Id == id, ct)
                    : work is not null ? await db.WireEntries.FirstOrDefaultAsync(e => e.VersionKey == work.VersionKey, ct) : null;
                if (entry is null)
                {
                    entry = new WireEntry { ArrivalId = arrivalId, Source = source, ReceivedAt = now };
                    db.WireEntries.Add(entry);
                }
                entry.ItemId = itemId;
                entry.Version = version;
                entry.Format = format;
                entry.Status = WireStatus.Quarantined;
                entry.Reason = WireMapping.Shorten(reason, 4000);
                entry.ProcessedAt = now;
                entry.ArticleId = articleId;
                if (work is not null)
                {
                    entry.VersionKey = work.VersionKey;
                    entry.ItemJson = JsonSerializer.Serialize(work.Item, ItemJson);
                    entry.Headline = WireMapping.Shorten(work.Item.Headline ?? work.Item.Slugline, 500);
                    entry.Urgency = work.Item.Urgency;
                }
                await db.SaveChangesAsync(ct);
                return new WireOutcome(itemId, version, WireOutcome.Quarantined, articleId, entry.Reason);
            }
            catch (Exception ex) when (attempt < Attempts && ex is DbUpdateException or DbException && !ct.IsCancellationRequested)
            {
                logger.LogDebug(ex, "Quarantining wire item {ItemId}: attempt {Attempt} failed, retrying", itemId, attempt);
            }
        }
    }
}
