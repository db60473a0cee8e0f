using System.Globalization;
using System.Text;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Articles;

/// <summary>
/// How many published articles a listing (the home page's "all", a section with its subsections, a topic, an author)
/// has on one UTC day, and on <see cref="ListingCounts.TotalDay"/> in all. Kept by <see cref="ListingCounts"/> from the
/// single write path; listings seek to a page from these counts instead of walking the rows before it, the API reports
/// its total from them, and <c>/topics</c> reads its counts from the totals.
/// </summary>
public sealed class ListingCount
{
    public required string Listing { get; set; }

    /// <summary><see cref="DateOnly.DayNumber"/> of the UTC publication day; <see cref="ListingCounts.TotalDay"/> for the listing's total.</summary>
    public int Day { get; set; }

    public int Count { get; set; }
}

/// <summary>What a published article was last counted as, so that a change takes exactly that back out.</summary>
public sealed class ListedArticle
{
    public int ArticleId { get; set; }

    public int Day { get; set; }

    /// <summary>The listings it counts in, space-separated (<see cref="ListingKeys"/>).</summary>
    public required string Listings { get; set; }
}

public sealed class ListingCountConfiguration : IEntityTypeConfiguration<ListingCount>, IEntityTypeConfiguration<ListedArticle>
{
    public void Configure(EntityTypeBuilder<ListingCount> e)
    {
        e.HasKey(c => new { c.Listing, c.Day });
        e.Property(c => c.Listing).HasMaxLength(24);
    }

    // No foreign key to the article: a deleted article's row must still be there to be taken out of the counts.
    public void Configure(EntityTypeBuilder<ListedArticle> e)
    {
        e.HasKey(l => l.ArticleId);
        e.Property(l => l.ArticleId).ValueGeneratedNever();
        e.Property(l => l.Listings).HasMaxLength(4000);
    }
}

/// <summary>The names of the listings in <see cref="ListingCount"/>.</summary>
public static class ListingKeys
{
    public const string All = "all";

    public static string Section(int id) => "s" + id.ToString(CultureInfo.InvariantCulture);

    public static string Topic(int id) => "t" + id.ToString(CultureInfo.InvariantCulture);

    public static string Contributor(int id) => "c" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every listing an article in <paramref name="sectionId"/> with these topics and byline appears in (its section's ancestors too).</summary>
    public static List<string> Of(int sectionId, IReadOnlyDictionary<int, int?> parents, IEnumerable<int> topicIds, IEnumerable<int> contributorIds)
    {
        List<string> keys = [All];
        var seen = new HashSet<int>();
        for (int? id = sectionId; id is { } s && seen.Add(s); id = parents.GetValueOrDefault(s))
        {
            keys.Add(Section(s));
        }
        keys.AddRange(topicIds.Distinct().Select(Topic));
        keys.AddRange(contributorIds.Distinct().Select(Contributor));
        return keys;
    }

    public static int DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime).DayNumber;

    public static DateTimeOffset StartOf(int day) => new(DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

/// <summary>
/// Keeps <see cref="ListingCount"/> in step with the published articles: <see cref="ContentChanges"/> calls it after
/// every save that touches an article, in the save's transaction, so the counts change with the articles. It takes out
/// what each article was counted as (<see cref="ListedArticle"/>) and adds what it is now, in one upsert; the same
/// statement on SQLite and PostgreSQL.
/// </summary>
public sealed class ListingCounts : IArticleIndex
{
    /// <summary>The day number under which a listing's total is kept (no article is published in year 1).</summary>
    public const int TotalDay = 0;

    public async Task ArticlesChangedAsync(BroadsheetDb db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var before = await db.Set<ListedArticle>().AsNoTracking().Where(l => ids.Contains(l.ArticleId)).ToListAsync(ct);
        var now = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.Status == ArticleStatus.Published && a.FirstPublishedAt != null)
            .Select(a => new { a.Id, a.SectionId, a.FirstPublishedAt, Topics = a.Topics.Select(t => t.TopicId).ToList(), Byline = a.Byline.Select(c => c.ContributorId).ToList() })
            .ToListAsync(ct);
        if (before.Count == 0 && now.Count == 0)
        {
            return;
        }
        var parents = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.ParentId, ct);
        var after = now.Select(a => new ListedArticle
        {
            ArticleId = a.Id,
            Day = ListingKeys.DayOf(a.FirstPublishedAt!.Value),
            Listings = string.Join(' ', ListingKeys.Of(a.SectionId, parents, a.Topics, a.Byline)),
        }).ToList();
        var changes = Changes(before, after);
        if (changes.Count > 0)
        {
            var sql = new StringBuilder("INSERT INTO \"ListingCount\" (\"Listing\", \"Day\", \"Count\") VALUES ");
            var values = new List<object>();
            foreach (var ((listing, day), count) in changes)
            {
                sql.Append(values.Count == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{values.Count}}}, {{{values.Count + 1}}}, {{{values.Count + 2}}})");
                values.AddRange([listing, day, count]);
            }
            sql.Append(" ON CONFLICT (\"Listing\", \"Day\") DO UPDATE SET \"Count\" = \"ListingCount\".\"Count\" + excluded.\"Count\"");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
        }
        var kept = after.Select(a => a.ArticleId).ToList();
        if (ids.Except(kept).Any())
        {
            await db.Set<ListedArticle>().Where(l => ids.Contains(l.ArticleId) && !kept.Contains(l.ArticleId)).ExecuteDeleteAsync(ct);
        }
        foreach (var listed in after.Where(a => !before.Any(b => b.ArticleId == a.ArticleId && b.Day == a.Day && b.Listings == a.Listings)))
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ListedArticle" ("ArticleId", "Day", "Listings") VALUES ({listed.ArticleId}, {listed.Day}, {listed.Listings})
                ON CONFLICT ("ArticleId") DO UPDATE SET "Day" = excluded."Day", "Listings" = excluded."Listings"
                """, ct);
        }
    }

    /// <summary>How each (listing, day) count and each listing's total moves when articles go from <paramref name="before"/> to <paramref name="after"/>; no zero moves.</summary>
    public static Dictionary<(string Listing, int Day), int> Changes(IEnumerable<ListedArticle> before, IEnumerable<ListedArticle> after)
    {
        var changes = new Dictionary<(string, int), int>();
        void Move(ListedArticle listed, int by)
        {
            foreach (var key in listed.Listings.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                changes[(key, listed.Day)] = changes.GetValueOrDefault((key, listed.Day)) + by;
                changes[(key, TotalDay)] = changes.GetValueOrDefault((key, TotalDay)) + by;
            }
        }
        foreach (var listed in before)
        {
            Move(listed, -1);
        }
        foreach (var listed in after)
        {
            Move(listed, +1);
        }
        foreach (var zero in changes.Where(c => c.Value == 0).Select(c => c.Key).ToList())
        {
            changes.Remove(zero);
        }
        return changes;
    }

    /// <summary>Counts the published articles that were never counted (a database from before the counts); nothing when all are.</summary>
    public async Task CatchUpAsync(BroadsheetDb db, CancellationToken ct)
    {
        // Only an empty table is filled: a scan for the few missing rows would cost every start of a large site.
        if (await db.Set<ListedArticle>().AnyAsync(ct))
        {
            return;
        }
        // Nothing is remembered as counted, so no count stands: emptying the table is how an operator asks for a recount.
        await db.Set<ListingCount>().ExecuteDeleteAsync(ct);
        var last = 0;
        while (true)
        {
            var batch = await db.Articles.AsNoTracking()
                .Where(a => a.Id > last && a.Status == ArticleStatus.Published)
                .OrderBy(a => a.Id).Select(a => a.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }
            await ArticlesChangedAsync(db, batch, ct);
            last = batch[^1];
        }
    }
}

/// <summary>
/// At every start after migrating: counts articles that were never counted (<see cref="ListingCounts.CatchUpAsync"/>)
/// and, on PostgreSQL, covering indexes the model cannot say on both providers (INCLUDE): the partial index the month
/// sitemaps read without touching the table, the per-day counts and totals read by index-only scans (a listing's
/// rows are spread over the table, one page each, as the days go by), published ids with their publication time
/// (the article page's "More on {topic}"), and an article's topics and byline entries without their table.
/// </summary>
public sealed class ListingSchema(ListingCounts counts) : IDatabaseSetup
{
    public static readonly string[] PostgresIndexes =
    [
        """
        CREATE INDEX IF NOT EXISTS "IX_Articles_Published_Sitemap" ON "Articles" ("FirstPublishedAt", "Id")
            INCLUDE ("Slug", "SectionId", "HeroImageId", "LastUpdatedAt") WHERE "Status" = 'Published'
        """,
        """CREATE INDEX IF NOT EXISTS "IX_ListingCount_Days" ON "ListingCount" ("Listing", "Day") INCLUDE ("Count")""",
        """CREATE INDEX IF NOT EXISTS "IX_ListingCount_Totals" ON "ListingCount" ("Listing") INCLUDE ("Count") WHERE "Day" = 0""",
        // "More on {topic}" picks its four among a topic's newest 64 articles from their ids and publication times:
        // index-only, instead of 64 article rows read from disk at a million articles.
        """CREATE INDEX IF NOT EXISTS "IX_Articles_Published_Id" ON "Articles" ("Id") INCLUDE ("FirstPublishedAt") WHERE "Status" = 'Published'""",
        // The article page's topics and byline (ArticleStatements) by index-only scans: at a million articles a random
        // article's rows of these tables are each on a page of their own, read from disk, besides the key's index page.
        """CREATE INDEX IF NOT EXISTS "IX_ArticleTopic_ArticleId_Covering" ON "ArticleTopic" ("ArticleId") INCLUDE ("TopicId", "Position")""",
        """CREATE INDEX IF NOT EXISTS "IX_BylineEntry_ArticleId_Covering" ON "BylineEntry" ("ArticleId") INCLUDE ("ContributorId", "Position")""",
    ];

    public async Task ApplyAsync(BroadsheetDb db, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            foreach (var sql in PostgresIndexes)
            {
                await db.Database.ExecuteSqlRawAsync(sql, ct);
            }
        }
        await counts.CatchUpAsync(db, ct);
    }
}
