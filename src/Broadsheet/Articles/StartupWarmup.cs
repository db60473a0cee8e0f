using System.Diagnostics;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

/// <summary>
/// Runs the listings' statements and the write path once, in the background, as soon as the app serves, so that the
/// first reader of each kind of listing and the first editor to publish after a start do not wait while they are
/// compiled: the app compiles each method on its first call, fully optimised (tiered compilation is off), and EF Core
/// translates each query shape on its first use. At a million articles on PostgreSQL the first publish after start-up
/// took 326 ms against 12 ms for the next, and the first page of each listing shape was a section page's slowest.
/// The write is a draft created and published inside a transaction that is rolled back: nothing of it is kept, no
/// page is evicted and no audio is made (<see cref="ContentChanges"/> acts on commit); it uses up a number or two of
/// the tables' id sequences on PostgreSQL, and holds the rows it touched (the listing totals among them) for the
/// moment it runs. <c>Broadsheet:WarmUp=false</c> turns it off (it is off in the Testing environment unless set).
/// </summary>
public sealed class StartupWarmup(IServiceScopeFactory scopes)
{
    public const string Setting = "Broadsheet:WarmUp";

    /// <summary>The headline of the draft that is written and rolled back.</summary>
    public const string Headline = "Start-up warm-up (rolled back)";

    /// <summary>Runs every listing shape and a create and publish that are rolled back; what it ran.</summary>
    public async Task<WarmupReport> RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<BroadsheetDb>();
        var sections = await db.Sections.AsNoTracking().Select(s => new { s.Id, s.Path, s.ParentId }).ToListAsync(ct);
        if (sections.Count == 0)
        {
            return new WarmupReport(0, false);
        }
        var published = services.GetRequiredService<PublishedArticles>();
        List<ListingScope> listings = [ListingScope.All];
        var leaf = sections.Where(s => !sections.Any(c => c.ParentId == s.Id)).MinBy(s => s.Id)!;
        listings.Add(ListingScope.Section(leaf.Id, [leaf.Id]));
        if (sections.Where(s => sections.Any(c => c.ParentId == s.Id)).MinBy(s => s.Id) is { } parent)
        {
            listings.Add(ListingScope.Section(parent.Id, [.. sections.Where(s => s.Id == parent.Id || s.Path.StartsWith(parent.Path + "/", StringComparison.Ordinal)).Select(s => s.Id)]));
        }
        if (await db.Topics.AsNoTracking().OrderBy(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct) is { } topic)
        {
            listings.Add(ListingScope.Topic(topic));
        }
        if (await db.Contributors.AsNoTracking().OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct) is { } contributor)
        {
            listings.Add(ListingScope.Contributor(contributor));
        }
        // Page 1 reads from a day on, a page further down between two days, the last page from a day back to the
        // start: each its own statement, for the reader's pages and for the API's (which reads the total as well).
        foreach (var listing in listings)
        {
            var (_, total) = await published.PageAndTotalAsync(listing, 1, ReaderPageSize, ct);
            var last = Math.Max(1, (total + ReaderPageSize - 1) / ReaderPageSize);
            foreach (var page in new[] { 1, Math.Min(2, last), last }.Distinct())
            {
                await published.PageAsync(listing, page, ReaderPageSize, ct);
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await services.GetRequiredService<ArticleWriter>().CreateAsync(new ArticleInput
        {
            Headline = Headline,
            Section = leaf.Path,
            Summary = ["A draft that is never kept."],
            Body = new BodyInput(Markdown: "One paragraph."),
            Topics = [Headline],
        }, ct);
        // Forgotten once created, so that publishing reads it back as a request does (a tracked article is not read).
        db.ChangeTracker.Clear();
        var publishedOk = created.Succeeded && (await services.GetRequiredService<Publishing>().PublishAsync(created.Value!.Id, null, ct)).Succeeded;
        await transaction.RollbackAsync(ct);
        return new WarmupReport(listings.Count, publishedOk);
    }

    private const int ReaderPageSize = 20;

    /// <summary>Waits for the app to serve, then warms it; a failure is logged and changes nothing.</summary>
    internal sealed class Runner(StartupWarmup warmup, IHostApplicationLifetime lifetime, ILogger<StartupWarmup> log) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var started = new TaskCompletionSource();
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            {
                await started.Task;
            }
            try
            {
                var begun = Stopwatch.GetTimestamp();
                var report = await warmup.RunAsync(stoppingToken);
                log.LogDebug("Warmed {Listings} listings; write path {Published}; {Milliseconds} ms.", report.Listings, report.Published, (long)Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The start-up warm-up failed; the first requests compile what they need.");
            }
            // Start-up and the warm-up leave garbage in the oldest generation that otherwise fills its budget about a
            // hundred pages later, and the full collection that then runs pauses that reader's request for 30-100 ms
            // (docs/benchmarks.md, "Search and article tail at a million"). Collected here, once, while the app is idle.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
    }
}

/// <summary>What <see cref="StartupWarmup.RunAsync"/> ran: how many listings, and whether the create and publish succeeded (before the rollback).</summary>
public sealed record WarmupReport(int Listings, bool Published);
