using Broadsheet.Articles;
using Broadsheet.Articles.Workflow;
using Broadsheet.Ingest.WordPress;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Ingest.WordPress;

using Api = Broadsheet.Tests.Api.Api;

/// <summary>
/// The WordPress importer, in process on the shared app: a hand-written export with nested categories, tags, two
/// authors, a draft, a page, attachments (one file present in the uploads folder, one missing) and shortcodes. Each test
/// gives the export a site address of its own, so its posts are its own.
/// </summary>
[Collection(SharedAppsCollection.Name)]
public class WordPressImportTests(ApiApps apps) : IClassFixture<ApiApps>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("wxr-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The export under a site address of the test's own, and an uploads folder holding the ferry picture only.</summary>
    private (string File, string Uploads, string Site) Export()
    {
        var site = $"https://{Api.Unique("quayside")}.example";
        var file = Path.Combine(folder, "export.xml");
        File.WriteAllText(file, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ingest/WordPress/quayside-export.xml")).Replace("https://quayside.example", site, StringComparison.Ordinal));
        var uploads = Directory.CreateDirectory(Path.Combine(folder, "uploads/2024/05")).Parent!.Parent!.FullName;
        File.WriteAllBytes(Path.Combine(uploads, "2024/05/ferry.jpg"), Media.TestImages.Encode(900, 600));
        return (file, uploads, site);
    }

    private static async Task<WordPressImportReport> ImportAsync(BroadsheetApp app, string file, string uploads, Action<WordPressImportProgress>? progress = null, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var importer = ActivatorUtilities.CreateInstance<WordPressImporter>(scope.ServiceProvider);
        return await importer.ImportAsync(file, new WordPressImportOptions(uploads), progress, ct);
    }

    private static Task<List<Article>> ArticlesOfAsync(BroadsheetApp app, string site) => app.InScopeAsync(async db =>
    {
        var ids = await db.Set<WordPressImportRecord>().Where(r => r.Site == site && r.Kind == WordPressImportRecord.Post).Select(r => r.ArticleId).ToListAsync(Ct);
        return await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Include(a => a.Section).ThenInclude(s => s.Parent)
            .Include(a => a.HeroImage)
            .Include(a => a.Topics).ThenInclude(t => t.Topic)
            .Include(a => a.Byline).ThenInclude(b => b.Contributor)
            .OrderBy(a => a.Id).ToListAsync(Ct);
    });

    [Fact]
    public async Task An_export_becomes_sections_topics_contributors_and_articles_once()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var (file, uploads, site) = Export();

        var report = await ImportAsync(app, file, uploads, ct: Ct);

        Assert.Equal(4, report.Total);
        Assert.Equal((3, 1, 0), (report.Published, report.Drafts, report.Skipped));
        Assert.Empty(report.Failed);
        Assert.Contains(report.Warnings, w => w.Contains("post 102", StringComparison.Ordinal) && w.Contains("2024/06/nets.jpg", StringComparison.Ordinal));
        var articles = await ArticlesOfAsync(app, site);
        Assert.Equal(4, articles.Count);
        Assert.DoesNotContain(articles, a => a.Headline.Contains("About the Gazette", StringComparison.Ordinal));

        var ferry = articles.Single(a => a.Slug == "night-ferry-returns");
        Assert.Equal("Night ferry returns after the winter pause", ferry.Headline);
        Assert.Equal(ArticleStatus.Published, ferry.Status);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 7, 30, 0, TimeSpan.Zero), ferry.FirstPublishedAt);
        Assert.Equal("harbour/ferries/night-crossings", ferry.Section.Path);
        Assert.Equal("harbour/ferries", ferry.Section.Parent!.Path);
        Assert.Equal(["The late crossing runs again from Friday.", "Two sailings a night, bicycles free."], ferry.Summary);
        Assert.Equal(["tides", "fishing-fleet"], ferry.Topics.OrderBy(t => t.Position).Select(t => t.Topic.Slug));
        Assert.Equal("Mara Quill", ferry.Byline.Single().Contributor.Name);
        Assert.Equal("A white ferry moored at the pier", ferry.HeroImage!.Alt);
        Assert.Equal("The morning ferry waits at pier two.", ferry.HeroImage.Caption);
        var body = ferry.Body;
        Assert.Equal("The late crossing to the island runs again from Friday, the harbour office said. Tickets go on sale at the kiosk on Monday.", PlainText.Of(((ParagraphBlock)body[0]).Content));
        var picture = Assert.IsType<ImageBlock>(body[1]);
        Assert.Equal(ferry.HeroImageId, picture.ImageId);
        Assert.Equal("The ferry in its spring colours.", picture.Caption);
        Assert.Equal(new HeadingBlock("What changes", 2), body[2]);
        Assert.Equal(2, Assert.IsType<ListBlock>(body[3]).Items.Count);
        Assert.Equal("https://video.example/watch/harbour-at-night", Assert.IsType<EmbedBlock>(body[4]).Url);
        var last = Assert.IsType<ParagraphBlock>(body[5]);
        Assert.Contains(last.Content, r => r.Bold && r.Text == "new timetable");
        Assert.Contains(last.Content, r => r.Href == $"{site}/timetable");
        Assert.Equal(6, body.Count);
        Assert.Contains("[sic]", PlainText.Of(body), StringComparison.Ordinal);
        Assert.DoesNotContain("[gallery", PlainText.Of(body), StringComparison.Ordinal);
        Assert.DoesNotContain("[caption", PlainText.Of(body), StringComparison.Ordinal);

        var catch_ = articles.Single(a => a.Slug == "record-catch");
        Assert.Null(catch_.HeroImageId);
        Assert.Equal("harbour", catch_.Section.Path);
        Assert.Equal("Tobias Brook", catch_.Byline.Single().Contributor.Name);
        var quote = Assert.IsType<QuoteBlock>(catch_.Body[1]);
        Assert.Equal("We have not seen a summer like it.", PlainText.Of(quote.Content));
        Assert.Equal("A skipper on the north quay", quote.Attribution);
        var draft = articles.Single(a => a.Headline.StartsWith("Pier repairs", StringComparison.Ordinal));
        Assert.Equal(ArticleStatus.Draft, draft.Status);
        Assert.Null(draft.FirstPublishedAt);
        Assert.Equal("harbour/ferries", draft.Section.Path);
        var log = articles.Single(a => a.Slug == "lighthouse-log");
        Assert.Equal("Lighthouse keeper\u2019s log goes on show", log.Headline);
        Assert.Equal("uncategorized", log.Section.Path);

        var ids = articles.Select(a => a.Id).ToList();
        var (revisions, published) = await app.InScopeAsync(async db => (
            await db.ArticleRevisions.Where(r => ids.Contains(r.ArticleId)).GroupBy(r => r.ArticleId).Select(g => g.Count()).ToListAsync(Ct),
            await db.AuditEntries.Where(e => ids.Contains(e.ArticleId) && e.Action == AuditAction.Published).CountAsync(Ct)));
        Assert.Equal([1, 1, 1, 1], revisions);
        Assert.Equal(3, published);

        var counts = await app.RowCountsAsync();
        var again = await ImportAsync(app, file, uploads, ct: Ct);
        Assert.Equal((0, 4), (again.Imported, again.Skipped));
        Assert.Equal(counts, await app.RowCountsAsync());
    }

    [Fact]
    public async Task An_interrupted_import_resumes_where_it_stopped()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var (file, uploads, site) = Export();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var seen = new List<WordPressImportProgress>();

        var first = await ImportAsync(app, file, uploads, p =>
        {
            seen.Add(p);
            if (p.Done == 2)
            {
                stop.Cancel();
            }
        }, stop.Token);

        Assert.True(first.Interrupted);
        Assert.Equal(2, first.Imported);
        Assert.Equal([(1, 4), (2, 4)], seen.Select(p => (p.Done, p.Total)));
        Assert.Equal(2, (await ArticlesOfAsync(app, site)).Count);

        var second = await ImportAsync(app, file, uploads, ct: Ct);
        Assert.False(second.Interrupted);
        Assert.Equal((2, 2), (second.Imported, second.Skipped));
        var articles = await ArticlesOfAsync(app, site);
        Assert.Equal(4, articles.Count);
        Assert.Equal(4, articles.Select(a => a.Headline).Distinct().Count());
        // The ferry picture serves as hero and body image: imported once, across both runs.
        Assert.Equal(1, await app.InScopeAsync(db => db.Set<WordPressImportRecord>().CountAsync(r => r.Site == site && r.Kind == WordPressImportRecord.Attachment, Ct)));
    }

    [Fact]
    public async Task The_command_reports_progress_and_refuses_an_unreadable_file()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var (file, uploads, _) = Export();
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(0, await WordPressImportCommand.RunAsync(app.Services, ["import", "wordpress", file, "--uploads", uploads, "--no-download"], output, error, terminal: false, Ct));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("1/4 ", lines[0], StringComparison.Ordinal);
        Assert.Contains("posts/s", lines[0], StringComparison.Ordinal);
        Assert.Contains("ETA", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("Imported 4 of 4 posts (3 published, 1 drafts); skipped 0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("note:", StringComparison.Ordinal) && l.Contains("nets.jpg", StringComparison.Ordinal));

        var broken = Path.Combine(folder, "broken.xml");
        File.WriteAllText(broken, "<rss><channel><item><title>Half a file");
        Assert.Equal(1, await WordPressImportCommand.RunAsync(app.Services, ["import", "wordpress", broken], TextWriter.Null, error, terminal: false, Ct));
        Assert.Contains("Cannot read", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await WordPressImportCommand.RunAsync(app.Services, ["import", "wordpress", Path.Combine(folder, "missing.xml")], TextWriter.Null, error, terminal: false, Ct));
        Assert.Equal(2, await WordPressImportCommand.RunAsync(app.Services, ["import", "wordpress"], TextWriter.Null, error, terminal: false, Ct));
        Assert.Null(await WordPressImportCommand.RunAsync(app.Services, ["apikey", "list"], TextWriter.Null, error, terminal: false, Ct));
    }
}
