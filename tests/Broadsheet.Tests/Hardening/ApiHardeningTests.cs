using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Broadsheet.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ApiSupport = Broadsheet.Tests.Api.Api;

namespace Broadsheet.Tests.Hardening;

[Collection(SharedAppsCollection.Name)]
public class ApiHardeningTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cached_public_answer_is_never_served_in_a_coding_the_client_did_not_ask_for()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var admin = app.AdminClient();
        var section = ApiSupport.Unique("coding");
        await admin.PutSectionAsync(section, "Coding");
        await admin.PublishAsync(await admin.CreateArticleAsync(ApiSupport.ArticleJson(section)));
        var client = app.Client();

        foreach (var url in new[] { "/api/v1/topics", $"/api/v1/articles?section={section}" })
        {
            using var brotli = new HttpRequestMessage(HttpMethod.Get, url);
            brotli.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            var compressed = await client.SendAsync(brotli, Ct);
            Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
            Assert.Equal(["br"], compressed.Content.Headers.ContentEncoding);

            var plain = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            Assert.NotNull(JsonNode.Parse(await plain.Content.ReadAsStringAsync(Ct)));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_page_far_past_the_end_is_empty_and_a_nonsense_page_is_a_problem(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var section = ApiSupport.Unique("paging");
        await admin.PutSectionAsync(section, "Paging");
        await admin.PublishAsync(await admin.CreateArticleAsync(ApiSupport.ArticleJson(section)));
        await admin.UploadImageAsync(200, 100);

        foreach (var (client, url) in new[]
        {
            (app.Client(), "/api/v1/articles"),
            (admin, "/api/admin/articles"),
            (admin, "/api/admin/images"),
        })
        {
            foreach (var page in new[] { int.MaxValue, int.MaxValue / 20 + 1 })
            {
                var json = await client.GetAsync($"{url}?page={page}", Ct).ExpectAsync(HttpStatusCode.OK);
                Assert.Empty(json["items"]!.AsArray());
                Assert.Equal(page, json["page"]!.GetValue<int>());
                Assert.Null(json["next"]);
            }
            foreach (var nonsense in new[] { "-1", "0", "99999999999", "1e3" })
            {
                await ApiSupport.AssertProblemAsync(await client.GetAsync($"{url}?page={nonsense}", Ct), [422], "page");
            }
        }
    }

    [Fact]
    public async Task A_json_body_over_the_size_limit_is_a_413_problem()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var admin = app.AdminClient();
        var article = ApiSupport.ArticleJson("nowhere");
        article["body"] = new JsonObject { ["markdown"] = new string('a', 31 * 1024 * 1024) };
        // The client waits for 100 Continue, as large uploads should, so it reads the answer instead of writing into a closed socket.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/articles") { Content = ApiSupport.Json(article.ToJsonString()) };
        request.Headers.ExpectContinue = true;
        var response = await admin.SendAsync(request, Ct);
        await ApiSupport.AssertProblemAsync(response, [413]);
    }

    [Fact]
    public async Task Responses_carry_a_permissions_policy_no_server_header_and_hsts_only_over_https()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var client = app.Client();
        foreach (var url in new[] { "/", "/api/v1/topics", "/no-such-page", "/newsroom/signin" })
        {
            var plain = await client.GetAsync(url, Ct);
            Assert.False(plain.Headers.Contains("Server"), $"{url} names its server");
            Assert.Contains("camera=()", plain.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
            Assert.False(plain.Headers.Contains("Strict-Transport-Security"), $"{url} sends HSTS over plain HTTP");

            using var https = new HttpRequestMessage(HttpMethod.Get, url);
            https.Headers.Add("X-Forwarded-Proto", "https");
            var secure = await client.SendAsync(https, Ct);
            Assert.StartsWith("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Control_characters_and_invisible_only_text_are_refused_in_every_text_field()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var admin = app.AdminClient();
        var section = ApiSupport.Unique("text");
        await admin.PutSectionAsync(section, "Text");
        foreach (var bad in new[] { "Bell \u0007 rings", "Null \u0000 here", " \u200B ", "\u202E\u2066", "\u00A0\u200D" })
        {
            var article = ApiSupport.ArticleJson(section, bad);
            article["summary"] = new JsonArray("Fine point.", bad);
            article["topics"] = new JsonArray(bad);
            article["byline"] = new JsonArray(new JsonObject { ["name"] = bad, ["kind"] = "person" });
            article["dateline"] = bad;
            var problem = await ApiSupport.AssertProblemAsync(await admin.PostAsync("/api/admin/articles", ApiSupport.Json(article.ToJsonString()), Ct), [422],
                "headline", "summary[1]", "topics[0]", "byline[0].name", "dateline");
            var text = problem.ToJsonString();
            Assert.True(text.Contains("control characters", StringComparison.Ordinal) || text.Contains("visible text", StringComparison.Ordinal), text);

            await ApiSupport.AssertProblemAsync(await admin.PostAsync("/api/admin/topics", ApiSupport.Json(new { name = bad }), Ct), [422], "name");
            await ApiSupport.AssertProblemAsync(await admin.PutAsync($"/api/admin/sections/{ApiSupport.Unique("s")}", ApiSupport.Json(new { name = bad }), Ct), [422], "name");
        }
        // Tabs and line breaks stay allowed where text runs over lines; a headline with an ordinary accent is fine.
        var good = ApiSupport.ArticleJson(section, "Café reopens \u2014 at last");
        good["dateline"] = "PARIS";
        await admin.PostAsync("/api/admin/articles", ApiSupport.Json(good.ToJsonString()), Ct).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Podcast_feeds_stay_valid_xml_whatever_text_was_stored_earlier()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var admin = app.AdminClient();
        var section = ApiSupport.Unique("feed");
        await admin.PutSectionAsync(section, "Feed");
        var id = await admin.CreateArticleAsync(ApiSupport.ArticleJson(section, "Clean headline"));
        await admin.PublishAsync(id);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Written straight to the database, as rows stored before the text rules were.
            var db = scope.ServiceProvider.GetRequiredService<Broadsheet.Data.BroadsheetDb>();
            var catalog = scope.ServiceProvider.GetRequiredService<Broadsheet.Speech.VoiceCatalog>();
            var voice = catalog.DefaultFor("en") ?? throw new InvalidOperationException("No English voice is installed.");
            var article = await db.Articles.SingleAsync(a => a.Id == id, Ct);
            article.Headline = "Bell \u0007 and null \u0000 in a headline";
            article.Summary = ["A \u0001 point.", "Lone \uD800 surrogate."];
            await db.ArticleScripts.Where(x => x.ArticleId == id).ExecuteDeleteAsync(Ct);
            db.Add(new Broadsheet.Listen.ArticleScript { ArticleId = id, ArticleVersion = article.Version, Fingerprint = new string('a', 64), Language = "en", CheckedAt = DateTimeOffset.UtcNow });
            db.Add(new Broadsheet.Listen.ArticleAudio
            {
                ArticleId = id, VoiceId = voice.Id, Fingerprint = new string('a', 64), Status = Broadsheet.Listen.AudioStatus.Ready,
                RequestedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow, CompletedAt = DateTimeOffset.UtcNow, DurationMs = 1000, Mp3Bytes = 100,
            });
            await db.SaveChangesAsync(Ct);
        }
        foreach (var url in new[] { "/feeds/podcast.xml", $"/feeds/podcast/{section}.xml" })
        {
            var response = await app.Client().GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var feed = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.Contains(feed.Descendants("title"), t => t.Value == "Bell  and null  in a headline");
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_failure_between_saving_new_names_and_the_article_leaves_no_orphan_topic_or_author(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var section = ApiSupport.Unique("orphans");
        await admin.PutSectionAsync(section, "Orphans");
        var failing = ApiSupport.Unique("Refused by the database");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The database refuses this one article's row, as a crash between the saves would leave it.
            var db = scope.ServiceProvider.GetRequiredService<Broadsheet.Data.BroadsheetDb>();
            var trigger = ApiSupport.Unique("refuse").Replace('-', '_');
            // Names made here from a GUID, so the SQL is built as text.
            var sql = provider == DatabaseProvider.Sqlite
                ? $"CREATE TRIGGER {trigger} BEFORE INSERT ON \"Articles\" WHEN NEW.\"Headline\" = '{failing}' BEGIN SELECT RAISE(ABORT, 'refused'); END;"
                : $"CREATE FUNCTION {trigger}() RETURNS trigger AS $$ BEGIN IF NEW.\"Headline\" = '{failing}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql; " +
                  $"CREATE TRIGGER {trigger} BEFORE INSERT ON \"Articles\" FOR EACH ROW EXECUTE FUNCTION {trigger}();";
            await db.Database.ExecuteSqlRawAsync(sql, Ct);
        }
        var topic = ApiSupport.Unique("Orphan topic");
        var author = ApiSupport.Unique("Orphan Author");
        var article = ApiSupport.ArticleJson(section, failing);
        article["topics"] = new JsonArray(topic);
        article["byline"] = new JsonArray(new JsonObject { ["name"] = author, ["kind"] = "person" });
        var refused = await admin.PostAsync("/api/admin/articles", ApiSupport.Json(article.ToJsonString()), Ct);
        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Broadsheet.Data.BroadsheetDb>();
            Assert.False(await db.Topics.AnyAsync(t => t.Name == topic, Ct));
            Assert.False(await db.Contributors.AnyAsync(c => c.Name == author, Ct));
        }
        var reader = app.Client();
        Assert.DoesNotContain((await reader.GetJsonAsync("/api/v1/topics")).AsArray(), t => t!["name"]!.GetValue<string>() == topic);
        Assert.DoesNotContain((await reader.GetJsonAsync("/api/v1/authors")).AsArray(), a => a!["name"]!.GetValue<string>() == author);

        // The same names in an article the database takes are saved with it.
        article["headline"] = "Accepted";
        var id = await admin.CreateArticleAsync(article);
        await admin.PublishAsync(id);
        Assert.Contains((await reader.GetJsonAsync("/api/v1/topics")).AsArray(), t => t!["name"]!.GetValue<string>() == topic);
    }
}
