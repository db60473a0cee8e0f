using System.Diagnostics;
using System.Net;
using Broadsheet.Articles;
using Broadsheet.Articles.Workflow;
using Broadsheet.Edge;
using Broadsheet.Listen;
using Broadsheet.Tests.Api;
using ApiSupport = Broadsheet.Tests.Api.Api;
using Broadsheet.Tests.Faults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Operations;

/// <summary>
/// Several instances behind Varnish (<see cref="ScaleOutSite"/>): pages are cached by Varnish and purged by surrogate
/// key on every change, whichever instance made it; the worker alone runs scheduled publishing and makes audio.
/// </summary>
public sealed class ScaleOutTests(ScaleOutSite site) : IClassFixture<ScaleOutSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A change shows within this long everywhere, Varnish included.</summary>
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(1);

    /// <summary>Varnish names two transactions (this one and the one that stored the object) on a hit.</summary>
    private static bool IsVarnishHit(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Varnish", out var ids) && ids.Single().Split(' ').Length == 2;

    private static async Task<(HttpResponseMessage Response, string Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<string> PublishAsync(HttpClient admin, string section, string headline, string topic, string author)
    {
        var article = ApiSupport.ArticleJson(section, headline);
        article["topics"] = new System.Text.Json.Nodes.JsonArray(topic);
        article["byline"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["name"] = author, ["kind"] = "person" });
        var id = await admin.CreateArticleAsync(article);
        var published = await admin.PublishAsync(id);
        return new Uri(new Uri("http://x"), published["url"]!.GetValue<string>()).PathAndQuery;
    }

    /// <summary>Waits, with a deadline, until <paramref name="condition"/> holds; returns how long that took.</summary>
    private static async Task<TimeSpan> WithinAsync(TimeSpan deadline, string what, Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        await AppProcess.WaitUntilAsync(condition, deadline, what, Ct);
        return clock.Elapsed;
    }

    /// <summary>
    /// Waits until web 2 has sent every purge of its writes, the second sending (<c>RepurgeSeconds</c>) included, so a
    /// page cached after this stays cached until a later change. Setup writes go through web 2 for this reason: web 1 is
    /// a process apart, whose queue the test cannot see.
    /// </summary>
    private Task PurgesSentAsync()
    {
        var queue = site.Web2.Services.GetRequiredService<PurgeQueue>();
        return AppProcess.WaitUntilAsync(() => Task.FromResult(queue.Pending == 0), TimeSpan.FromSeconds(10), "web 2 sent its purges", Ct);
    }

    [Fact]
    public async Task Varnish_caches_a_page_a_correction_shows_through_it_within_a_second_and_untouched_pages_stay_cached()
    {
        using var setup = site.Web2.AdminClient();
        using var admin = site.Web1.AdminClient();
        using var varnish = site.VarnishClient();
        await setup.PutSectionAsync("harbour", "Harbour");
        await setup.PutSectionAsync("weather", "Weather");
        var corrected = await PublishAsync(setup, "harbour", "Ferry fares rise in spring", "Ferries", "Ana Ruiz");
        var untouched = await PublishAsync(setup, "weather", "Storm warning lifted for the coast", "Storms", "Ben Okafor");
        await PurgesSentAsync();

        foreach (var path in new[] { corrected, untouched })
        {
            var (first, _) = await GetAsync(varnish, path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var (second, _) = await GetAsync(varnish, path);
            Assert.True(IsVarnishHit(second), $"The second request for {path} was a Varnish hit");
            Assert.True(second.Headers.Age is not null, "A hit carries Age");
            Assert.False(second.Headers.Contains("xkey"), "Varnish's own key header stays inside");
        }

        var note = "Correction: the fares rise in summer, not spring.";
        await admin.PostAsync($"/api/admin/articles/{Id(corrected)}/notes", ApiSupport.Json(new { kind = "correction", text = note }), Ct).ExpectAsync(HttpStatusCode.Created);
        await WithinAsync(Promptly, "the correction showed through Varnish", async () => (await GetAsync(varnish, corrected)).Body.Contains("the fares rise in summer", StringComparison.Ordinal));

        var (still, _) = await GetAsync(varnish, untouched);
        Assert.True(IsVarnishHit(still), "A page the correction does not touch is still served by Varnish");
    }

    [Fact]
    public async Task Publishing_on_one_web_process_shows_on_both_and_through_varnish_within_a_second()
    {
        using var setup = site.Web2.AdminClient();
        using var admin = site.Web1.AdminClient();
        using var web1 = site.Web1.Client();
        using var web2 = site.Web2.Client();
        using var varnish = site.VarnishClient();
        await setup.PutSectionAsync("markets", "Markets");
        await PublishAsync(setup, "markets", "Fish market opens at dawn", "Fishing", "Chen Wei");
        await PurgesSentAsync();
        // Each reader's copy of the section page is cached before the new article: web2's own output cache (in Redis) and Varnish.
        foreach (var client in new[] { web1, web2, varnish })
        {
            Assert.DoesNotContain("Harbour crane", (await GetAsync(client, "/news/markets")).Body);
        }
        Assert.True(IsVarnishHit((await GetAsync(varnish, "/news/markets")).Response));

        var article = ApiSupport.ArticleJson("markets", "Harbour crane lifts record load");
        var id = await admin.CreateArticleAsync(article);
        await admin.PublishAsync(id);

        foreach (var (client, where) in new[] { (web1, "web 1"), (web2, "web 2"), (varnish, "Varnish") })
        {
            await WithinAsync(Promptly, $"the section page on {where} listed the new article",
                async () => (await GetAsync(client, "/news/markets")).Body.Contains("Harbour crane lifts record load", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_worker_publishes_a_scheduled_article_once_and_makes_its_audio_once()
    {
        using var admin = site.Web2.AdminClient();
        using var varnish = site.VarnishClient();
        await admin.PutSectionAsync("tides", "Tides");
        var id = await admin.CreateArticleAsync(ApiSupport.ArticleJson("tides", "Spring tide floods the quay"));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(varnish, "/news/tides")).Response.StatusCode);
        await using (var db = site.Database.Open())
        {
            // As the newsroom's schedule button leaves it: the worker's poller takes it from here.
            var due = DateTimeOffset.UtcNow.AddSeconds(1);
            Assert.Equal(1, await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, ArticleStatus.Scheduled)
                .SetProperty(a => a.ScheduledFor, due), Ct));
        }
        await WithinAsync(TimeSpan.FromSeconds(15), "the scheduled article was listed through Varnish",
            async () => (await GetAsync(varnish, "/news/tides")).Body.Contains("Spring tide floods the quay", StringComparison.Ordinal));
        await WithinAsync(TimeSpan.FromSeconds(60), "the worker made the article's audio", async () =>
        {
            await using var db = site.Database.Open();
            return await db.ArticleAudio.AnyAsync(a => a.ArticleId == id && a.Status == AudioStatus.Ready, Ct);
        });

        await using var check = site.Database.Open();
        var claims = await check.AuditEntries.Where(e => e.ArticleId == id && e.Action == AuditAction.Published).ToListAsync(Ct);
        var claim = Assert.Single(claims);
        Assert.Equal(ScheduledPublisher.SchedulerName, claim.UserName);
        var audio = await check.ArticleAudio.Where(a => a.ArticleId == id).ToListAsync(Ct);
        var made = Assert.Single(audio);
        Assert.Equal(AudioStatus.Ready, made.Status);
        Assert.Equal(1, made.Attempts);
        Assert.Contains($"Audio ready: article {id},", site.Worker.Log, StringComparison.Ordinal);
        foreach (var log in new[] { site.Web1.Log, string.Join('\n', site.Web2.LogLines) })
        {
            Assert.DoesNotContain($"Audio ready: article {id},", log, StringComparison.Ordinal);
            Assert.Contains("web-only, no engine loaded", log, StringComparison.Ordinal);
        }
    }

    private static int Id(string articlePath) => int.Parse(articlePath.Split('/')[^2], System.Globalization.CultureInfo.InvariantCulture);
}
