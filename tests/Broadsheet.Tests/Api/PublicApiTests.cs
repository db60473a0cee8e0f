using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Broadsheet.Tests.Api;

[Collection(SharedAppsCollection.Name)]
public class PublicApiTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<int> Ids(JsonNode page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()).ToList();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Only_published_articles_are_visible(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var reader = app.Client();
        var section = Api.Unique("asia");
        await admin.PutSectionAsync(section, "Asia");
        var draft = await admin.CreateArticleAsync(Api.ArticleJson(section, "Draft story"));
        var published = await admin.CreateArticleAsync(Api.ArticleJson(section, "Published story"));
        await admin.PublishAsync(published);

        await Api.AssertProblemAsync(await reader.GetAsync($"/api/v1/articles/{draft}", Ct), [404]);
        Assert.Equal([published], Ids(await reader.GetJsonAsync($"/api/v1/articles?section={section}")));
        Assert.DoesNotContain(draft, Ids(await reader.GetJsonAsync("/api/v1/articles?pageSize=100")));

        await admin.PublishAsync(draft);
        Assert.Equal("Draft story", (await reader.GetJsonAsync($"/api/v1/articles/{draft}"))["headline"]!.GetValue<string>());
        await admin.PostAsync($"/api/admin/articles/{published}/unpublish", null, Ct).ExpectAsync(HttpStatusCode.OK);
        await Api.AssertProblemAsync(await reader.GetAsync($"/api/v1/articles/{published}", Ct), [404]);
        Assert.Equal([draft], Ids(await reader.GetJsonAsync($"/api/v1/articles?section={section}")));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task An_article_carries_the_whole_public_shape(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var top = Api.Unique("asia");
        await admin.PutSectionAsync(top, "Asia");
        await admin.PutSectionAsync($"{top}/east-asia", "East Asia");
        var imageId = await admin.UploadImageAsync(1000, 600);
        var person = Api.Unique("Jane Reporter");
        var request = Api.ArticleJson($"{top}/east-asia", "Envoy says chance was squandered");
        request["topics"] = new JsonArray("North Korea", "Diplomacy");
        request["byline"] = new JsonArray(new JsonObject { ["name"] = "Reuters", ["kind"] = "agency" }, new JsonObject { ["name"] = person, ["kind"] = "person" });
        request["heroImage"] = new JsonObject { ["id"] = imageId.ToString(), ["caption"] = "The leaders in 2019.", ["credit"] = "TNS" };
        request["dateline"] = "SEOUL";
        request["type"] = "analysis";
        var id = await admin.CreateArticleAsync(request);
        await admin.PublishAsync(id);

        var article = await app.Client().GetJsonAsync($"/api/v1/articles/{id}");

        Assert.Equal($"/news/{top}/east-asia/article/{id}/envoy-says-chance-was-squandered", article["url"]!.GetValue<string>());
        Assert.Equal($"{top}/east-asia", article["section"]!["path"]!.GetValue<string>());
        Assert.Equal("East Asia", article["section"]!["name"]!.GetValue<string>());
        Assert.Equal(["north-korea", "diplomacy"], article["topics"]!.AsArray().Select(t => t!["slug"]!.GetValue<string>()));
        var byline = article["byline"]!.AsArray();
        Assert.Equal("agency", byline[0]!["kind"]!.GetValue<string>());
        // Agencies have author pages too: their reports, linked from the byline.
        Assert.Equal($"/authors/{byline[0]!["slug"]!.GetValue<string>()}", byline[0]!["url"]!.GetValue<string>());
        Assert.Equal($"/authors/{byline[1]!["slug"]!.GetValue<string>()}", byline[1]!["url"]!.GetValue<string>());
        var hero = article["heroImage"]!;
        Assert.Equal(1000, hero["width"]!.GetValue<int>());
        Assert.Equal(600, hero["height"]!.GetValue<int>());
        Assert.Equal("Two leaders shake hands", hero["alt"]!.GetValue<string>());
        Assert.Equal("The leaders in 2019.", hero["caption"]!.GetValue<string>());
        Assert.Equal("TNS", hero["credit"]!.GetValue<string>());
        Assert.StartsWith($"/media/{imageId}/", hero["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(hero["renditions"]!.AsArray(), r => Assert.StartsWith($"/media/{imageId}/", r!["url"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal("paragraph", article["body"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(new JsonObject { ["text"] = "Thursday", ["bold"] = true }.ToJsonString(), article["body"]![0]!["content"]![1]!.ToJsonString());
        Assert.Equal("en", article["language"]!.GetValue<string>());
        Assert.Equal("analysis", article["type"]!.GetValue<string>());
        Assert.Equal("SEOUL", article["dateline"]!.GetValue<string>());
        Assert.NotNull(article["firstPublished"]);
        Assert.Empty(article["notes"]!.AsArray());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Lists_filter_by_section_with_subsections_topic_and_author_and_page_with_links(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var reader = app.Client();
        var top = Api.Unique("asia");
        await admin.PutSectionAsync(top, "Asia");
        await admin.PutSectionAsync($"{top}/east-asia", "East Asia");
        var topic = Api.Unique("Trade");
        var author = Api.Unique("Filter Writer");
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var request = Api.ArticleJson(i % 2 == 0 ? top : $"{top}/east-asia", $"Story {i}");
            request["topics"] = i < 3 ? new JsonArray(topic) : new JsonArray("Other");
            request["byline"] = i == 4 ? new JsonArray(new JsonObject { ["name"] = author }) : new JsonArray(new JsonObject { ["name"] = "Wire Desk", ["kind"] = "agency" });
            var id = await admin.CreateArticleAsync(request);
            await admin.PublishAsync(id);
            ids.Add(id);
        }
        ids.Reverse();

        Assert.Equal(ids, Ids(await reader.GetJsonAsync($"/api/v1/articles?section={top}")));
        Assert.Equal(ids.Where(id => ids.IndexOf(id) % 2 == 1), Ids(await reader.GetJsonAsync($"/api/v1/articles?section={top}/east-asia")));
        var topicSlug = Broadsheet.Articles.Slugs.From(topic);
        Assert.Equal(ids.TakeLast(3), Ids(await reader.GetJsonAsync($"/api/v1/articles?topic={topicSlug}")));
        Assert.Equal([ids[0]], Ids(await reader.GetJsonAsync($"/api/v1/articles?author={Broadsheet.Articles.Slugs.From(author)}")));
        // Story 1 is the only one both in the subsection and on the topic (newest first, it is fourth).
        Assert.Equal([ids[3]], Ids(await reader.GetJsonAsync($"/api/v1/articles?section={top}/east-asia&topic={topicSlug}")));
        Assert.Empty(Ids(await reader.GetJsonAsync("/api/v1/articles?section=no-such-section")));

        var seen = new List<int>();
        var url = $"/api/v1/articles?section={top}&pageSize=2";
        var pages = 0;
        while (url is not null)
        {
            var page = await reader.GetJsonAsync(url);
            Assert.Equal(5, page["total"]!.GetValue<int>());
            Assert.Equal(2, page["pageSize"]!.GetValue<int>());
            Assert.Equal(++pages, page["page"]!.GetValue<int>());
            Assert.Equal(pages == 1, page["previous"] is null);
            seen.AddRange(Ids(page));
            url = page["next"]?.GetValue<string>();
            Assert.True(url is null || url.Contains($"section={top}", StringComparison.Ordinal), url);
        }
        Assert.Equal(3, pages);
        Assert.Equal(ids, seen);

        await Api.AssertProblemAsync(await reader.GetAsync("/api/v1/articles?page=0", Ct), Api.BadInput, "page");
        await Api.AssertProblemAsync(await reader.GetAsync("/api/v1/articles?pageSize=1000", Ct), Api.BadInput, "pageSize");
        await Api.AssertProblemAsync(await reader.GetAsync("/api/v1/articles?page=two&pageSize=x", Ct), Api.BadInput, "page", "pageSize");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Public_answers_are_cacheable_and_revalidate_with_etags(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var reader = app.Client();
        var section = Api.Unique("world");
        await admin.PutSectionAsync(section, "World");
        var id = await admin.CreateArticleAsync(Api.ArticleJson(section));
        await admin.PublishAsync(id);

        foreach (var url in new[] { $"/api/v1/articles/{id}", $"/api/v1/articles?section={section}", "/api/v1/sections", "/api/v1/topics", "/api/v1/authors" })
        {
            var first = await reader.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var cacheControl = first.Headers.CacheControl!;
            Assert.True(cacheControl.Public, url);
            Assert.True(cacheControl.SharedMaxAge > TimeSpan.Zero, url);
            Assert.Contains(cacheControl.Extensions, e => e.Name == "stale-while-revalidate");
            var etag = first.Headers.ETag!;
            Assert.False(etag.IsWeak);

            using var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
            revalidate.Headers.IfNoneMatch.Add(etag);
            var notModified = await reader.SendAsync(revalidate, Ct);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));

            using var stale = new HttpRequestMessage(HttpMethod.Get, url);
            stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
            Assert.Equal(HttpStatusCode.OK, (await reader.SendAsync(stale, Ct)).StatusCode);
        }

        // A change makes a new ETag, so a revalidating cache gets the new content.
        var before = (await reader.GetAsync($"/api/v1/articles/{id}", Ct)).Headers.ETag!;
        await admin.PostAsync($"/api/admin/articles/{id}/notes", Api.Json("""{"kind": "update", "text": "Adds a response."}"""), Ct).ExpectAsync(HttpStatusCode.Created);
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{id}");
        again.Headers.IfNoneMatch.Add(before);
        var changed = await reader.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(before, changed.Headers.ETag);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Sections_topics_and_authors_are_listed(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var top = Api.Unique("sport");
        await admin.PutSectionAsync(top, "Sport");
        await admin.PutSectionAsync($"{top}/football", "Football");
        await admin.PutSectionAsync($"{top}/athletics", "Athletics");
        var topic = await admin.PostAsync("/api/admin/topics", Api.Json(new { name = Api.Unique("World Cup"), description = "The tournament." }), Ct).ExpectAsync(HttpStatusCode.Created);
        var person = await admin.PostAsync("/api/admin/contributors", Api.Json(new { name = Api.Unique("Sam Writer"), role = "Sports editor" }), Ct).ExpectAsync(HttpStatusCode.Created);
        var agency = await admin.PostAsync("/api/admin/contributors", Api.Json(new { name = Api.Unique("AFP"), kind = "agency" }), Ct).ExpectAsync(HttpStatusCode.Created);
        var reader = app.Client();

        var tree = (await reader.GetJsonAsync("/api/v1/sections")).AsArray().Single(s => s!["path"]!.GetValue<string>() == top)!;
        Assert.Equal("Sport", tree["name"]!.GetValue<string>());
        Assert.Equal([$"{top}/football", $"{top}/athletics"], tree["children"]!.AsArray().Select(c => c!["path"]!.GetValue<string>()));
        Assert.Equal($"/news/{top}/football", tree["children"]![0]!["url"]!.GetValue<string>());

        var topics = (await reader.GetJsonAsync("/api/v1/topics")).AsArray();
        var listed = topics.Single(t => t!["slug"]!.GetValue<string>() == topic["slug"]!.GetValue<string>())!;
        Assert.Equal("The tournament.", listed["description"]!.GetValue<string>());
        Assert.Equal($"/topics/{topic["slug"]!.GetValue<string>()}", listed["url"]!.GetValue<string>());

        var authors = (await reader.GetJsonAsync("/api/v1/authors")).AsArray();
        var writer = authors.Single(a => a!["slug"]!.GetValue<string>() == person["slug"]!.GetValue<string>())!;
        Assert.Equal("Sports editor", writer["role"]!.GetValue<string>());
        Assert.Equal("person", writer["kind"]!.GetValue<string>());
        Assert.NotNull(writer["url"]);
        Assert.Equal($"/authors/{agency["slug"]!.GetValue<string>()}",
            authors.Single(a => a!["slug"]!.GetValue<string>() == agency["slug"]!.GetValue<string>())!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_routes_and_the_bearer_scheme()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);

        var document = await app.Client().GetJsonAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject();
        string[] expected =
        [
            "/api/v1/articles", "/api/v1/articles/{id}", "/api/v1/sections", "/api/v1/topics", "/api/v1/authors",
            "/api/admin/articles", "/api/admin/articles/{id}", "/api/admin/articles/{id}/publish", "/api/admin/articles/{id}/unpublish",
            "/api/admin/articles/{id}/notes", "/api/admin/sections", "/api/admin/sections/{path}", "/api/admin/images", "/api/admin/images/{id}",
            "/api/admin/topics/{slug}", "/api/admin/contributors/{slug}", "/api/admin/standards/{slug}", "/api/admin/ads/{id}",
        ];
        foreach (var path in expected)
        {
            Assert.True(paths.ContainsKey(path), $"{path} is not in the OpenAPI document");
        }
        Assert.Equal("ListArticles", paths["/api/v1/articles"]!["get"]!["operationId"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(paths["/api/v1/articles"]!["get"]!["summary"]?.GetValue<string>()));
        Assert.NotNull(paths["/api/admin/articles"]!["post"]!["requestBody"]!["content"]!["application/json"]);
        Assert.NotNull(paths["/api/admin/images"]!["post"]!["requestBody"]!["content"]!["multipart/form-data"]);
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>());
        Assert.NotNull(paths["/api/admin/articles/{id}/publish"]!["post"]!["security"]);
        Assert.Null(paths["/api/v1/articles"]!["get"]!["security"]);
    }
}
