using System.Net;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Ingest;
using Broadsheet.Tests.Infrastructure;
using Broadsheet.Tests.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Broadsheet.Tests.Ingest;

/// <summary>The wire desk called directly with items built here: what each version, kill, embargo and refusal does.</summary>
[Collection(SharedAppsCollection.Name)]
public sealed class WireDeskTests(IngestApps apps) : IClassFixture<IngestApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<T> DbAsync<T>(BroadsheetApp app, Func<BroadsheetDb, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<BroadsheetDb>());
    }

    private static Task<Article> ArticleAsync(BroadsheetApp app, int id) =>
        DbAsync(app, db => db.Articles.AsNoTracking().Include(a => a.Notes).Include(a => a.Byline).ThenInclude(b => b.Contributor).Include(a => a.Section).FirstAsync(a => a.Id == id, Ct));

    [Fact]
    public async Task Versions_create_update_and_correct_one_article_and_repeats_change_nothing()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var (source, section) = await Wire.SourceAsync(app);
        var desk = app.Desk();
        var id = Api.Api.Unique("urn:test:story");

        var created = (await desk.ReceiveAsync(source, Wire.Item(id))).Single();
        Assert.Equal((id, 1, WireOutcome.Created), (created.ItemId, created.Version, created.Status));
        var articleId = created.ArticleId!.Value;
        var article = await ArticleAsync(app, articleId);
        Assert.Equal((ArticleStatus.Published, section, "Harbour reopens after storm", "PORTSMOUTH"), (article.Status, article.Section.Path, article.Headline, article.Dateline));
        Assert.Equal((source, ContributorKind.Agency), (article.Byline.Single().Contributor.Name, article.Byline.Single().Contributor.Kind));
        using var reader = app.Client();
        var page = await reader.GetStringAsync(article.PublicPath, Ct);
        Assert.Contains("(version 1)", page);
        Assert.DoesNotContain("Updated:", page);

        var again = (await desk.ReceiveAsync(source, Wire.Item(id))).Single();
        Assert.Equal((WireOutcome.Duplicate, articleId), (again.Status, again.ArticleId));
        Assert.Contains("arrived before", again.Reason);
        Assert.Equal(article.Version, (await ArticleAsync(app, articleId)).Version);

        var updated = (await desk.ReceiveAsync(source, Wire.Item(id, 2, "Harbour reopens fully after storm"))).Single();
        Assert.Equal((WireOutcome.Updated, articleId), (updated.Status, updated.ArticleId));
        page = await reader.GetStringAsync(article.PublicPath, Ct);
        Assert.Contains("(version 2)", page);
        Assert.Contains("Updated:", page);

        var late = Api.Api.Unique("urn:test:late");
        Assert.Equal(WireOutcome.Created, (await desk.ReceiveAsync(source, Wire.Item(late, 2))).Single().Status);
        var older = (await desk.ReceiveAsync(source, Wire.Item(late, 1, "Old text"))).Single();
        Assert.Equal(WireOutcome.Duplicate, older.Status);
        Assert.Equal("Version 1 is not newer than version 2, already handled; ignored.", older.Reason);

        var corrected = (await desk.ReceiveAsync(source, Wire.Item(id, 3) with { IsCorrection = true })).Single();
        Assert.Equal(WireOutcome.Updated, corrected.Status);
        article = await ArticleAsync(app, articleId);
        Assert.Equal(NoteKind.Correction, Assert.Single(article.Notes).Kind);
        Assert.Contains($"corrected by {source}", article.Notes[0].Text);

        var revisions = await DbAsync(app, db => db.ArticleRevisions.Where(r => r.ArticleId == articleId).OrderBy(r => r.Version).Select(r => r.UserName).ToListAsync(Ct));
        Assert.Equal(3, revisions.Count);
        Assert.All(revisions, name => Assert.Equal($"wire: {source}", name));
        var audit = await DbAsync(app, db => db.AuditEntries.Where(a => a.ArticleId == articleId).Select(a => a.UserName).Distinct().ToListAsync(Ct));
        Assert.Equal([$"wire: {source}"], audit);
        var entries = await DbAsync(app, db => db.WireEntries.Where(e => e.ItemId == id).OrderBy(e => e.Id).Select(e => e.Status).ToListAsync(Ct));
        Assert.Equal([WireStatus.Created, WireStatus.Updated, WireStatus.Updated], entries);
    }

    [Fact]
    public async Task A_kill_unpublishes_at_once_and_the_page_answers_410_with_a_notice_and_withheld_holds()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var (source, _) = await Wire.SourceAsync(app);
        var desk = app.Desk();
        var killed = Api.Api.Unique("urn:test:kill");
        var articleId = (await desk.ReceiveAsync(source, Wire.Item(killed))).Single().ArticleId!.Value;
        var path = (await ArticleAsync(app, articleId)).PublicPath;
        using var reader = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path, Ct)).StatusCode);

        var kill = (await desk.ReceiveAsync(source, Wire.Item(killed, 2) with { PubStatus = WirePubStatus.Canceled })).Single();
        Assert.Equal((WireOutcome.Killed, articleId), (kill.Status, kill.ArticleId));
        Assert.Contains("unpublished at once", kill.Reason);
        Assert.Equal(ArticleStatus.Unpublished, (await ArticleAsync(app, articleId)).Status);
        var gone = await reader.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        var notice = await gone.Content.ReadAsStringAsync(Ct);
        Assert.Contains("This story has been withdrawn", notice);
        Assert.Contains($"{source} has withdrawn this story", notice);
        var audit = await DbAsync(app, db => db.AuditEntries.Where(a => a.ArticleId == articleId && a.Action == Broadsheet.Articles.Workflow.AuditAction.Unpublished).SingleAsync(Ct));
        Assert.Contains($"Killed by {source}", audit.Detail);

        // An article unpublished by an editor is simply not found.
        var withheld = Api.Api.Unique("urn:test:withheld");
        var heldId = (await desk.ReceiveAsync(source, Wire.Item(withheld))).Single().ArticleId!.Value;
        var held = (await desk.ReceiveAsync(source, Wire.Item(withheld, 2) with { PubStatus = WirePubStatus.Withheld })).Single();
        Assert.Equal(WireOutcome.Held, held.Status);
        Assert.Contains("Withheld", held.Reason);
        var heldArticle = await ArticleAsync(app, heldId);
        Assert.Equal(ArticleStatus.Unpublished, heldArticle.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(heldArticle.PublicPath, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_source_not_published_automatically_holds_items_until_an_editor_uses_one_as_a_draft()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var (source, _) = await Wire.SourceAsync(app, autoPublish: false);
        var desk = app.Desk();
        var id = Api.Api.Unique("urn:test:queue");
        var held = (await desk.ReceiveAsync(source, Wire.Item(id))).Single();
        Assert.Equal((WireOutcome.Held, (int?)null), (held.Status, held.ArticleId));
        Assert.StartsWith("Waiting for an editor", held.Reason);

        var entryId = await DbAsync(app, db => db.WireEntries.Where(e => e.Source == source).Select(e => e.Id).SingleAsync(Ct));
        var used = await desk.UseAsync(entryId, Ct);
        Assert.Equal(WireOutcome.Created, used!.Status);
        Assert.Equal(ArticleStatus.Draft, (await ArticleAsync(app, used.ArticleId!.Value)).Status);
        Assert.Equal(used.ArticleId, (await desk.UseAsync(entryId, Ct))!.ArticleId);

        var next = (await desk.ReceiveAsync(source, Wire.Item(id, 2, "Harbour reopens, ferries full"))).Single();
        Assert.Equal((WireOutcome.Updated, used.ArticleId), (next.Status, next.ArticleId));
        var draft = await ArticleAsync(app, used.ArticleId!.Value);
        Assert.Equal(("Harbour reopens, ferries full", ArticleStatus.Draft), (draft.Headline, draft.Status));
    }

    [Fact]
    public async Task An_embargoed_item_is_held_until_its_time_and_then_released_by_the_background_service()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var (source, _) = await Wire.SourceAsync(app);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = Options.Create(new IngestOptions { EmbargoPollSeconds = 5 });
        using var desk = new WireDesk(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<WireParser>(),
            app.Services.GetRequiredService<WireFetcher>(), clock, NullLogger<WireDesk>.Instance);
        var id = Api.Api.Unique("urn:test:embargo");
        var until = clock.GetUtcNow().AddHours(1);

        var held = (await desk.ReceiveAsync(source, Wire.Item(id) with { Embargoed = until })).Single();
        Assert.Equal(WireOutcome.Held, held.Status);
        Assert.StartsWith("Embargoed until", held.Reason);
        Assert.Equal(0, await desk.ReleaseDueAsync(Ct));

        using var release = new WireEmbargoRelease(desk, clock, options, new DatabaseOutage(clock, NullLogger<DatabaseOutage>.Instance), NullLogger<WireEmbargoRelease>.Instance);
        await release.StartAsync(Ct);
        clock.Advance(TimeSpan.FromMinutes(59));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(WireStatus.Held, await DbAsync(app, db => db.WireEntries.Where(e => e.ItemId == id).Select(e => e.Status).SingleAsync(Ct)));

        clock.Advance(TimeSpan.FromMinutes(1));
        WireEntry? entry = null;
        for (var waited = 0; waited < 200 && entry?.Status != WireStatus.Created; waited++)
        {
            // The release runs on the service's own task once the fake clock fires its delay: wait for its write.
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(50, Ct);
            entry = await DbAsync(app, db => db.WireEntries.AsNoTracking().SingleAsync(e => e.ItemId == id, Ct));
        }
        await release.StopAsync(Ct);
        Assert.Equal(WireStatus.Created, entry!.Status);
        Assert.Equal(ArticleStatus.Published, (await ArticleAsync(app, entry.ArticleId!.Value)).Status);
    }

    [Fact]
    public async Task Items_the_writer_refuses_are_quarantined_with_its_messages_nothing_half_written_and_retried_after_a_rule_change()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var (source, section) = await Wire.SourceAsync(app, withSection: false);
        var desk = app.Desk();
        var id = Api.Api.Unique("urn:test:refused");
        var picture = new WirePicture { PictureId = "harbour.jpg", Data = TestImages.Encode(64, 48), Caption = "The harbour", Credit = "Agency photo" };
        var counts = await DbAsync(app, async db => (await db.Articles.CountAsync(Ct), await db.Images.CountAsync(Ct), await db.ArticleRevisions.CountAsync(Ct), await db.WireStories.CountAsync(Ct)));

        var refused = (await desk.ReceiveAsync(source, Wire.Item(id) with { Pictures = [picture] })).Single();
        Assert.Equal(WireOutcome.Quarantined, refused.Status);
        Assert.Equal("The article could not be written: section: Section is required.", refused.Reason);
        Assert.Equal(counts, await DbAsync(app, async db => (await db.Articles.CountAsync(Ct), await db.Images.CountAsync(Ct), await db.ArticleRevisions.CountAsync(Ct), await db.WireStories.CountAsync(Ct))));

        var tooLong = (await desk.ReceiveAsync(source, Wire.Item(Api.Api.Unique("urn:test:long"), headline: new string('h', ArticleWriter.MaxHeadline + 1)))).Single();
        Assert.Contains("headline: Headline must be at most 300 characters.", tooLong.Reason);

        await Wire.SaveRulesAsync(app, new Broadsheet.Ingest.WireSourceInput { Name = source, Section = section, AutoPublish = true });
        var entryId = await DbAsync(app, db => db.WireEntries.Where(e => e.ItemId == id).Select(e => e.Id).SingleAsync(Ct));
        var retried = await app.Desk().RetryAsync(entryId, Ct);
        Assert.Equal(WireOutcome.Created, retried!.Status);
        var article = await DbAsync(app, db => db.Articles.AsNoTracking().Include(a => a.HeroImage).FirstAsync(a => a.Id == retried.ArticleId, Ct));
        Assert.Equal(("The harbour", "Agency photo", "The harbour"), (article.HeroImage!.Caption, article.HeroImage.Credit, article.HeroImage.Alt));
        Assert.Equal(WireOutcome.Duplicate, (await desk.ReceiveAsync(source, Wire.Item(id))).Single().Status);
    }

    [Fact]
    public async Task A_picture_is_fetched_from_its_link_and_a_delivery_that_is_no_item_is_quarantined_whole()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var (source, _) = await Wire.SourceAsync(app);
        using var admin = app.AdminClient();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(TestImages.Encode(80, 60)), "file", "source.jpg" },
            { new StringContent("A photo to fetch"), "alt" },
        };
        var uploaded = await Api.Api.ExpectAsync(admin.PostAsync("/api/admin/images", form, Ct), HttpStatusCode.Created);
        var href = new Uri(app.BaseAddress, uploaded["url"]!.GetValue<string>());
        var item = Wire.Item(Api.Api.Unique("urn:test:picture")) with
        {
            Pictures = [new WirePicture { Href = href, Caption = "Ferries at noon", Credit = "Photo: Agency", Alt = "Two ferries at the quay" }],
        };
        var outcome = (await app.Desk().ReceiveAsync(source, item)).Single();
        Assert.Equal(WireOutcome.Created, outcome.Status);
        var hero = await DbAsync(app, db => db.Articles.Where(a => a.Id == outcome.ArticleId).Select(a => a.HeroImage!).FirstAsync(Ct));
        Assert.Equal(("Ferries at noon", "Photo: Agency", "Two ferries at the quay"), (hero.Caption, hero.Credit, hero.Alt));

        var missing = (await app.Desk().ReceiveAsync(source, Wire.Item(Api.Api.Unique("urn:test:nopic")) with
        {
            Pictures = [new WirePicture { Href = new Uri(app.BaseAddress, "/media/no-such-picture.jpg") }],
        })).Single();
        Assert.Equal(WireOutcome.Created, missing.Status);
        Assert.Contains("could not be fetched: the server answered 404", missing.Reason);

        var junk = "not wire copy"u8.ToArray();
        var receipt = await app.Desk().ReceiveAsync(new WireDelivery(junk, "text/plain", "test", source), Ct);
        Assert.Empty(receipt.Items);
        Assert.NotNull(receipt.NotAnItem);
        var kept = await DbAsync(app, db => db.WireEntries.Include(e => e.Arrival).Where(e => e.Source == source && e.Status == WireStatus.Quarantined).SingleAsync(Ct));
        Assert.Equal(junk, kept.Arrival!.Body);
        Assert.Equal(receipt.NotAnItem, kept.Reason);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Deliveries_of_one_item_at_once_make_one_article(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var (source, _) = await Wire.SourceAsync(app);
        var desk = app.Desk();
        var id = Api.Api.Unique("urn:test:race");

        var outcomes = (await Task.WhenAll(Enumerable.Range(0, 6).Select(n =>
            Task.Run(() => desk.ReceiveAsync(source, Wire.Item(id, 1 + (n % 2))), Ct)))).Select(r => r.Single()).ToList();

        var articles = await DbAsync(app, db => db.WireStories.Where(s => s.Source == source).Select(s => s.ArticleId).ToListAsync(Ct));
        var articleId = Assert.Single(articles);
        Assert.All(outcomes, o => Assert.Equal(articleId, o.ArticleId));
        Assert.Equal(1, outcomes.Count(o => o.Status == WireOutcome.Created));
        Assert.InRange(outcomes.Count(o => o.Status == WireOutcome.Updated), 0, 1);
        Assert.Equal(1, await DbAsync(app, db => db.Articles.CountAsync(a => a.Id == articleId, Ct)));
        Assert.Equal(outcomes.Count(o => o.Status != WireOutcome.Duplicate) + outcomes.Count(o => o.Reason?.Contains("not newer") == true),
            await DbAsync(app, db => db.WireEntries.CountAsync(e => e.Source == source, Ct)));
    }
}
