using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Broadsheet.Articles;
using Broadsheet.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Reader;

/// <summary>
/// The end of an article (more on its topic, more from its section, its topics, the author's box), the topics and
/// authors index pages and the author page's structured data, on the shared apps of both providers.
/// </summary>
[Collection(SharedAppsCollection.Name)]
public sealed class ReadingOnTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];

    private static async Task<(int Id, string Path)> PublishAsync(HttpClient admin, string section, string headline, string[] topics, string? byline = null)
    {
        var json = Api.Api.ArticleJson(section, headline);
        json["topics"] = new JsonArray([.. topics.Select(t => (JsonNode?)t)]);
        if (byline is not null)
        {
            json["byline"] = new JsonArray(new JsonObject { ["name"] = byline, ["kind"] = "person" });
        }
        var id = await admin.CreateArticleAsync(json);
        var published = await admin.PublishAsync(id);
        return (id, published["url"]!.GetValue<string>());
    }

    private static string[] Headlines(IDocument page, string heading) =>
        [.. page.QuerySelectorAll(".reading-on h2").Where(h => h.Text().StartsWith(heading, StringComparison.Ordinal))
            .Select(h => h.NextElementSibling!).SelectMany(list => list.QuerySelectorAll("li > a")).Select(a => a.Text())];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_article_ends_with_more_on_its_topic_and_more_from_its_section_kept_current(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var client = app.Client();
        var section = Api.Api.Unique("coast");
        await admin.PutSectionAsync(section, "Coast");
        var other = Api.Api.Unique("inland");
        await admin.PutSectionAsync(other, "Inland");
        var reefs = Api.Api.Unique("Reefs");
        var ports = Api.Api.Unique("Ports");

        var older = await PublishAsync(admin, section, "Older reef survey", [reefs]);
        var harbour = await PublishAsync(admin, section, "Harbour dredging starts", [ports]);
        var reading = await PublishAsync(admin, section, "Reef survey finds coral recovering", [reefs, ports]);

        var page = await client.GetDocumentAsync(reading.Path);
        // The article itself is in neither list; the reef story is in the topic's list and so not again in the section's.
        Assert.Equal(["Older reef survey"], Headlines(page, "More on"));
        Assert.Equal(["Harbour dredging starts"], Headlines(page, "More from"));
        Assert.Equal($"More on {reefs}", page.QuerySelectorAll(".reading-on h2")[0].Text());
        Assert.Equal(older.Path, page.QuerySelector(".reading-on li > a")!.GetAttribute("href"));
        Assert.Equal([$"/topics/{Slugs.From(reefs)}", $"/topics/{Slugs.From(ports)}"],
            page.QuerySelectorAll("nav.tags a").Select(a => a.GetAttribute("href")));

        // The page is cached: a change the application does not announce stays unseen ...
        await app.InScopeAsync(db => db.Articles.Where(a => a.Id == reading.Id)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Headline, "Unannounced headline"), Ct));
        Assert.DoesNotContain("Unannounced headline", await client.GetStringAsync(reading.Path, Ct), StringComparison.Ordinal);

        // ... until a new story on its primary topic, published in another section, evicts it and joins its list first.
        var newest = await PublishAsync(admin, other, "Newest reef census", [reefs]);
        page = await client.GetDocumentAsync(reading.Path);
        Assert.Equal("Unannounced headline", page.QuerySelector("h1").Text());
        Assert.Equal(["Newest reef census", "Older reef survey"], Headlines(page, "More on"));

        // A story in the section evicts it too; withdrawing one takes it off the list again.
        var ferry = await PublishAsync(admin, section, "Ferry timetable changes", []);
        Assert.Equal(["Ferry timetable changes", "Harbour dredging starts"], Headlines(await client.GetDocumentAsync(reading.Path), "More from"));
        await admin.PostAsync($"/api/admin/articles/{ferry.Id}/unpublish", null, Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["Harbour dredging starts"], Headlines(await client.GetDocumentAsync(reading.Path), "More from"));

        // The newest story is alone in its section: a topic list only.
        var alone = await client.GetDocumentAsync(newest.Path);
        Assert.Equal(["Unannounced headline", "Older reef survey"], Headlines(alone, "More on"));
        Assert.Empty(Headlines(alone, "More from"));
        Assert.Single(alone.QuerySelectorAll(".reading-on h2"));

        // The harbour story's topic (Ports) is the reading story's second one: that story is on its topic list, so its
        // section's list holds only the older reef story.
        var harbourPage = await client.GetDocumentAsync(harbour.Path);
        Assert.Equal(["Unannounced headline"], Headlines(harbourPage, "More on"));
        Assert.Equal(["Older reef survey"], Headlines(harbourPage, "More from"));

        // The topic's list is read once for all its stories (one more than it shows): a story among the newest still
        // shows four others, and an older one the four newest.
        List<(int Id, string Path)> more = [];
        foreach (var headline in new[] { "Reef fish count", "Reef tourism returns", "Reef patrol boats" })
        {
            more.Add(await PublishAsync(admin, other, headline, [reefs]));
        }
        Assert.Equal(["Reef tourism returns", "Reef fish count", "Newest reef census", "Unannounced headline"],
            Headlines(await client.GetDocumentAsync(more[^1].Path), "More on"));
        Assert.Equal(["Reef patrol boats", "Reef tourism returns", "Reef fish count", "Newest reef census"],
            Headlines(await client.GetDocumentAsync(older.Path), "More on"));

        // A story alone in its section, with no topic, has no reading-on lists at all.
        var lonely = Api.Api.Unique("islands");
        await admin.PutSectionAsync(lonely, "Islands");
        var solo = await client.GetDocumentAsync((await PublishAsync(admin, lonely, "Island gets a doctor", [])).Path);
        Assert.Null(solo.QuerySelector(".reading-on"));
        Assert.Null(solo.QuerySelector("nav.tags"));
        Assert.Null(solo.QuerySelector(".author-box"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Staff_bylines_end_with_the_authors_box_and_their_page_carries_person_structured_data(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var client = app.Client();
        var section = Api.Api.Unique("science");
        await admin.PutSectionAsync(section, "Science");
        var photo = await admin.UploadImageAsync(320, 320);
        var name = Api.Api.Unique("Mei Chu");
        var created = await admin.PostAsync("/api/admin/contributors", Api.Api.Json(new
        {
            name,
            kind = "person",
            role = "Climate correspondent",
            bio = "Covers oceans and weather. " + new string('x', 400) + "\nA second paragraph only the author page shows.",
            photoId = photo,
            expertise = new[] { "Typhoons", " Oceans ", "typhoons", "" },
            email = "mei@example.com",
            links = new[] { "https://www.example.org/mei" },
        }), Ct).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(["Typhoons", "Oceans"], created["expertise"]!.AsArray().Select(e => e!.GetValue<string>()));
        var slug = created["slug"]!.GetValue<string>();
        var agency = Api.Api.Unique("Coastal Wire");

        var story = await PublishAsync(admin, section, "Typhoon season starts early", [], byline: name);
        var json = Api.Api.ArticleJson(section, "Wire report on the storm");
        json["byline"] = new JsonArray(new JsonObject { ["name"] = agency, ["kind"] = "agency" });
        var wire = await admin.CreateArticleAsync(json);
        var wirePath = (await admin.PublishAsync(wire))["url"]!.GetValue<string>();

        var page = await client.GetDocumentAsync(story.Path);
        var box = page.QuerySelector(".author-box")!;
        Assert.Equal($"{name}, Climate correspondent", box.QuerySelector(".author-name").Text());
        Assert.StartsWith("Covers oceans and weather.", box.QuerySelectorAll("p")[1].Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("second paragraph", box.TextContent, StringComparison.Ordinal);
        var img = box.QuerySelector("img.portrait")!;
        Assert.Equal(("lazy", "64", "64"), (img.GetAttribute("loading"), img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.StartsWith($"/media/{photo}/", img.GetAttribute("src"), StringComparison.Ordinal);

        // An agency has no box, but its byline links to its page.
        var wirePage = await client.GetDocumentAsync(wirePath);
        Assert.Null(wirePage.QuerySelector(".author-box"));
        var agencyLink = wirePage.QuerySelector(".byline a")!.GetAttribute("href")!;
        Assert.Equal(agency, (await client.GetDocumentAsync(agencyLink)).QuerySelector("h1").Text());

        var profile = await client.GetDocumentAsync($"/authors/{slug}");
        Assert.Contains("A second paragraph only the author page shows.", profile.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("mailto:mei@example.com", profile.QuerySelector(".expertise a[href^='mailto:']")!.GetAttribute("href"));
        var ld = JsonNode.Parse(profile.QuerySelector("script[type='application/ld+json']")!.TextContent)!;
        Assert.Equal("ProfilePage", ld["@type"]!.GetValue<string>());
        var person = ld["mainEntity"]!;
        Assert.Equal(("Person", name, "Climate correspondent"), (person["@type"]!.GetValue<string>(), person["name"]!.GetValue<string>(), person["jobTitle"]!.GetValue<string>()));
        Assert.Equal(["Typhoons", "Oceans"], person["knowsAbout"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(["https://www.example.org/mei"], person["sameAs"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Contains($"/media/{photo}/", person["image"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith($"/authors/{slug}", person["url"]!.GetValue<string>(), StringComparison.Ordinal);

        // Changing the photo's alt text evicts the pages that show the photo: the article's box and the author page.
        var before = await client.GetStringAsync(story.Path, Ct);
        await app.InScopeAsync(db => db.Contributors.Where(c => c.Slug == slug)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Role, "Unannounced role"), Ct));
        Assert.Equal(before, await client.GetStringAsync(story.Path, Ct));
        await admin.PutAsync($"/api/admin/images/{photo}", Api.Api.Json(new { alt = "Mei Chu at her desk" }), Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("Unannounced role", await client.GetStringAsync(story.Path, Ct), StringComparison.Ordinal);
        Assert.Contains("Unannounced role", await client.GetStringAsync($"/authors/{slug}", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Topic_and_author_indexes_list_everything_and_are_evicted_by_changes(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var client = app.Client();
        var section = Api.Api.Unique("index");
        await admin.PutSectionAsync(section, "Index");
        var zebra = "Zebra " + Api.Api.Unique("crossings");
        var apple = "apple " + Api.Api.Unique("harvest");
        await PublishAsync(admin, section, "Crossing painted", [zebra]);
        await PublishAsync(admin, section, "Orchard opens", [apple, zebra]);
        var writer = Api.Api.Unique("Ada Writer");
        await admin.PostAsync("/api/admin/contributors", Api.Api.Json(new { name = writer, kind = "person", role = "Orchard correspondent" }), Ct)
            .ExpectAsync(HttpStatusCode.Created);

        var topics = await client.GetDocumentAsync("/topics");
        string CountOf(IDocument doc, string name) =>
            doc.QuerySelectorAll(".letters li").Single(li => li.QuerySelector("a").Text() == name).QuerySelector(".profile").Text();
        Assert.Equal("(2 articles)", CountOf(topics, zebra));
        Assert.Equal("(1 article)", CountOf(topics, apple));
        var letters = topics.QuerySelectorAll(".letters h2").Select(h => h.Text()).ToList();
        Assert.Equal([.. letters.Order(StringComparer.Ordinal).OrderBy(l => l == "Other")], letters);
        Assert.Equal("A", topics.QuerySelectorAll(".letters li a").First(a => a.Text() == apple).Closest("ul")!.PreviousElementSibling.Text());
        Assert.NotNull(topics.QuerySelector("footer a[href='/topics']"));
        Assert.NotNull(topics.QuerySelector("footer a[href='/authors']"));

        // A new story on the topic changes the count: the cached index is evicted.
        await PublishAsync(admin, section, "Orchard closes for winter", [apple]);
        Assert.Equal("(2 articles)", CountOf(await client.GetDocumentAsync("/topics"), apple));

        var authors = await client.GetDocumentAsync("/authors");
        var entry = authors.QuerySelectorAll(".people li").Single(li => li.QuerySelector("a").Text() == writer);
        Assert.Equal("Orchard correspondent", entry.QuerySelector(".profile").Text());
        var slug = Slugs.From(writer);
        await admin.PutAsync($"/api/admin/contributors/{slug}", Api.Api.Json(new { name = writer, kind = "person", role = "Harvest editor" }), Ct)
            .ExpectAsync(HttpStatusCode.OK);
        entry = (await client.GetDocumentAsync("/authors")).QuerySelectorAll(".people li").Single(li => li.QuerySelector("a").Text() == writer);
        Assert.Equal("Harvest editor", entry.QuerySelector(".profile").Text());
    }
}
