using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Search;

/// <summary>
/// What the EF model cannot say, applied at every start after migrating (so regenerating the migration keeps it):
/// on SQLite the FTS5 table over <see cref="SearchDocument"/> (external content, Porter stemming, diacritics folded)
/// and the triggers that keep it in step with the rows; on both, documents for published articles that lack one.
/// PostgreSQL's tsvector column and GIN index are in the model itself; the index's storage parameter is set here.
/// </summary>
public sealed class SearchSchema(SearchIndex index) : IDatabaseSetup
{
    private static readonly string[] SqliteSchema =
    [
        """
        CREATE VIRTUAL TABLE IF NOT EXISTS "SearchIndex" USING fts5("Headline", "Summary", "Body",
            content='SearchDocument', content_rowid='ArticleId', tokenize='porter unicode61 remove_diacritics 2')
        """,
        """
        CREATE TRIGGER IF NOT EXISTS "SearchDocument_Inserted" AFTER INSERT ON "SearchDocument" BEGIN
            INSERT INTO "SearchIndex" (rowid, "Headline", "Summary", "Body") VALUES (new."ArticleId", new."Headline", new."Summary", new."Body");
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS "SearchDocument_Deleted" AFTER DELETE ON "SearchDocument" BEGIN
            INSERT INTO "SearchIndex" ("SearchIndex", rowid, "Headline", "Summary", "Body") VALUES ('delete', old."ArticleId", old."Headline", old."Summary", old."Body");
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS "SearchDocument_Updated" AFTER UPDATE ON "SearchDocument" BEGIN
            INSERT INTO "SearchIndex" ("SearchIndex", rowid, "Headline", "Summary", "Body") VALUES ('delete', old."ArticleId", old."Headline", old."Summary", old."Body");
            INSERT INTO "SearchIndex" (rowid, "Headline", "Summary", "Body") VALUES (new."ArticleId", new."Headline", new."Summary", new."Body");
        END
        """,
    ];

    public async Task ApplyAsync(BroadsheetDb db, CancellationToken ct)
    {
        if (db.IsSqlite)
        {
            var existed = await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name = 'SearchIndex'").SingleAsync(ct) > 0;
            foreach (var statement in SqliteSchema)
            {
                await db.Database.ExecuteSqlRawAsync(statement, ct);
            }
            if (!existed)
            {
                // Documents written before the table existed (a restored database) enter the index now.
                await db.Database.ExecuteSqlRawAsync("INSERT INTO \"SearchIndex\" (\"SearchIndex\") VALUES ('rebuild')", ct);
            }
        }
        else if (db.IsPostgres)
        {
            // Publishing writes the article's GIN entries at once: with the default pending list, the publish that
            // finds the list full merges everyone's entries (a second at a million articles) and every search scans it.
            await db.Database.ExecuteSqlRawAsync("ALTER INDEX \"IX_SearchDocument_Vector\" SET (fastupdate = off)", ct);
        }
        await index.CatchUpAsync(db, ct);
    }
}
