using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Broadsheet.Articles;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Api;

[Collection(SharedAppsCollection.Name)]
public class AdminArticlesTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(BroadsheetApp App, HttpClient Admin, string Section)> SetUpAsync(ApiApps apps, DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var top = Api.Unique("asia");
        await admin.PutSectionAsync(top, "Asia");
        await admin.PutSectionAsync($"{top}/east-asia", "East Asia");
        return (app, admin, $"{top}/east-asia");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Articles_created_at_once_naming_the_same_new_topics_and_agency_all_succeed_and_share_them(DatabaseProvider provider)
    {
        var (app, admin, section) = await SetUpAsync(apps, provider);
        string[] topics = [Api.Unique("Harbour"), Api.Unique("Ferries"), Api.Unique("Budget")];
        var agency = Api.Unique("Coast Wire");
        const int Writers = 12;

        var responses = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async n =>
        {
            using var client = app.AdminClient();
            var article = Api.ArticleJson(section, $"Ferry story {n}");
            article["topics"] = new JsonArray([.. topics.Select(t => (JsonNode)t)]);
            article["byline"] = new JsonArray(new JsonObject { ["name"] = agency, ["kind"] = "agency" });
            using var response = await client.PostAsync("/api/admin/articles", Api.Json(article.ToJsonString()), Ct);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
        }));

        Assert.All(responses, r => Assert.True(r.Item1 == 201, $"{r.Item1}: {r.Item2}"));
        var slugs = topics.Select(t => Slugs.From(t)).ToList();
        Assert.Equal(3, await app.InScopeAsync(db => db.Topics.CountAsync(t => slugs.Contains(t.Slug), Ct)));
        var agencySlug = Slugs.From(agency);
        var agencyId = await app.InScopeAsync(db => db.Contributors.Where(c => c.Slug == agencySlug).Select(c => c.Id).SingleAsync(Ct));
        Assert.Equal(Writers, await app.InScopeAsync(db => db.Articles.CountAsync(a => a.Byline.Any(b => b.ContributorId == agencyId), Ct)));
    }

    /// <summary>
    /// Writers creating and publishing at once, each naming topics and people of its own, all succeed: on SQLite,
    /// connections that lock tables against each other (its shared-cache mode) wait out the command timeout (30 s)
    /// and answer 503 "database table is locked".
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Writers_creating_and_publishing_at_once_all_succeed(DatabaseProvider provider)
    {
        var (app, _, section) = await SetUpAsync(apps, provider);
        const int Writers = 4;
        const int Rounds = 3;
        var answers = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async w =>
        {
            using var client = app.AdminClient();
            var statuses = new List<string>();
            for (var n = 0; n < Rounds; n++)
            {
                var name = Api.Unique($"w{w} n{n}");
                var article = Api.ArticleJson(section, $"Burst story {name}");
                article["topics"] = new JsonArray($"Topic {name}");
                article["byline"] = new JsonArray(new JsonObject { ["name"] = $"Writer {name}", ["kind"] = "person" });
                using var create = await client.PostAsync("/api/admin/articles", Api.Json(article.ToJsonString()), Ct);
                statuses.Add($"create {(int)create.StatusCode}");
                if (create.StatusCode != HttpStatusCode.Created)
                {
                    break;
                }
                var id = (await create.ReadJsonAsync())["id"]!.GetValue<int>();
                using var publish = await client.PostAsync($"/api/admin/articles/{id}/publish", null, Ct);
                statuses.Add($"publish {(int)publish.StatusCode}");
            }
            return statuses;
        }));

        var all = answers.SelectMany(a => a).ToList();
        Assert.True(all.All(s => s is "create 201" or "publish 200") && all.Count == Writers * Rounds * 2, string.Join(", ", all));
    }

    /// <summary>
    /// The property the burst above depends on, step by step: on the app's own SQLite connection string, a write
    /// transaction that holds a table leaves another connection free to read that table (WAL, a private cache per
    /// connection). In SQLite's shared-cache mode the reader is locked out of the table until the writer commits.
    /// </summary>
    [Fact]
    public async Task A_write_transaction_on_SQLite_leaves_other_connections_free_to_read_its_table()
    {
        var (app, _, _) = await SetUpAsync(apps, DatabaseProvider.Sqlite);
        string connectionString;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<Broadsheet.Data.BroadsheetDb>().Database.GetConnectionString()!;
        }
        await using var writer = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await writer.OpenAsync(Ct);
        await using var write = writer.BeginTransaction(deferred: false);
        await using (var touch = writer.CreateCommand())
        {
            touch.Transaction = write;
            touch.CommandText = "UPDATE \"Sections\" SET \"Position\" = \"Position\"";
            Assert.True(await touch.ExecuteNonQueryAsync(Ct) > 0);
        }

        await using var reader = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await reader.OpenAsync(Ct);
        await using var read = reader.CreateCommand();
        read.CommandText = "SELECT count(*) FROM \"Sections\"";
        read.CommandTimeout = 2;
        Assert.True((long)(await read.ExecuteScalarAsync(Ct))! > 0);
        await write.RollbackAsync(Ct);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Creating_an_article_answers_201_draft_and_creates_unknown_topics_and_contributors(DatabaseProvider provider)
    {
        var (app, admin, section) = await SetUpAsync(apps, provider);
        var imageId = await admin.UploadImageAsync();
        var topic = Api.Unique("North Korea");
        var agency = Api.Unique("Reuters");
        var person = Api.Unique("Jane Reporter");
        var request = new JsonObject
        {
            ["headline"] = "North Korea 'squandered' chance to improve relations, envoy says",
            ["summary"] = new JsonArray("The envoy said talks focused on obstacles.", "He defended top-level diplomacy."),
            ["section"] = section,
            ["topics"] = new JsonArray(topic, "Diplomacy"),
            ["byline"] = new JsonArray(new JsonObject { ["name"] = agency, ["kind"] = "agency" }, new JsonObject { ["name"] = person }),
            ["heroImage"] = new JsonObject { ["id"] = imageId.ToString(), ["caption"] = "The leaders meet.", ["credit"] = "TNS" },
            ["body"] = new JsonObject { ["markdown"] = "Talks **stalled**.\n\n> Much was squandered.\n> \u2014 The envoy" },
            ["language"] = "en-gb",
            ["type"] = "news",
            ["dateline"] = "SEOUL",
        };

        var response = await admin.PostAsync("/api/admin/articles", Api.Json(request.ToJsonString()), Ct);

        var created = await Task.FromResult(response).ExpectAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<int>();
        Assert.Equal($"/api/admin/articles/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("draft", created["status"]!.GetValue<string>());
        Assert.Equal("en-GB", created["language"]!.GetValue<string>());
        Assert.Equal([topic, "Diplomacy"], created["topics"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("The envoy", created["body"]!["blocks"]![1]!["attribution"]!.GetValue<string>());
        Assert.Equal($"/news/{section}/article/{id}/north-korea-squandered-chance-to-improve-relations-envoy-says", created["url"]!.GetValue<string>());

        var article = await app.InScopeAsync(db => db.Articles.AsNoTracking()
            .Include(a => a.Topics).ThenInclude(t => t.Topic).Include(a => a.Byline).ThenInclude(b => b.Contributor)
            .SingleAsync(a => a.Id == id, Ct));
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Null(article.FirstPublishedAt);
        Assert.Equal(Slugs.From(topic), article.PrimaryTopic!.Slug);
        Assert.Equal(0, article.Topics.Single(t => t.Topic.Name == topic).Position);
        var byline = article.Byline.OrderBy(b => b.Position).Select(b => (b.Contributor.Name, b.Contributor.Kind, b.Contributor.Slug)).ToList();
        Assert.Equal([(agency, ContributorKind.Agency, Slugs.From(agency)), (person, ContributorKind.Person, Slugs.From(person))], byline);
        Assert.Equal(imageId, article.HeroImageId);
        Assert.Equal("TNS", article.HeroCredit);

        // The same names again, differently cased, reuse what exists.
        var before = await app.RowCountsAsync();
        var again = Api.ArticleJson(section);
        again["topics"] = new JsonArray(topic.ToUpperInvariant());
        again["byline"] = new JsonArray(new JsonObject { ["name"] = agency.ToLowerInvariant(), ["kind"] = "agency" });
        await admin.CreateArticleAsync(again);
        var after = await app.RowCountsAsync();
        Assert.Equal(before["topics"], after["topics"]);
        Assert.Equal(before["contributors"], after["contributors"]);
        Assert.Equal(before["articles"] + 1, after["articles"]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_body_may_be_html_or_typed_blocks_and_raw_html_is_never_stored(DatabaseProvider provider)
    {
        var (app, admin, section) = await SetUpAsync(apps, provider);

        var fromHtml = Api.ArticleJson(section);
        fromHtml["body"] = new JsonObject
        {
            ["html"] = "<h1>Setting</h1><p onclick=\"x()\">Hello <b>bold</b> <a href=\"javascript:alert(1)\">link</a></p><script>alert('x')</script><ul><li>one</li></ul>",
        };
        var htmlId = await admin.CreateArticleAsync(fromHtml);

        var fromBlocks = Api.ArticleJson(section);
        fromBlocks["body"] = JsonNode.Parse("""
            {"blocks": [
              {"type": "heading", "text": "Context", "level": 3},
              {"content": [{"text": "Typed "}, {"text": "runs", "italic": true, "href": "https://example.org/"}], "type": "paragraph"},
              {"type": "quote", "content": [{"text": "Pulled."}], "pull": true},
              {"type": "embed", "url": "https://video.example/v/1", "title": "Interview"},
              {"type": "divider"}
            ]}
            """);
        var blocksId = await admin.CreateArticleAsync(fromBlocks);

        var html = await app.InScopeAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == htmlId, Ct));
        Assert.Equal(
            [
                new HeadingBlock("Setting", 2),
                new ParagraphBlock([new Inline("Hello "), new Inline("bold", Bold: true), new Inline(" link")]),
                new ListBlock([[new Inline("one")]]),
            ],
            html.Body,
            new Unit.BlockComparer());
        var blocks = await app.InScopeAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == blocksId, Ct));
        Assert.Equal(5, blocks.Body.Count);
        Assert.Equal(new Inline("runs", Italic: true, Href: "https://example.org/"), Assert.IsType<ParagraphBlock>(blocks.Body[1]).Content[1]);
        Assert.True(Assert.IsType<QuoteBlock>(blocks.Body[2]).Pull);
    }

    /// <summary>Each bad request: the body to send (or a change to a valid one), the fields its problem must name.</summary>
    public static TheoryData<DatabaseProvider, string, string, string[]> BadArticles()
    {
        var data = new TheoryData<DatabaseProvider, string, string, string[]>();
        (string Name, string Json, string[] Fields)[] cases =
        [
            ("malformed JSON", """{"headline": "x", "summary": ["a",, "b"]}""", ["summary[1]"]),
            ("truncated JSON", """{"headline": "x", "summary": [""", []),
            ("not an object", "[1, 2]", ["$"]),
            ("null document", "null", ["$"]),
            ("headline of the wrong type", """{"headline": 5}""", ["headline"]),
            ("summary of the wrong type", """{"summary": "one point"}""", ["summary"]),
            ("topic of the wrong type", """{"topics": [1]}""", ["topics[0]"]),
            ("byline name of the wrong type", """{"byline": [{"name": true}]}""", ["byline[0].name"]),
            ("hero id not a guid", """{"heroImage": {"id": "not-a-guid"}}""", ["heroImage.id"]),
            ("block without type", """{"body": {"blocks": [{"text": "x"}]}}""", ["body.blocks[0]"]),
            ("block of unknown type", """{"body": {"blocks": [{"type": "script", "text": "x"}]}}""", ["body.blocks[0]"]),
            ("block missing content", """{"body": {"blocks": [{"type": "divider"}, {"type": "paragraph"}]}}""", ["body.blocks[1]"]),
            ("missing headline", """{"headline": null}""", ["headline"]),
            ("blank headline", """{"headline": "   "}""", ["headline"]),
            ("headline too long", $$"""{"headline": "{{new string('h', 301)}}"}""", ["headline"]),
            ("six summary points", """{"summary": ["1", "2", "3", "4", "5", "6"]}""", ["summary"]),
            ("summary point too long", $$"""{"summary": ["ok", "ok", "{{new string('s', 301)}}"]}""", ["summary[2]"]),
            ("empty summary point", """{"summary": ["ok", ""]}""", ["summary[1]"]),
            ("unknown section", """{"section": "nowhere/at-all"}""", ["section"]),
            ("missing section", """{"section": null}""", ["section"]),
            ("invalid language", """{"language": "not a language"}""", ["language"]),
            ("unknown language", """{"language": "qq"}""", ["language"]),
            ("unknown type", """{"type": "poem"}""", ["type"]),
            ("numeric type", """{"type": "1"}""", ["type"]),
            ("unknown hero image", """{"heroImage": {"id": "3f2c8a41-5d1e-4b7a-9c60-2f8e1d0a7b55"}}""", ["heroImage.id"]),
            ("hero without id", """{"heroImage": {"caption": "x"}}""", ["heroImage.id"]),
            ("byline kind", """{"byline": [{"name": "Someone", "kind": "robot"}]}""", ["byline[0].kind"]),
            ("byline without name", """{"byline": [{"kind": "agency"}]}""", ["byline[0].name"]),
            ("duplicate topic", """{"topics": ["Trade", "trade"]}""", ["topics[1]"]),
            ("missing body", """{"body": null}""", ["body"]),
            ("two body formats", """{"body": {"markdown": "a", "html": "<p>b</p>"}}""", ["body"]),
            ("empty body object", """{"body": {}}""", ["body"]),
            ("heading level", """{"body": {"blocks": [{"type": "heading", "text": "x", "level": 1}]}}""", ["body.blocks[0].level"]),
            ("unsafe link in blocks", """{"body": {"blocks": [{"type": "paragraph", "content": [{"text": "x", "href": "javascript:alert(1)"}]}]}}""", ["body.blocks[0].content[0].href"]),
            ("unknown image block", """{"body": {"blocks": [{"type": "image", "imageId": "3f2c8a41-5d1e-4b7a-9c60-2f8e1d0a7b55"}]}}""", ["body.blocks[0].imageId"]),
            ("unknown image in markdown", """{"body": {"markdown": "![x](/media/3f2c8a41-5d1e-4b7a-9c60-2f8e1d0a7b55)"}}""", ["body.markdown"]),
            ("dateline too long", $$"""{"dateline": "{{new string('d', 121)}}"}""", ["dateline"]),
            ("slug override not a slug", """{"slug": "Not A Slug"}""", ["slug"]),
            ("many at once", """{"headline": "", "section": "nope", "type": "poem", "summary": [""]}""", ["headline", "section", "type", "summary[0]"]),
        ];
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL })
        {
            foreach (var (name, json, fields) in cases)
            {
                data.Add(provider, name, json, fields);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BadArticles))]
    public async Task Bad_input_is_a_problem_naming_each_field_and_writes_nothing(DatabaseProvider provider, string name, string json, string[] fields)
    {
        var (app, admin, section) = await SetUpAsync(apps, provider);
        // Partial bodies patch a valid article (with a topic and contributor that do not exist yet), so only the named field is wrong.
        var body = json;
        if (TryParseObject(json) is { } patch)
        {
            var valid = Api.ArticleJson(section);
            valid["topics"] = new JsonArray(Api.Unique("Brand new topic"));
            valid["byline"] = new JsonArray(new JsonObject { ["name"] = Api.Unique("New Agency"), ["kind"] = "agency" });
            foreach (var (key, value) in patch.ToList())
            {
                valid[key] = value?.DeepClone();
            }
            body = valid.ToJsonString();
        }
        var before = await app.RowCountsAsync();

        var response = await admin.PostAsync("/api/admin/articles", Api.Json(body), Ct);

        var problem = await Api.AssertProblemAsync(response, Api.BadInput, fields);
        Assert.True(problem["errors"]!.AsObject().Count > 0, name);
        Assert.Equal(before, await app.RowCountsAsync());
    }

    private static JsonObject? TryParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_body_that_is_not_json_is_refused_with_a_problem(DatabaseProvider provider)
    {
        var (app, admin, _) = await SetUpAsync(apps, provider);
        var before = await app.RowCountsAsync();

        var response = await admin.PostAsync("/api/admin/articles", new StringContent("headline=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);

        await Api.AssertProblemAsync(response, [415], "$");
        Assert.Equal(before, await app.RowCountsAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Updates_use_the_same_shape_and_if_match_guards_the_version(DatabaseProvider provider)
    {
        var (app, admin, section) = await SetUpAsync(apps, provider);
        var id = await admin.CreateArticleAsync(Api.ArticleJson(section, "First headline"));

        var get = await admin.GetAsync($"/api/admin/articles/{id}", Ct);
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        var article = (await Task.FromResult(get).ExpectAsync(HttpStatusCode.OK)).AsObject();
        article["headline"] = "Second headline";
        article["topics"] = new JsonArray("Second topic", "Diplomacy");
        // Sent back, the slug would be an override; without it a draft's URL follows its headline.
        Assert.True(article.Remove("slug"));

        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/articles/{id}") { Content = Api.Json(article.ToJsonString()) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var updated = await admin.SendAsync(put, Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, updated["version"]!.GetValue<int>());
        Assert.Equal("Second headline", updated["headline"]!.GetValue<string>());
        Assert.Equal(["Second topic", "Diplomacy"], updated["topics"]!.AsArray().Select(t => t!.GetValue<string>()));
        // Still a draft, so the URL follows the headline.
        Assert.EndsWith("/second-headline", updated["url"]!.GetValue<string>(), StringComparison.Ordinal);

        var before = await app.RowCountsAsync();
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/articles/{id}") { Content = Api.Json(article.ToJsonString()) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        await Api.AssertProblemAsync(await admin.SendAsync(stale, Ct), [412]);

        article["headline"] = "";
        await Api.AssertProblemAsync(await admin.PutAsync($"/api/admin/articles/{id}", Api.Json(article.ToJsonString()), Ct), Api.BadInput, "headline");
        Assert.Equal(before, await app.RowCountsAsync());
        var unchanged = await admin.GetJsonAsync($"/api/admin/articles/{id}");
        Assert.Equal("Second headline", unchanged["headline"]!.GetValue<string>());
        Assert.Equal(2, unchanged["version"]!.GetValue<int>());

        await Api.AssertProblemAsync(await admin.PutAsync("/api/admin/articles/999999", Api.Json(Api.ArticleJson(section).ToJsonString()), Ct), [404]);
        await Api.AssertProblemAsync(await admin.GetAsync("/api/admin/articles/999999", Ct), [404]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Deleting_removes_the_article(DatabaseProvider provider)
    {
        var (app, admin, section) = await SetUpAsync(apps, provider);
        var id = await admin.CreateArticleAsync(Api.ArticleJson(section));
        await admin.PublishAsync(id);
        var before = await app.RowCountsAsync();

        await admin.DeleteAsync($"/api/admin/articles/{id}", Ct).ExpectAsync(HttpStatusCode.NoContent);

        await Api.AssertProblemAsync(await admin.GetAsync($"/api/admin/articles/{id}", Ct), [404]);
        await Api.AssertProblemAsync(await app.Client().GetAsync($"/api/v1/articles/{id}", Ct), [404]);
        await Api.AssertProblemAsync(await admin.DeleteAsync($"/api/admin/articles/{id}", Ct), [404]);
        var after = await app.RowCountsAsync();
        Assert.Equal(before["articles"] - 1, after["articles"]);
        Assert.Equal(before["articleTopics"] - 1, after["articleTopics"]);
        Assert.Equal(before["topics"], after["topics"]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Publishing_unpublishing_and_updating_keep_the_reader_facing_times_right(DatabaseProvider provider)
    {
        var (app, admin, section) = await SetUpAsync(apps, provider);
        var reader = app.Client();
        var id = await admin.CreateArticleAsync(Api.ArticleJson(section, "Envoy urges talks"));
        await Api.AssertProblemAsync(await reader.GetAsync($"/api/v1/articles/{id}", Ct), [404]);

        var published = await admin.PublishAsync(id);
        Assert.Equal($"/news/{section}/article/{id}/envoy-urges-talks", published["url"]!.GetValue<string>());
        Assert.Equal("published", published["status"]!.GetValue<string>());
        var firstPublished = published["firstPublished"]!.GetValue<DateTimeOffset>();
        Assert.Null(published["lastUpdated"]);
        var seen = await reader.GetJsonAsync($"/api/v1/articles/{id}");
        Assert.Equal(published["url"]!.GetValue<string>(), seen["url"]!.GetValue<string>());

        // Publishing again changes nothing.
        var again = await admin.PublishAsync(id);
        Assert.Equal(published["version"]!.GetValue<int>(), again["version"]!.GetValue<int>());

        // An edit to a published article shows as an update; its URL stays.
        var edit = (await admin.GetJsonAsync($"/api/admin/articles/{id}")).AsObject();
        edit["headline"] = "Envoy urges new talks";
        var updated = await admin.PutAsync($"/api/admin/articles/{id}", Api.Json(edit.ToJsonString()), Ct).ExpectAsync(HttpStatusCode.OK);
        var lastUpdated = updated["lastUpdated"]!.GetValue<DateTimeOffset>();
        Assert.True(lastUpdated >= firstPublished);
        Assert.EndsWith("/envoy-urges-talks", updated["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Envoy urges new talks", (await reader.GetJsonAsync($"/api/v1/articles/{id}"))["headline"]!.GetValue<string>());

        // Saving the same content again is not an update.
        var same = await admin.PutAsync($"/api/admin/articles/{id}", Api.Json(edit.ToJsonString()), Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(lastUpdated, same["lastUpdated"]!.GetValue<DateTimeOffset>());
        Assert.Equal(updated["version"]!.GetValue<int>(), same["version"]!.GetValue<int>());

        var unpublished = await admin.PostAsync($"/api/admin/articles/{id}/unpublish", null, Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("unpublished", unpublished["status"]!.GetValue<string>());
        await Api.AssertProblemAsync(await reader.GetAsync($"/api/v1/articles/{id}", Ct), [404]);

        // Republished unchanged: no update. Changed while away, then republished: an update.
        var back = await admin.PublishAsync(id);
        Assert.Equal(firstPublished, back["firstPublished"]!.GetValue<DateTimeOffset>());
        Assert.Equal(lastUpdated, back["lastUpdated"]!.GetValue<DateTimeOffset>());
        await admin.PostAsync($"/api/admin/articles/{id}/unpublish", null, Ct).ExpectAsync(HttpStatusCode.OK);
        edit["summary"] = new JsonArray("A changed point.");
        var whileAway = await admin.PutAsync($"/api/admin/articles/{id}", Api.Json(edit.ToJsonString()), Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(lastUpdated, whileAway["lastUpdated"]!.GetValue<DateTimeOffset>());
        var republished = await admin.PublishAsync(id);
        Assert.True(republished["lastUpdated"]!.GetValue<DateTimeOffset>() > lastUpdated);
        Assert.Equal(firstPublished, republished["firstPublished"]!.GetValue<DateTimeOffset>());

        // A draft cannot be unpublished; unknown articles are 404.
        var draft = await admin.CreateArticleAsync(Api.ArticleJson(section));
        await Api.AssertProblemAsync(await admin.PostAsync($"/api/admin/articles/{draft}/unpublish", null, Ct), [409]);
        await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/articles/999999/publish", null, Ct), [404]);

        // A stale If-Match on publish is refused.
        using var stalePublish = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/articles/{draft}/publish");
        stalePublish.Headers.IfMatch.Add(new EntityTagHeaderValue("\"7\""));
        await Api.AssertProblemAsync(await admin.SendAsync(stalePublish, Ct), [412]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Notes_go_on_published_articles_and_mark_them_updated(DatabaseProvider provider)
    {
        var (app, admin, section) = await SetUpAsync(apps, provider);
        var id = await admin.CreateArticleAsync(Api.ArticleJson(section));
        var correction = Api.Json("""{"kind": "correction", "text": "An earlier version misspelt the envoy's name."}""");

        await Api.AssertProblemAsync(await admin.PostAsync($"/api/admin/articles/{id}/notes", correction, Ct), [409]);

        await admin.PublishAsync(id);
        var before = await app.RowCountsAsync();
        await Api.AssertProblemAsync(await admin.PostAsync($"/api/admin/articles/{id}/notes", Api.Json("""{"kind": "erratum", "text": "x"}"""), Ct), Api.BadInput, "kind");
        await Api.AssertProblemAsync(await admin.PostAsync($"/api/admin/articles/{id}/notes", Api.Json("""{"kind": "update"}"""), Ct), Api.BadInput, "text");
        await Api.AssertProblemAsync(await admin.PostAsync($"/api/admin/articles/{id}/notes", Api.Json("""{"kind": "update", "text": 3}"""), Ct), Api.BadInput, "text");
        await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/articles/999999/notes", Api.Json("""{"kind": "update", "text": "x"}"""), Ct), [404]);
        Assert.Equal(before, await app.RowCountsAsync());

        var note = await admin.PostAsync($"/api/admin/articles/{id}/notes", correction, Ct).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("correction", note["kind"]!.GetValue<string>());
        await admin.PostAsync($"/api/admin/articles/{id}/notes", Api.Json("""{"kind": "update", "text": "Adds the ministry's response."}"""), Ct).ExpectAsync(HttpStatusCode.Created);

        var seen = await app.Client().GetJsonAsync($"/api/v1/articles/{id}");
        Assert.Equal(["correction", "update"], seen["notes"]!.AsArray().Select(n => n!["kind"]!.GetValue<string>()));
        Assert.Equal(seen["notes"]![1]!["at"]!.GetValue<DateTimeOffset>(), seen["lastUpdated"]!.GetValue<DateTimeOffset>());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_slug_override_is_used_and_listing_shows_drafts(DatabaseProvider provider)
    {
        var (_, admin, section) = await SetUpAsync(apps, provider);
        var request = Api.ArticleJson(section, "A very long headline about many things");
        request["slug"] = "short-slug";

        var id = await admin.CreateArticleAsync(request);

        Assert.EndsWith($"/article/{id}/short-slug", (await admin.GetJsonAsync($"/api/admin/articles/{id}"))["url"]!.GetValue<string>(), StringComparison.Ordinal);
        var list = await admin.GetJsonAsync($"/api/admin/articles?status=draft&section={section}");
        Assert.Contains(id, list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()));
        await Api.AssertProblemAsync(await admin.GetAsync("/api/admin/articles?status=lost", Ct), Api.BadInput, "status");
    }
}
