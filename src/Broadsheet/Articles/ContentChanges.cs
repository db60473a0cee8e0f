using System.Data.Common;
using System.Runtime.CompilerServices;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Broadsheet.Articles;

/// <summary>
/// Extension point: says which cached pages show the rows of the entity types a folder owns. Each folder registers
/// its rules as singleton <see cref="IContentTagRule"/>s; <see cref="ContentChanges"/> asks every rule about every
/// row a save adds, changes or deletes, so no write site names the pages it makes stale.
/// </summary>
public interface IContentTagRule
{
    /// <summary>
    /// The keys, as this rule reads them back in <see cref="CollectAsync"/>, of the rows whose pages the entry's change
    /// concerns: usually the entry's own key; for a row that belongs to another (an article's note), the owner's key.
    /// Nothing for entries of types the rule does not know. <paramref name="state"/> is the entry's state in the save.
    /// </summary>
    IEnumerable<object> KeysOf(EntityEntry entry, EntityState state);

    /// <summary>
    /// Adds the tags of the pages that show these rows as the database holds them now: called before the save (the
    /// pages readers see) and after it (the pages they will see), so a row moved or unpublished evicts both.
    /// </summary>
    Task CollectAsync(BroadsheetDb db, IReadOnlyCollection<object> keys, ContentTags tags, CancellationToken ct);
}

/// <summary>
/// Extension point: kept in step with the articles a save adds, changes or deletes (the search index). Called by
/// <see cref="ContentChanges"/> after every save that touches an article or a row belonging to one, in the save's own
/// connection and transaction, with the ids of those articles; it reads them back and writes what it keeps.
/// </summary>
public interface IArticleIndex
{
    Task ArticlesChangedAsync(BroadsheetDb db, IReadOnlyCollection<int> ids, CancellationToken ct);
}

/// <summary>
/// Extension point: rows that record a change for later work (the discovery pings), written with the change itself.
/// <see cref="ContentChanges"/> calls <see cref="Add"/> inside the write's transaction, right after the save whose
/// change it is, and saves what was added in that transaction: the rows commit with the change or not at all, so a
/// process that dies after the commit loses none. A save outside any transaction has committed already when its tags
/// are known; then <see cref="CommittedAsync"/> is told that nothing was recorded and writes the rows itself.
/// </summary>
public interface IContentChangeOutbox
{
    /// <summary>Adds (without saving) the rows for a change that makes these pages stale; nothing when it records nothing.</summary>
    void Add(BroadsheetDb db, IReadOnlyCollection<string> pages);

    /// <summary>
    /// After the change committed and this instance evicted its pages: <paramref name="recorded"/> says whether
    /// <see cref="Add"/> wrote its rows in the change's transaction.
    /// </summary>
    Task CommittedAsync(IReadOnlyCollection<string> pages, bool recorded, CancellationToken ct);
}

/// <summary>The tags a change makes stale.</summary>
public sealed class ContentTags
{
    /// <summary>Pages: evicted with <see cref="ContentCache.EvictAsync(IEnumerable{string}, CancellationToken)"/> (snapshots rebuilt, other instances told).</summary>
    public HashSet<string> Pages { get; } = [];

    /// <summary>Responses no snapshot feeds (the podcast feeds): evicted with <see cref="ContentCache.EvictResponsesAsync"/> only.</summary>
    public HashSet<string> Responses { get; } = [];

    public bool IsEmpty => Pages.Count == 0 && Responses.Count == 0;

    public void Add(IEnumerable<string> pages) => Pages.UnionWith(pages);

    public void UnionWith(ContentTags other)
    {
        Pages.UnionWith(other.Pages);
        Responses.UnionWith(other.Responses);
    }
}

/// <summary>
/// The one place that decides what a write makes stale. As an EF Core interceptor it reads the change tracker on
/// every save of <see cref="BroadsheetDb"/>: before the save it collects the tags of the pages showing the rows as
/// stored (an article leaving a section still evicts that section), after it those of the rows as saved, and then
/// evicts once. Inside a transaction the eviction waits for the commit (a reader must not re-cache the old page
/// between the save and the commit) and a rollback drops it. Writes that bypass the change tracker
/// (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>) go through <see cref="BeginAsync{TRule}"/> to the same decision.
/// </summary>
public sealed class ContentChanges(ContentCache cache, IEnumerable<IContentTagRule> rules, IEnumerable<IArticleIndex> indexes, IEnumerable<ISharedCachePurge> purges, IEnumerable<IContentChangeOutbox> outboxes) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ISharedCachePurge[] purges = [.. purges];
    private readonly IContentChangeOutbox[] outboxes = [.. outboxes];
    private readonly IContentTagRule[] rules = [.. rules];
    private readonly IArticleIndex[] indexes = [.. indexes];

    /// <summary>Which articles an entry concerns: the same keys as the article pages' rule.</summary>
    private readonly ArticlePages articleKeys = new();

    /// <summary>The save in progress on a context: the rows it touches and the tags they had before it.</summary>
    private readonly ConditionalWeakTable<DbContext, PendingSave> saving = [];

    /// <summary>Tags waiting for their transaction to commit.</summary>
    private readonly ConditionalWeakTable<DbTransaction, ContentTags> uncommitted = [];

    /// <summary>
    /// For a write the change tracker does not see: collects the tags of these rows now (call it before the write);
    /// <see cref="ContentChange.CompleteAsync"/> after the write collects them again and evicts, after the commit when
    /// a transaction is open.
    /// </summary>
    public async Task<ContentChange> BeginAsync<TRule>(BroadsheetDb db, IReadOnlyCollection<object> keys, CancellationToken ct = default)
        where TRule : IContentTagRule
    {
        var rule = rules.OfType<TRule>().Single();
        var tags = new ContentTags();
        await rule.CollectAsync(db, keys, tags, ct);
        return new ContentChange(this, db, rule, keys, tags);
    }

    public sealed class ContentChange
    {
        private readonly ContentChanges owner;
        private readonly BroadsheetDb db;
        private readonly IContentTagRule rule;
        private readonly IReadOnlyCollection<object> keys;
        private readonly ContentTags tags;

        internal ContentChange(ContentChanges owner, BroadsheetDb db, IContentTagRule rule, IReadOnlyCollection<object> keys, ContentTags tags)
        {
            this.owner = owner;
            this.db = db;
            this.rule = rule;
            this.keys = keys;
            this.tags = tags;
        }

        public async Task CompleteAsync(CancellationToken ct = default)
        {
            await rule.CollectAsync(db, keys, tags, ct);
            if (rule is ArticlePages)
            {
                await owner.IndexAsync(db, keys.Cast<int>(), ct);
            }
            await owner.ChangedAsync(db, tags, ct);
        }
    }

    async ValueTask<InterceptionResult<int>> ISaveChangesInterceptor.SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct)
    {
        if (eventData.Context is BroadsheetDb db)
        {
            await BeforeSaveAsync(db, ct);
        }
        return result;
    }

    async ValueTask<int> ISaveChangesInterceptor.SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct)
    {
        if (eventData.Context is BroadsheetDb db)
        {
            await AfterSaveAsync(db, ct);
        }
        return result;
    }

    Task ISaveChangesInterceptor.SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct)
    {
        // Nothing was written, so nothing is stale.
        if (eventData.Context is not null)
        {
            saving.Remove(eventData.Context);
        }
        return Task.CompletedTask;
    }

    Task ISaveChangesInterceptor.SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken ct)
    {
        if (eventData.Context is not null)
        {
            saving.Remove(eventData.Context);
        }
        return Task.CompletedTask;
    }

    // The synchronous paths do the same; nothing in the application saves synchronously, but EF Core tools may.
    InterceptionResult<int> ISaveChangesInterceptor.SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is BroadsheetDb db)
        {
            BeforeSaveAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    int ISaveChangesInterceptor.SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is BroadsheetDb db)
        {
            AfterSaveAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    void ISaveChangesInterceptor.SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is not null)
        {
            saving.Remove(eventData.Context);
        }
    }

    async Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct)
    {
        if (uncommitted.TryGetValue(transaction, out var tags))
        {
            uncommitted.Remove(transaction);
            await EvictAsync(tags, recorded: true, ct);
        }
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (uncommitted.TryGetValue(transaction, out var tags))
        {
            uncommitted.Remove(transaction);
            EvictAsync(tags, recorded: true, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct)
    {
        // The database is as it was, and so are the pages.
        uncommitted.Remove(transaction);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => uncommitted.Remove(transaction);

    private async Task BeforeSaveAsync(BroadsheetDb db, CancellationToken ct)
    {
        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.DetectChanges();
        }
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (Entry: e, e.State))
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }
        // Deleted rows are read here, while their keys still name them; added rows after the save, when they have keys.
        var pending = new PendingSave(changed, changed.Where(c => c.State == EntityState.Deleted)
            .SelectMany(c => articleKeys.KeysOf(c.Entry, c.State)).Cast<int>().ToList());
        // Rows being added are read back too: a new note names a stored article. A new row's own temporary key finds nothing.
        await CollectAsync(db, changed, pending.Tags, ct);
        saving.AddOrUpdate(db, pending);
    }

    private async Task AfterSaveAsync(BroadsheetDb db, CancellationToken ct)
    {
        if (!saving.TryGetValue(db, out var pending))
        {
            return;
        }
        saving.Remove(db);
        // Deleted rows are gone, so the rules find nothing for them now; added rows have their keys.
        var saved = pending.Changed.Where(c => c.State != EntityState.Deleted).ToList();
        // An article this save created unpublished (a draft) has no page, no search document and no listing yet: nothing
        // to read back for it or the rows it owns.
        var drafts = saved.Where(c => c.State == EntityState.Added && c.Entry.Entity is Article { Status: not ArticleStatus.Published })
            .Select(c => ((Article)c.Entry.Entity).Id).ToHashSet();
        if (drafts.Count > 0)
        {
            saved = [.. saved.Where(c => !articleKeys.KeysOf(c.Entry, c.State).Any(k => drafts.Contains((int)k)))];
        }
        await CollectAsync(db, saved, pending.Tags, ct);
        await IndexAsync(db, pending.DeletedArticles.Concat(saved.SelectMany(c => articleKeys.KeysOf(c.Entry, c.State)).Cast<int>()), ct);
        await ChangedAsync(db, pending.Tags, ct);
    }

    private async Task IndexAsync(BroadsheetDb db, IEnumerable<int> articleIds, CancellationToken ct)
    {
        if (indexes.Length == 0)
        {
            return;
        }
        var ids = articleIds.Where(id => id > 0).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }
        foreach (var index in indexes)
        {
            await index.ArticlesChangedAsync(db, ids, ct);
        }
    }

    private async Task CollectAsync(BroadsheetDb db, IEnumerable<(EntityEntry Entry, EntityState State)> changed, ContentTags tags, CancellationToken ct)
    {
        var list = changed.ToList();
        foreach (var rule in rules)
        {
            var keys = list.SelectMany(c => rule.KeysOf(c.Entry, c.State)).Distinct().ToList();
            if (keys.Count > 0)
            {
                await rule.CollectAsync(db, keys, tags, ct);
            }
        }
    }

    /// <summary>Evicts now, or when the open transaction commits.</summary>
    private async Task ChangedAsync(BroadsheetDb db, ContentTags tags, CancellationToken ct)
    {
        if (tags.IsEmpty)
        {
            return;
        }
        if (db.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            // Each save's rows in the transaction, right after it; the tags of all its saves are evicted together once
            // it commits.
            await RecordAsync(db, tags.Pages, ct);
            uncommitted.GetValue(transaction, _ => new ContentTags()).UnionWith(tags);
            return;
        }
        await EvictAsync(tags, recorded: false, ct);
    }

    /// <summary>Writes the outboxes' rows for these pages in the open transaction.</summary>
    private async Task RecordAsync(BroadsheetDb db, IReadOnlyCollection<string> pages, CancellationToken ct)
    {
        if (outboxes.Length == 0 || pages.Count == 0)
        {
            return;
        }
        foreach (var outbox in outboxes)
        {
            outbox.Add(db, pages);
        }
        // The save that evicts just completed and accepted its changes, so this saves the outboxes' rows alone; their
        // types have no tag rule, so it evicts nothing itself.
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Evicts a committed change's tags; <paramref name="recorded"/>: its outbox rows were written in its transaction.</summary>
    private async Task EvictAsync(ContentTags tags, bool recorded, CancellationToken ct)
    {
        if (tags.Pages.Count > 0)
        {
            await cache.EvictAsync(tags.Pages, ct);
        }
        var responses = tags.Responses.Except(tags.Pages).ToList();
        if (responses.Count > 0)
        {
            await cache.EvictResponsesAsync(responses, ct);
        }
        // After this instance's own eviction: a CDN refetching at once must not get the old page from the output cache.
        if (purges.Length > 0)
        {
            var all = tags.Pages.Concat(responses).ToList();
            foreach (var purge in purges)
            {
                purge.Purge(all);
            }
        }
        if (tags.Pages.Count > 0)
        {
            foreach (var outbox in outboxes)
            {
                await outbox.CommittedAsync(tags.Pages, recorded, ct);
            }
        }
    }

    private sealed class PendingSave(List<(EntityEntry Entry, EntityState State)> changed, List<int> deletedArticles)
    {
        public List<(EntityEntry Entry, EntityState State)> Changed { get; } = changed;

        public List<int> DeletedArticles { get; } = deletedArticles;

        public ContentTags Tags { get; } = new();
    }
}
