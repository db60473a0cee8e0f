#:project ../../src/Broadsheet/Broadsheet.csproj
#:property PublishAot=false
// Fills a PostgreSQL database with a large publication of published articles through binary COPY, search index
// included, for the benchmarks of search, sitemaps and article pages (docs/benchmarks.md).
//
//   dotnet run -c Release bench/million/Million.cs -- "Host=...;Database=...;Username=..." [articles] [seed]
//
// The database is migrated first and must hold no articles. Text comes from a vocabulary built from the demo
// publication's articles (common words drawn more often, Zipf-like) plus a tail of rare made-up words; articles
// spread over ten years, ten sections of four (each with three subsections), 400 topics and 255 contributors.
// Needs a role that may set session_replication_role (foreign keys are not checked row by row during the load).
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Search;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Million.cs CONNECTION-STRING [articles=1000000] [seed=1]");
    return 2;
}
var connectionString = args[0];
var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
var seed = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
var clock = Stopwatch.StartNew();

await using (var db = new PostgresBroadsheetDb(new DbContextOptionsBuilder<PostgresBroadsheetDb>().UseNpgsql(connectionString).Options))
{
    await db.Database.MigrateAsync();
    if (await db.Articles.AnyAsync())
    {
        Console.Error.WriteLine("The database already holds articles: use an empty one.");
        return 1;
    }
    if (!await db.Publications.AnyAsync())
    {
        db.Publications.Add(new Publication { Name = "The Million Times", BaseUrl = "", Language = "en", TimeZone = "UTC" });
    }
    string[] tops = ["world", "politics", "business", "science", "technology", "health", "sport", "culture", "climate", "opinion"];
    for (var t = 0; t < tops.Length; t++)
    {
        var top = new Section { Path = tops[t], Name = Title(tops[t]), Position = t };
        db.Sections.Add(top);
        for (var s = 0; s < 3; s++)
        {
            top.Children.Add(new Section { Path = $"{tops[t]}/desk-{s + 1}", Name = $"{Title(tops[t])} desk {s + 1}", Position = s });
        }
    }
    await db.SaveChangesAsync();
}

var random = new Random(seed);
var vocabulary = Vocabulary(random);
var zipf = new Zipf(vocabulary.Length, 1.0, random);
string Word() => vocabulary[zipf.Next()];

var sectionIds = new List<int>();
var topicIds = new List<int>();
var contributorIds = new List<int>();
await using (var db = new PostgresBroadsheetDb(new DbContextOptionsBuilder<PostgresBroadsheetDb>().UseNpgsql(connectionString).Options))
{
    for (var i = 0; i < 400; i++)
    {
        var name = Title(Word()) + " " + Title(Word()) + $" {i}";
        db.Topics.Add(new Topic { Slug = Slugs(name), Name = name });
    }
    for (var i = 0; i < 255; i++)
    {
        var name = i < 250 ? $"{Title(Word())} {Title(Word())}son {i}" : $"Agency {i - 249}";
        db.Contributors.Add(new Contributor { Slug = Slugs(name), Name = name, Kind = i < 250 ? ContributorKind.Person : ContributorKind.Agency });
    }
    await db.SaveChangesAsync();
    sectionIds = await db.Sections.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
    topicIds = await db.Topics.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
    contributorIds = await db.Contributors.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
}
var topicZipf = new Zipf(topicIds.Count, 0.9, random);

// Four COPY streams side by side; foreign keys are checked by nothing during the load, which writes only ids it made.
async Task<NpgsqlConnection> OpenAsync()
{
    var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var replica = new NpgsqlCommand("SET session_replication_role = replica", connection);
    await replica.ExecuteNonQueryAsync();
    return connection;
}
await using var articlesConnection = await OpenAsync();
await using var topicsConnection = await OpenAsync();
await using var bylineConnection = await OpenAsync();
await using var searchConnection = await OpenAsync();
await using var otherConnection = await OpenAsync();

// Secondary indexes are dropped for the load and built once at the end (several times faster than growing them row by
// row); primary keys stay, since ids arrive in order and append at the right edge.
var indexes = new List<string>();
await using (var list = new NpgsqlCommand("""
    SELECT indexname, indexdef FROM pg_indexes
    WHERE schemaname = 'public' AND tablename IN ('Articles', 'ArticleTopic', 'BylineEntry', 'SearchDocument') AND indexname NOT LIKE 'PK\_%'
    """, articlesConnection))
await using (var reader = await list.ExecuteReaderAsync())
{
    while (await reader.ReadAsync())
    {
        indexes.Add(reader.GetString(1));
    }
}
foreach (var index in indexes)
{
    await using var drop = new NpgsqlCommand($"DROP INDEX IF EXISTS \"{index.Split('"')[1]}\"", articlesConnection);
    await drop.ExecuteNonQueryAsync();
}
// The search text as the write path makes it goes to an unlogged staging table; the tsvector (the expensive part,
// about a millisecond of stemming per article) is computed afterwards in SQL, in bulk, on two connections at once.
await using (var staging = new NpgsqlCommand("""
    DROP TABLE IF EXISTS "SearchStaging";
    CREATE UNLOGGED TABLE "SearchStaging" ("ArticleId" integer, "Config" varchar(32), "Headline" text, "Summary" text, "Body" text, "PublishedAt" timestamptz)
    """, searchConnection))
{
    await staging.ExecuteNonQueryAsync();
}
var firstId = 1;
await using (var max = new NpgsqlCommand("SELECT coalesce(max(\"Id\"), 0) + 1 FROM \"Articles\"", articlesConnection))
{
    firstId = Convert.ToInt32(await max.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
}

var articles = await articlesConnection.BeginBinaryImportAsync("""
    COPY "Articles" ("Id", "Slug", "Headline", "Summary", "Body", "SectionId", "Type", "Language", "Status", "CreatedAt", "ModifiedAt",
        "FirstPublishedAt", "IsSample", "Version") FROM STDIN (FORMAT BINARY)
    """);
var topics = await topicsConnection.BeginBinaryImportAsync("COPY \"ArticleTopic\" (\"ArticleId\", \"TopicId\", \"Position\") FROM STDIN (FORMAT BINARY)");
var byline = await bylineConnection.BeginBinaryImportAsync("COPY \"BylineEntry\" (\"ArticleId\", \"ContributorId\", \"Position\") FROM STDIN (FORMAT BINARY)");
var search = await searchConnection.BeginBinaryImportAsync("COPY \"SearchStaging\" (\"ArticleId\", \"Config\", \"Headline\", \"Summary\", \"Body\", \"PublishedAt\") FROM STDIN (FORMAT BINARY)");
var summaryJson = JsonColumn.Converter<List<string>>();
var bodyJson = JsonColumn.Converter<List<Block>>();
var end = DateTime.UtcNow.Date;
var start = end.AddYears(-10);
var span = (end - start).Ticks;
ArticleType[] types = [.. Enumerable.Repeat(ArticleType.News, 16), ArticleType.Opinion, ArticleType.Opinion, ArticleType.Analysis, ArticleType.Explainer, ArticleType.Review];

for (var n = 0; n < count; n++)
{
    var id = firstId + n;
    var headline = Sentence(random.Next(6, 11)).TrimEnd('.');
    List<string> summary = [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => Sentence(random.Next(12, 21)))];
    List<Block> body = [.. Enumerable.Range(0, random.Next(3, 7)).Select(_ => (Block)new ParagraphBlock([new Inline(Paragraph(random.Next(40, 71)))]))];
    var published = start.AddTicks(span / count * n + random.NextInt64(span / count + 1));
    await articles.StartRowAsync();
    await articles.WriteAsync(id, NpgsqlDbType.Integer);
    await articles.WriteAsync(Slugs(headline), NpgsqlDbType.Varchar);
    await articles.WriteAsync(headline, NpgsqlDbType.Varchar);
    await articles.WriteAsync((string)summaryJson.ConvertToProvider(summary)!, NpgsqlDbType.Text);
    await articles.WriteAsync((string)bodyJson.ConvertToProvider(body)!, NpgsqlDbType.Text);
    await articles.WriteAsync(sectionIds[random.Next(sectionIds.Count)], NpgsqlDbType.Integer);
    await articles.WriteAsync(types[random.Next(types.Length)].ToString(), NpgsqlDbType.Varchar);
    await articles.WriteAsync("en", NpgsqlDbType.Varchar);
    await articles.WriteAsync(nameof(ArticleStatus.Published), NpgsqlDbType.Varchar);
    await articles.WriteAsync(published, NpgsqlDbType.TimestampTz);
    await articles.WriteAsync(published, NpgsqlDbType.TimestampTz);
    await articles.WriteAsync(published, NpgsqlDbType.TimestampTz);
    await articles.WriteAsync(false, NpgsqlDbType.Boolean);
    await articles.WriteAsync(1, NpgsqlDbType.Integer);

    var chosen = new HashSet<int>();
    var topicCount = random.Next(1, 4);
    while (chosen.Count < topicCount)
    {
        chosen.Add(topicIds[topicZipf.Next()]);
    }
    var position = 0;
    foreach (var topic in chosen)
    {
        await topics.StartRowAsync();
        await topics.WriteAsync(id, NpgsqlDbType.Integer);
        await topics.WriteAsync(topic, NpgsqlDbType.Integer);
        await topics.WriteAsync(position++, NpgsqlDbType.Integer);
    }
    var writers = random.Next(10) == 0 ? 2 : 1;
    var first = contributorIds[random.Next(contributorIds.Count)];
    for (var w = 0; w < writers; w++)
    {
        await byline.StartRowAsync();
        await byline.WriteAsync(id, NpgsqlDbType.Integer);
        await byline.WriteAsync(w == 0 ? first : contributorIds[(contributorIds.IndexOf(first) + 1) % contributorIds.Count], NpgsqlDbType.Integer);
        await byline.WriteAsync(w, NpgsqlDbType.Integer);
    }

    var document = SearchIndex.Document(id, "en", headline, summary, body, published);
    await search.StartRowAsync();
    await search.WriteAsync(document.ArticleId, NpgsqlDbType.Integer);
    await search.WriteAsync(document.Config, NpgsqlDbType.Varchar);
    await search.WriteAsync(document.Headline, NpgsqlDbType.Text);
    await search.WriteAsync(document.Summary, NpgsqlDbType.Text);
    await search.WriteAsync(document.Body, NpgsqlDbType.Text);
    await search.WriteAsync(published, NpgsqlDbType.TimestampTz);
    if ((n + 1) % 50_000 == 0)
    {
        Console.WriteLine($"{n + 1:N0} articles written, {clock.Elapsed.TotalSeconds:F0} s");
    }
}
await articles.CompleteAsync();
await topics.CompleteAsync();
await byline.CompleteAsync();
await search.CompleteAsync();
await articles.DisposeAsync();
await topics.DisposeAsync();
await byline.DisposeAsync();
await search.DisposeAsync();
Console.WriteLine($"copied in {clock.Elapsed.TotalSeconds:F0} s; search vectors");

async Task RunAsync(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
}
// Runs each statement on whichever of the two connections is free, two at a time (the machine has two cores).
async Task BothAsync(IEnumerable<string> statements)
{
    var queue = new Queue<string>(statements);
    async Task Drain(NpgsqlConnection connection)
    {
        while (queue.TryDequeue(out var sql))
        {
            await RunAsync(connection, sql);
        }
    }
    await Task.WhenAll(Drain(articlesConnection), Drain(otherConnection));
}
await RunAsync(articlesConnection, "SET maintenance_work_mem = '512MB'");
await RunAsync(otherConnection, "SET maintenance_work_mem = '512MB'");
var lastId = firstId + count - 1;
const int chunk = 50_000;
await BothAsync(Enumerable.Range(0, (count + chunk - 1) / chunk).Select(c => $"""
    INSERT INTO "SearchDocument" ("ArticleId", "Config", "Headline", "Summary", "Body", "PublishedAt")
    SELECT "ArticleId", "Config", "Headline", "Summary", "Body", "PublishedAt" FROM "SearchStaging"
    WHERE "ArticleId" BETWEEN {firstId + c * chunk} AND {Math.Min(lastId, firstId + (c + 1) * chunk - 1)}
    """));
await RunAsync(articlesConnection, "DROP TABLE \"SearchStaging\"");
Console.WriteLine($"search vectors in {clock.Elapsed.TotalSeconds:F0} s; listing counts");

// What ListingCounts keeps row by row, computed once for the whole load: each article's listings (all, its section and
// the section's parent, its topics, its byline) and their per-day counts and totals.
await RunAsync(articlesConnection, """
    INSERT INTO "ListedArticle" ("ArticleId", "Day", "Listings")
    SELECT a."Id", (a."FirstPublishedAt" AT TIME ZONE 'UTC')::date - date '0001-01-01',
        concat_ws(' ', 'all', 's' || a."SectionId", 's' || s."ParentId",
            (SELECT string_agg('t' || t."TopicId", ' ') FROM "ArticleTopic" t WHERE t."ArticleId" = a."Id"),
            (SELECT string_agg('c' || b."ContributorId", ' ') FROM "BylineEntry" b WHERE b."ArticleId" = a."Id"))
    FROM "Articles" a JOIN "Sections" s ON s."Id" = a."SectionId"
    WHERE a."Status" = 'Published' AND a."FirstPublishedAt" IS NOT NULL
    """);
await RunAsync(articlesConnection, """
    INSERT INTO "ListingCount" ("Listing", "Day", "Count")
    SELECT k, "Day", count(*) FROM "ListedArticle", unnest(string_to_array("Listings", ' ')) AS k GROUP BY k, "Day"
    UNION ALL
    SELECT k, 0, count(*) FROM "ListedArticle", unnest(string_to_array("Listings", ' ')) AS k GROUP BY k
    """);
Console.WriteLine($"listing counts in {clock.Elapsed.TotalSeconds:F0} s; indexes");
await RunAsync(articlesConnection, "SELECT setval(pg_get_serial_sequence('\"Articles\"', 'Id'), (SELECT max(\"Id\") FROM \"Articles\"))");
await BothAsync([.. indexes, .. Broadsheet.Articles.ListingSchema.PostgresIndexes]);
Console.WriteLine($"indexes in {clock.Elapsed.TotalSeconds:F0} s; analyze");
await RunAsync(articlesConnection, "VACUUM ANALYZE");
Console.WriteLine($"{count:N0} articles in {clock.Elapsed.TotalSeconds:F0} s");
return 0;

static string Title(string word) => char.ToUpperInvariant(word[0]) + word[1..];

static string Slugs(string text) => Broadsheet.Articles.Slugs.From(text);

string Sentence(int words)
{
    var text = new StringBuilder(Title(Word()));
    for (var i = 1; i < words; i++)
    {
        text.Append(' ').Append(Word());
    }
    return text.Append('.').ToString();
}

string Paragraph(int words)
{
    var text = new StringBuilder();
    while (words > 0)
    {
        var length = Math.Min(words, random.Next(8, 21));
        text.Append(text.Length > 0 ? " " : "").Append(Sentence(length));
        words -= length;
    }
    return text.ToString();
}

// The demo articles' words, commonest first, then made-up rare words: about 12,000 in all.
static string[] Vocabulary(Random random)
{
    var root = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Broadsheet", "Demo", "content", "articles");
    var dir = Directory.Exists(root) ? root : Path.Combine(Environment.CurrentDirectory, "src", "Broadsheet", "Demo", "content", "articles");
    var counts = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
        .SelectMany(f => Regex.Matches(File.ReadAllText(f).ToLowerInvariant(), "[a-z]{2,}").Select(m => m.Value))
        .GroupBy(w => w)
        .OrderByDescending(g => g.Count())
        .Select(g => g.Key)
        .ToList();
    const string letters = "abcdefghijklmnoprstuvwy";
    const string vowels = "aeiou";
    var made = new HashSet<string>(counts);
    while (made.Count < 12_000)
    {
        var word = new StringBuilder();
        for (var s = random.Next(2, 4); s > 0; s--)
        {
            word.Append(letters[random.Next(letters.Length)]).Append(vowels[random.Next(vowels.Length)]);
        }
        if (made.Add(word.ToString()))
        {
            counts.Add(word.ToString());
        }
    }
    return [.. counts];
}

// Ranks drawn with probability proportional to 1 / rank^s.
sealed class Zipf
{
    private readonly double[] cumulative;
    private readonly Random random;

    public Zipf(int n, double s, Random random)
    {
        this.random = random;
        cumulative = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += 1 / Math.Pow(i + 1, s);
            cumulative[i] = sum;
        }
        for (var i = 0; i < n; i++)
        {
            cumulative[i] /= sum;
        }
    }

    public int Next()
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return index < 0 ? Math.Min(~index, cumulative.Length - 1) : index;
    }
}
