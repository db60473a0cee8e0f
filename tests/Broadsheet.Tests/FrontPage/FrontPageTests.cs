using System.Net;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Newsroom;
using Broadsheet.Data;
using Broadsheet.FrontPage;
using Broadsheet.Tests.Infrastructure;
using Broadsheet.Tests.Reader;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Broadsheet.Tests.FrontPage;

/// <summary>An app on a clock the test moves, hearing every eviction, with the reader's sample publication.</summary>
public sealed class FrontPageApp : BroadsheetApp
{
    public FrontPageApp(DatabaseProvider provider)
        : base(provider)
    {
        Clock = Time;
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public EvictionLog Evictions { get; } = new();

    public ReaderData Data { get; private set; } = null!;

    public async Task<FrontPageApp> SeededAsync()
    {
        if (Data is null)
        {
            Data = await ReaderData.SeedAsync(this);
        }
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IContentChangeBroadcast>(Evictions));
    }
}

public sealed class FrontPageApps : ProviderApps<FrontPageApp>
{
    protected override FrontPageApp Create(DatabaseProvider provider) => new(provider);
}

/// <summary>The curation's writer, the home page it makes, its evictions at save and at expiry, and the read counts.</summary>
public sealed class FrontPageTests(FrontPageApps apps) : IClassFixture<FrontPageApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];

    private static readonly ChangedBy Editor = new("front-page-editor", "Front Page Editor");

    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private static async Task<WriteResult<List<FrontPageSlot>>> SaveAsync(FrontPageApp app, FrontPageInput input)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FrontPageWriter>().SaveAsync(input, Editor, ct: Ct);
    }

    private static async Task<T> WithDbAsync<T>(FrontPageApp app, Func<BroadsheetDb, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<BroadsheetDb>());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_editors_lead_leads_until_it_expires_then_the_automatic_order_takes_over(DatabaseProvider provider)
    {
        var app = await (await apps.On(provider)).SeededAsync();
        var data = app.Data;
        var client = app.Client();
        await SaveAsync(app, new FrontPageInput(null, []));

        // Nobody has chosen: the full story with a picture leads, not the newer bare ones.
        var home = await client.GetDocumentAsync("/");
        Assert.Equal("Border talks resume after a year of silence", home.QuerySelector(".lead h3").Text());
        var headlines = home.QuerySelectorAll("main h3").Select(h => h.Text()).ToList();
        Assert.Equal(headlines.Distinct(), headlines);

        app.Evictions.Clear();
        var pinnedAt = app.Time.GetUtcNow();
        var saved = await SaveAsync(app, new FrontPageInput(new SlotInput(data.WorldId, ExpiresAt: pinnedAt.AddSeconds(40)), [new SlotInput(data.SampleId)]));
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.SelectMany(e => e.Value)));
        Assert.Contains(CacheTags.Home, app.Evictions.Tags);

        using (var response = await client.GetAsync("/", Ct))
        {
            var page = Html.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.Equal("Ferry strike ends", page.QuerySelector(".lead h3").Text());
            Assert.Equal("A sample story about the port", page.QuerySelector(".top-stories h3").Text());
            // No cache may keep the page past the lead's expiry.
            Assert.True(response.Headers.CacheControl!.MaxAge <= TimeSpan.FromSeconds(40), response.Headers.CacheControl.ToString());
            Assert.True(response.Headers.CacheControl.SharedMaxAge <= TimeSpan.FromSeconds(40), response.Headers.CacheControl.ToString());
        }
        Assert.Equal("Ferry strike ends", (await client.GetDocumentAsync("/")).QuerySelector(".lead h3").Text());

        app.Evictions.Clear();
        app.Time.Advance(TimeSpan.FromSeconds(41));
        var evicted = await WithDbAsync(app, async db =>
            await new FrontPageTurnover(db, app.Services.GetRequiredService<ContentChanges>(), app.Services.GetRequiredService<MostReadEdition>()).EvictDueAsync(pinnedAt, app.Time.GetUtcNow(), Ct));
        Assert.True(evicted);
        Assert.Contains(CacheTags.Home, app.Evictions.Tags);
        var after = await client.GetDocumentAsync("/");
        Assert.Equal("Border talks resume after a year of silence", after.QuerySelector(".lead h3").Text());
        Assert.Equal("A sample story about the port", after.QuerySelector(".top-stories h3").Text());
        // Nothing else starts or ends: the next minutes evict nothing.
        Assert.False(await WithDbAsync(app, async db =>
            await new FrontPageTurnover(db, app.Services.GetRequiredService<ContentChanges>(), app.Services.GetRequiredService<MostReadEdition>()).EvictDueAsync(app.Time.GetUtcNow(), app.Time.GetUtcNow().AddMinutes(5), Ct)));

        var history = await WithDbAsync(app, db => db.Set<FrontPageRevision>().AsNoTracking().OrderByDescending(r => r.Id).FirstAsync(Ct));
        Assert.Equal(("Front Page Editor", "Lead: Ferry strike ends; 1 top story"), (history.UserName, history.Summary));
        await SaveAsync(app, new FrontPageInput(null, []));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_writer_refuses_what_cannot_go_on_the_front_page_and_writes_nothing(DatabaseProvider provider)
    {
        var app = await (await apps.On(provider)).SeededAsync();
        var data = app.Data;
        var now = app.Time.GetUtcNow();
        var before = await WithDbAsync(app, db => db.Set<FrontPageRevision>().CountAsync(Ct));

        var result = await SaveAsync(app, new FrontPageInput(
            new SlotInput(data.DraftId),
            [
                new SlotInput(424242),
                new SlotInput(data.WorldId, StartsAt: now.AddHours(2), ExpiresAt: now.AddHours(1)),
                new SlotInput(data.WorldId),
                new SlotInput(data.SampleId, ExpiresAt: now.AddMinutes(-1)),
            ]));
        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(["lead.articleId", "top[0].articleId", "top[1].expiresAt", "top[2].articleId", "top[3].expiresAt"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("not published", result.Errors["lead.articleId"][0], StringComparison.Ordinal);
        Assert.Contains("top story 2", result.Errors["top[2].articleId"][0], StringComparison.Ordinal);

        var tooMany = await SaveAsync(app, new FrontPageInput(null, [.. Enumerable.Repeat(new SlotInput(data.WorldId), FrontPageWriter.MaxTopStories + 1)]));
        Assert.True(tooMany.Errors.ContainsKey("top"));
        Assert.Equal(before, await WithDbAsync(app, db => db.Set<FrontPageRevision>().CountAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_admin_API_reads_and_replaces_the_curation_and_refuses_a_stale_or_invalid_one(DatabaseProvider provider)
    {
        var app = await (await apps.On(provider)).SeededAsync();
        var data = app.Data;
        var admin = app.AdminClient();
        var expires = DateTimeOffset.FromUnixTimeSeconds(app.Time.GetUtcNow().AddHours(3).ToUnixTimeSeconds());

        using var before = await admin.GetAsync("/api/admin/front-page", Ct);
        var read = await before.ReadJsonAsync();
        var revision = read["revision"]!.GetValue<long>();
        Assert.Equal($"\"{revision}\"", before.Headers.ETag!.Tag);

        using var save = new HttpRequestMessage(HttpMethod.Put, "/api/admin/front-page")
        {
            Content = Api.Api.Json(new { lead = new { articleId = data.WorldId }, top = new object[] { new { articleId = data.SampleId, expiresAt = expires } } }),
        };
        save.Headers.IfMatch.Add(before.Headers.ETag);
        using var saved = await admin.SendAsync(save, Ct);
        var curation = await Task.FromResult(saved).ExpectAsync(HttpStatusCode.OK);
        var now = curation["revision"]!.GetValue<long>();
        Assert.True(now > revision);
        Assert.Equal($"\"{now}\"", saved.Headers.ETag!.Tag);
        Assert.Equal(data.WorldId, curation["lead"]!["articleId"]!.GetValue<int>());
        Assert.True(curation["lead"]!["showing"]!.GetValue<bool>());
        Assert.StartsWith("/news/", curation["lead"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(data.SampleId, curation["top"]![0]!["articleId"]!.GetValue<int>());
        Assert.Equal(expires, curation["top"]![0]!["expiresAt"]!.GetValue<DateTimeOffset>());
        Assert.StartsWith("Admin API", curation["savedBy"]!.GetValue<string>(), StringComparison.Ordinal);

        // Based on the revision before that save: refused, and the curation stays as saved.
        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/admin/front-page") { Content = Api.Api.Json(new { lead = (object?)null, top = Array.Empty<object>() }) };
        stale.Headers.IfMatch.Add(before.Headers.ETag);
        using var refused = await admin.SendAsync(stale, Ct);
        var conflict = await Api.Api.AssertProblemAsync(refused, [StatusCodes.Status412PreconditionFailed]);
        Assert.Contains($"revision {now}", conflict["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var after = await admin.GetAsync("/api/admin/front-page", Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(now, after["revision"]!.GetValue<long>());
        Assert.Equal(data.WorldId, after["lead"]!["articleId"]!.GetValue<int>());

        // The writer's own messages, keyed by the JSON path, as the newsroom shows them on its rows.
        var invalid = await admin.PutAsync("/api/admin/front-page", Api.Api.Json(new { lead = new { articleId = data.DraftId }, top = new object[] { new { articleId = 424242 } } }), Ct);
        var problem = await Api.Api.AssertProblemAsync(invalid, [StatusCodes.Status422UnprocessableEntity], "lead.articleId", "top[0].articleId");
        Assert.Contains("not published", problem["errors"]!["lead.articleId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await Api.Api.AssertProblemAsync(await admin.PutAsync("/api/admin/front-page", Api.Api.Json(new { lead = (object?)null }), Ct), [StatusCodes.Status400BadRequest]);
        await Api.Api.AssertProblemAsync(await admin.PutAsync("/api/admin/front-page", Api.Api.Json("{\"top\": [{\"articleId\": \"one\"}]}"), Ct), [StatusCodes.Status400BadRequest], "top[0].articleId");
        Assert.Equal(now, (await admin.GetAsync("/api/admin/front-page", Ct).ExpectAsync(HttpStatusCode.OK))["revision"]!.GetValue<long>());

        var history = await admin.GetAsync("/api/admin/front-page/revisions", Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(now, history[0]!["revision"]!.GetValue<long>());
        Assert.Contains("Lead: ", history[0]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        using var anonymous = await app.Client().GetAsync("/api/admin/front-page", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await SaveAsync(app, new FrontPageInput(null, []));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Of_two_saves_made_at_once_from_the_same_revision_one_is_stored_and_the_other_refused(DatabaseProvider provider)
    {
        var app = await (await apps.On(provider)).SeededAsync();
        var data = app.Data;
        long revision;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            revision = (await scope.ServiceProvider.GetRequiredService<FrontPageWriter>().LatestAsync(Ct))?.Id ?? 0;
        }

        async Task<WriteResult<List<FrontPageSlot>>> SaveFromAsync(int lead)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<FrontPageWriter>().SaveAsync(new FrontPageInput(new SlotInput(lead), []), Editor, revision, Ct);
        }
        for (var round = 0; round < 5; round++)
        {
            var results = await Task.WhenAll(SaveFromAsync(data.WorldId), SaveFromAsync(data.SampleId));
            Assert.Equal([WriteStatus.Ok, WriteStatus.VersionMismatch], results.Select(r => r.Status).Order());
            var stored = results.Single(r => r.Succeeded).Value!.Single().ArticleId;
            Assert.Equal([stored], await WithDbAsync(app, db => db.Set<FrontPageSlot>().AsNoTracking().Select(s => s.ArticleId).ToListAsync(Ct)));
            Assert.Equal(1, await WithDbAsync(app, db => db.Set<FrontPageRevision>().CountAsync(r => r.Id > revision, Ct)));
            revision = await WithDbAsync(app, db => db.Set<FrontPageRevision>().MaxAsync(r => r.Id, Ct));
        }
        await SaveAsync(app, new FrontPageInput(null, []));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_editor_whose_page_is_older_than_the_last_save_is_shown_the_front_page_as_it_is_now(DatabaseProvider provider)
    {
        var app = await (await apps.On(provider)).SeededAsync();
        var data = app.Data;
        using var editor = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);
        var form = BrowserForm.Read(await editor.GetPageAsync("/newsroom/front-page", Ct), "#curation");

        // Another editor saves meanwhile; this editor's "Add" is based on the page as it was.
        Assert.True((await SaveAsync(app, new FrontPageInput(new SlotInput(data.SampleId), []))).Succeeded);
        using var response = await editor.Client.PostAsync("/newsroom/front-page", new FormUrlEncodedContent([.. form.Fields, new("add", data.WorldId.ToString(System.Globalization.CultureInfo.InvariantCulture))]), Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Not saved: Front Page Editor saved the front page", page, StringComparison.Ordinal);
        var shown = BrowserForm.Read(page, "#curation");
        Assert.Equal(data.SampleId.ToString(System.Globalization.CultureInfo.InvariantCulture), shown["Slots[0].ArticleId"]);
        Assert.Null(shown["Slots[1].ArticleId"]);
        var slots = await WithDbAsync(app, db => db.Set<FrontPageSlot>().AsNoTracking().Select(s => s.ArticleId).ToListAsync(Ct));
        Assert.Equal([data.SampleId], slots);

        // Made again on the page as it now is, the change is saved.
        using var again = await editor.Client.PostAsync("/newsroom/front-page", new FormUrlEncodedContent([.. shown.Fields, new("add", data.WorldId.ToString(System.Globalization.CultureInfo.InvariantCulture))]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal([data.SampleId, data.WorldId], await WithDbAsync(app, db => db.Set<FrontPageSlot>().AsNoTracking().OrderBy(s => s.Position).Select(s => s.ArticleId).ToListAsync(Ct)));
        await SaveAsync(app, new FrontPageInput(null, []));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reads_from_browsers_are_counted_in_memory_and_written_in_batches_and_robots_are_not(DatabaseProvider provider)
    {
        var app = await (await apps.On(provider)).SeededAsync();
        var data = app.Data;
        var client = app.Client();
        var origin = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        var counter = app.Services.GetRequiredService<ReadCounter>();
        await counter.FlushAsync(Ct);
        var stored = await WithDbAsync(app, db => db.Set<ArticleReadCount>().Where(r => r.ArticleId == data.BusinessId).SumAsync(r => r.Count, Ct));

        async Task BeaconAsync(int id, string agent, string? from)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/reads/{id}");
            request.Headers.TryAddWithoutValidation("User-Agent", agent);
            if (from is not null)
            {
                request.Headers.TryAddWithoutValidation("Origin", from);
            }
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.True(response.Headers.CacheControl!.NoStore);
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }
        for (var i = 0; i < 3; i++)
        {
            await BeaconAsync(data.BusinessId, Firefox, origin);
        }
        await BeaconAsync(data.BusinessId, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", origin);
        await BeaconAsync(data.BusinessId, Firefox, from: null);
        await BeaconAsync(data.BusinessId, Firefox, "https://elsewhere.example");
        await BeaconAsync(data.DraftId, Firefox, origin);
        await BeaconAsync(424242, Firefox, origin);

        Assert.Equal(3, counter.Pending(data.BusinessId));
        // Not one write per read.
        Assert.Equal(stored, await WithDbAsync(app, db => db.Set<ArticleReadCount>().Where(r => r.ArticleId == data.BusinessId).SumAsync(r => r.Count, Ct)));

        await counter.FlushAsync(Ct);
        Assert.Equal(0, counter.Pending(data.BusinessId));
        Assert.Equal(stored + 3, await WithDbAsync(app, db => db.Set<ArticleReadCount>().Where(r => r.ArticleId == data.BusinessId).SumAsync(r => r.Count, Ct)));
        // A second batch in the same hour adds to the same row.
        await BeaconAsync(data.BusinessId, Firefox, origin);
        await counter.FlushAsync(Ct);
        var rows = await WithDbAsync(app, db => db.Set<ArticleReadCount>().AsNoTracking().Where(r => r.ArticleId == data.BusinessId).ToListAsync(Ct));
        Assert.Equal(stored + 4, rows.Sum(r => r.Count));
        Assert.Equal(rows.Count, rows.Select(r => r.Hour).Distinct().Count());
        // Drafts and unknown ids leave no trace.
        Assert.Equal(0, await WithDbAsync(app, db => db.Set<ArticleReadCount>().CountAsync(r => r.ArticleId == data.DraftId || r.ArticleId == 424242, Ct)));

        var mostRead = await WithDbAsync(app, db => new FrontPageStories(db, new PublishedArticles(db, app.Time), app.Time).MostReadAsync(app.Time.GetUtcNow(), Ct));
        Assert.Equal(data.BusinessId, mostRead[0]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Article_and_section_pages_show_the_hourly_most_read_which_moves_only_with_the_next_edition(DatabaseProvider provider)
    {
        var app = await (await apps.On(provider)).SeededAsync();
        var edition = app.Services.GetRequiredService<MostReadEdition>();
        var shown = await edition.StoriesAsync(Ct);
        var hour = MostReadEdition.EditionHour(app.Time.GetUtcNow());

        // Reads in the edition's own hour count for the next edition only: the list pages show stays as it is.
        // They are taken out again at the end: other tests of this app read the most read of the last 48 hours.
        try
        {
            await ShowsTheNextEditionAsync(app, edition, shown, hour);
        }
        finally
        {
            await WithDbAsync(app, db => db.Set<ArticleReadCount>().Where(r => r.Hour == hour && (r.ArticleId == app.Data.WorldId || r.ArticleId == app.Data.SampleId)).ExecuteDeleteAsync(Ct));
        }
    }

    private static async Task ShowsTheNextEditionAsync(FrontPageApp app, MostReadEdition edition, IReadOnlyList<RelatedArticle> shown, DateTimeOffset hour)
    {
        var data = app.Data;
        var client = app.Client();
        await WithDbAsync(app, async db =>
        {
            await db.Set<ArticleReadCount>().Where(r => r.Hour == hour && (r.ArticleId == data.WorldId || r.ArticleId == data.SampleId)).ExecuteDeleteAsync(Ct);
            db.Set<ArticleReadCount>().AddRange(
                new ArticleReadCount { ArticleId = data.WorldId, Hour = hour, Count = 1_000_000 },
                new ArticleReadCount { ArticleId = data.SampleId, Hour = hour, Count = 900_000 });
            return await db.SaveChangesAsync(Ct);
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<FrontPageTurnover>().AdvanceMostReadAsync(Ct));
        }
        Assert.Equal(shown, await edition.StoriesAsync(Ct));

        // The next hour's edition (once the hour's last reads are flushed) ranks them, and the pages showing it go.
        app.Evictions.Clear();
        app.Time.Advance(TimeSpan.FromHours(1));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The app's own clock may have moved it first: either way the pages are evicted once the list changed.
            await scope.ServiceProvider.GetRequiredService<FrontPageTurnover>().AdvanceMostReadAsync(Ct);
        }
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!app.Evictions.Tags.Contains(MostReadEdition.Tag) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
        }
        Assert.Contains(MostReadEdition.Tag, app.Evictions.Tags);

        var article = await client.GetDocumentAsync(data.LeadPath);
        var listed = article.QuerySelectorAll(".most-read li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain(data.LeadPath, listed);
        Assert.Equal(data.WorldPath, listed[0]);
        Assert.Contains($"/{data.SampleId}/", listed[1], StringComparison.Ordinal);
        var section = await client.GetDocumentAsync("/news/world");
        Assert.Equal(data.WorldPath, section.QuerySelector(".most-read li a")!.GetAttribute("href"));
    }
}
