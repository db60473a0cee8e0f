using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Broadsheet.Tests.Api;
using Json.Schema;

namespace Broadsheet.Tests.Syndication;

using Api = Broadsheet.Tests.Api.Api;

/// <summary>Published articles as ninjs 2 and 3 and as a NewsML-G2 newsItem, checked against IPTC's own schemas.</summary>
[Collection(SharedAppsCollection.Name)]
public class SyndicationFormatsTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private const string Ninjs = "application/vnd.iptc.ninjs+json";
    private const string NewsItem = "application/vnd.iptc.g2.newsitem+xml";
    private static readonly XNamespace G2 = "http://iptc.org/std/nar/2006-10-01/";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Fixtures => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/fixtures"));

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return await client.SendAsync(request, Ct);
    }

    /// <summary>An article with everything the formats map: summary, topics, a person and an agency, hero and body pictures, dateline, a correction.</summary>
    private static async Task<(int Id, Guid Hero, Guid Inline, string Section, string Person)> PublishRichArticleAsync(HttpClient admin)
    {
        var section = Api.Unique("world");
        await admin.PutSectionAsync(section, "World");
        var hero = await admin.UploadImageAsync(800, 500);
        var inline = await admin.UploadImageAsync(600, 400);
        var person = Api.Unique("Ana Reporter");
        var article = Api.ArticleJson(section, "Harbour reopens after storm & floods");
        article["topics"] = new JsonArray("Weather", "Shipping");
        article["byline"] = new JsonArray(new JsonObject { ["name"] = person, ["kind"] = "person" }, new JsonObject { ["name"] = "Wire Desk", ["kind"] = "agency" });
        article["heroImage"] = new JsonObject { ["id"] = hero.ToString(), ["caption"] = "The quay at dawn.", ["credit"] = "Harbour Authority" };
        article["dateline"] = "PORTSMOUTH";
        article["body"] = new JsonObject
        {
            ["markdown"] = $"Ships moved on **Tuesday** after [the storm](https://example.com/storm).\n\n## What next\n\n> We are open again.\n> — The harbour master\n\n- Ferries first\n- Cargo later\n\n![Cranes at work](/media/{inline} \"Cranes lift the first containers.\")\n\n---\n\nMore to follow.",
        };
        var id = await admin.CreateArticleAsync(article);
        await admin.PublishAsync(id);
        await admin.PostAsync($"/api/admin/articles/{id}/notes", Api.Json(new { kind = "correction", text = "An earlier version misspelt the harbour's name." }), Ct)
            .ExpectAsync(HttpStatusCode.Created);
        return (id, hero, inline, section, person);
    }

    private static JsonSchema NinjsSchema(string file)
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        // The ninjs 3 schema refers to GeoJSON's for places; no test here sends a place, and the tests run offline.
        JsonSchema.FromText("""{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://geojson.org/schema/GeoJSON.json"}""", options);
        return JsonSchema.FromText(File.ReadAllText(Path.Combine(Fixtures, "iptc-ninjs/specification", file)), options);
    }

    private static void AssertValid(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = result.Details?.Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")) ?? [];
        Assert.True(result.IsValid, string.Join("\n", errors) + "\n" + json);
    }

    [Fact]
    public async Task An_article_as_ninjs_3_and_2_is_valid_and_complete()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var (id, hero, inline, section, person) = await PublishRichArticleAsync(app.AdminClient());
        var client = app.Client();

        using var v3 = await GetAsync(client, $"/api/v1/articles/{id}", $"{Ninjs}; version=3");
        Assert.Equal(HttpStatusCode.OK, v3.StatusCode);
        Assert.Equal(Ninjs, v3.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", v3.Headers.Vary);
        Assert.NotNull(v3.Headers.ETag);
        var json3 = await v3.Content.ReadAsStringAsync(Ct);
        AssertValid(NinjsSchema("ninjs-schema_3.1.json"), json3);
        var n = JsonNode.Parse(json3)!;
        Assert.EndsWith($"/news/{section}/article/{id}/harbour-reopens-after-storm-floods", n["uri"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Harbour reopens after storm & floods", n["headlines"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("First point.\nSecond point.", n["descriptions"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("summary", n["descriptions"]![0]!["role"]!.GetValue<string>());
        Assert.Equal("usable", n["pubStatus"]!.GetValue<string>());
        Assert.Equal("PORTSMOUTH", n["located"]!.GetValue<string>());
        Assert.Equal($"{person}, Wire Desk", n["by"]!.GetValue<string>());
        Assert.Equal(person, n["people"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("Wire Desk", n["organisations"]![0]!["name"]!.GetValue<string>());
        Assert.Equal([section, "weather", "shipping"], n["subjects"]!.AsArray().Select(s => s!["literal"]!.GetValue<string>()));
        Assert.Equal("section", n["subjects"]![0]!["rel"]!.GetValue<string>());
        Assert.Contains("misspelt", n["edNote"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(n["copyrightHolder"]);
        var body = n["bodies"]![0]!["value"]!.GetValue<string>();
        Assert.Contains("<strong>Tuesday</strong>", body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.com/storm\">the storm</a>", body, StringComparison.Ordinal);
        Assert.Contains("<h2>What next</h2>", body, StringComparison.Ordinal);
        Assert.Contains("<footer>The harbour master</footer>", body, StringComparison.Ordinal);
        Assert.Contains($"<figure><img src=\"http://127.0.0.1:", body, StringComparison.Ordinal);
        Assert.Contains($"/media/{inline}/", body, StringComparison.Ordinal);
        Assert.Contains("<figcaption>Cranes lift the first containers.</figcaption></figure>", body, StringComparison.Ordinal);
        Assert.Contains("<hr />", body, StringComparison.Ordinal);
        var pictures = n["associations"]!.AsArray();
        Assert.Equal(["featureimage", "picture1"], pictures.Select(p => p!["name"]!.GetValue<string>()));
        Assert.Contains(hero.ToString(), pictures[0]!["uri"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Harbour Authority", pictures[0]!["by"]!.GetValue<string>());
        Assert.Contains(pictures[0]!["descriptions"]!.AsArray(), d => d!["value"]!.GetValue<string>() == "The quay at dawn.");
        Assert.All(pictures[0]!["renditions"]!.AsArray(), r => Assert.Contains($"/media/{hero}/", r!["href"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Contains(inline.ToString(), pictures[1]!["uri"]!.GetValue<string>(), StringComparison.Ordinal);

        using var v2 = await GetAsync(client, $"/api/v1/articles/{id}", $"{Ninjs}; version=2");
        Assert.Equal(HttpStatusCode.OK, v2.StatusCode);
        var json2 = await v2.Content.ReadAsStringAsync(Ct);
        AssertValid(NinjsSchema("ninjs-schema_2.2.json"), json2);
        var n2 = JsonNode.Parse(json2)!;
        Assert.Equal("usable", n2["pubstatus"]!.GetValue<string>());
        Assert.Equal(n["bodies"]![0]!["value"]!.GetValue<string>(), n2["bodies"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(2, n2["associations"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_article_as_a_NewsML_G2_news_item_is_valid_and_complete()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var (id, hero, inline, section, person) = await PublishRichArticleAsync(app.AdminClient());

        using var response = await GetAsync(app.Client(), $"/api/v1/articles/{id}", NewsItem);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(NewsItem, response.Content.Headers.ContentType!.MediaType);
        var xml = await response.Content.ReadAsStringAsync(Ct);

        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var folder = Path.Combine(Fixtures, "iptc-newsml-g2/specification");
        // The XSD imports xml.xsd from beside it: resolved as a local file, never over the network.
        using (var xsd = XmlReader.Create(Path.Combine(folder, "NewsML-G2_2.35-spec-All-Power.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }))
        {
            schemas.Add(null, xsd);
        }
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} {e.Exception?.LineNumber}:{e.Exception?.LinePosition} {e.Message}");
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
        {
            while (reader.Read())
            {
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + xml);

        var item = XDocument.Parse(xml).Root!;
        Assert.Equal("newsItem", item.Name.LocalName);
        Assert.EndsWith($"/article/{id}/harbour-reopens-after-storm-floods", item.Attribute("guid")!.Value, StringComparison.Ordinal);
        var meta = item.Element(G2 + "contentMeta")!;
        Assert.Equal("Harbour reopens after storm & floods", meta.Element(G2 + "headline")!.Value);
        Assert.Equal("harbour-reopens-after-storm-floods", meta.Element(G2 + "slugline")!.Value);
        Assert.Equal("PORTSMOUTH", meta.Element(G2 + "dateline")!.Value);
        Assert.Equal($"{person}, Wire Desk", meta.Element(G2 + "by")!.Value);
        Assert.NotEmpty(meta.Element(G2 + "creditline")!.Value);
        Assert.Equal("First point.\nSecond point.", meta.Elements(G2 + "description").Single(d => d.Attribute("role")?.Value == "drol:summary").Value);
        Assert.Equal("en", meta.Element(G2 + "language")!.Attribute("tag")!.Value);
        Assert.Equal([$"section:{section}", "topic:weather", "topic:shipping"], meta.Elements(G2 + "subject").Select(s => s.Attribute("literal")!.Value));
        var itemMeta = item.Element(G2 + "itemMeta")!;
        Assert.Equal("sig:correction", itemMeta.Element(G2 + "signal")!.Attribute("qcode")!.Value);
        var links = itemMeta.Elements(G2 + "link").Where(l => l.Attribute("contenttype")?.Value == "image/jpeg").ToList();
        Assert.Contains($"/media/{hero}/", links[0].Attribute("href")!.Value, StringComparison.Ordinal);
        Assert.Contains($"/media/{inline}/", links[1].Attribute("href")!.Value, StringComparison.Ordinal);
        var body = item.Element(G2 + "contentSet")!.Element(G2 + "inlineXML")!.Descendants(Xhtml + "body").Single();
        Assert.Equal(["p", "h2", "blockquote", "ul", "figure", "hr", "p"], body.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task Negotiation_keeps_the_default_json_refuses_unknown_versions_and_hides_drafts()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var admin = app.AdminClient();
        var section = Api.Unique("news");
        await admin.PutSectionAsync(section, "News");
        var id = await admin.CreateArticleAsync(Api.ArticleJson(section));
        var draft = await admin.CreateArticleAsync(Api.ArticleJson(section, "Not yet"));
        await admin.PublishAsync(id);
        var client = app.Client();

        // The output cache is on: each representation must come back as itself whatever was asked before it.
        for (var round = 0; round < 2; round++)
        {
            using var plain = await client.GetAsync($"/api/v1/articles/{id}", Ct);
            Assert.Equal("application/json", plain.Content.Headers.ContentType!.MediaType);
            Assert.Contains("Accept", plain.Headers.Vary);
            Assert.Equal(id, (await plain.ReadJsonAsync())["id"]!.GetValue<int>());
            using var v3 = await GetAsync(client, $"/api/v1/articles/{id}", $"{Ninjs}; version=3");
            Assert.Equal("3.1", (await v3.ReadJsonAsync())["standard"]!["version"]!.GetValue<string>());
            using var v2 = await GetAsync(client, $"/api/v1/articles/{id}", $"{Ninjs}; version=2.2");
            Assert.Equal("2.2", (await v2.ReadJsonAsync())["standard"]!["version"]!.GetValue<string>());
            using var g2 = await GetAsync(client, $"/api/v1/articles/{id}", NewsItem);
            Assert.Equal(NewsItem, g2.Content.Headers.ContentType!.MediaType);
            using var browser = await GetAsync(client, $"/api/v1/articles/{id}", "text/html");
            Assert.Equal("application/json", browser.Content.Headers.ContentType!.MediaType);
        }

        var operation = (await client.GetJsonAsync("/openapi/v1.json"))["paths"]!["/api/v1/articles/{id}"]!["get"]!;
        var answers = operation["responses"]!["200"]!["content"]!.AsObject();
        Assert.True(answers.ContainsKey(Ninjs) && answers.ContainsKey(NewsItem) && answers.ContainsKey("application/json"), operation.ToJsonString());
        Assert.NotNull(operation["responses"]!["406"]);
        Assert.Contains("version=3", operation["description"]!.GetValue<string>(), StringComparison.Ordinal);

        var unknown = await Api.AssertProblemAsync(await GetAsync(client, $"/api/v1/articles/{id}", $"{Ninjs}; version=1"), [406]);
        Assert.Contains("version=3", unknown["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await Api.AssertProblemAsync(await GetAsync(client, $"/api/v1/articles/{draft}", $"{Ninjs}; version=3"), [404]);
        await Api.AssertProblemAsync(await GetAsync(client, $"/api/v1/articles/{draft}", NewsItem), [404]);
    }
}
