using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Broadsheet.Articles;
using Broadsheet.Ingest;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Infrastructure;
using Broadsheet.Tests.Ingest;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Syndication;

using Api = Broadsheet.Tests.Api.Api;

/// <summary>
/// An article exported as ninjs by one Broadsheet and ingested by the wire desk of another, empty one: the same
/// headline, summary, body blocks, byline, section and picture (fetched over HTTP from the first).
/// </summary>
[Collection(SharedAppsCollection.Name)]
public class NinjsRoundTripTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<Article> LoadAsync(BroadsheetApp app, int id) => app.InScopeAsync(db => db.Articles.AsNoTracking()
        .Include(a => a.Section).Include(a => a.HeroImage).Include(a => a.Byline).ThenInclude(b => b.Contributor)
        .FirstAsync(a => a.Id == id, Ct));

    [Fact]
    public async Task An_article_exported_as_ninjs_comes_back_the_same_in_an_empty_publication()
    {
        var source = await apps.On(DatabaseProvider.Sqlite);
        var admin = source.AdminClient();
        var section = Api.Unique("world");
        await admin.PutSectionAsync(section, "World");
        var hero = await admin.UploadImageAsync(800, 500);
        var person = Api.Unique("Ana Reporter");
        var article = Api.ArticleJson(section, "Harbour reopens after the storm");
        article["byline"] = new JsonArray(new JsonObject { ["name"] = person, ["kind"] = "person" });
        article["heroImage"] = new JsonObject { ["id"] = hero.ToString(), ["caption"] = "The quay at dawn.", ["credit"] = "Harbour Authority", ["alt"] = "Cranes over the quay" };
        article["dateline"] = "PORTSMOUTH";
        article["body"] = new JsonObject
        {
            ["markdown"] = "Ships moved on **Tuesday** after [the storm](https://example.com/storm), *at last*.\n\n## What next\n\n"
                + "> We are open again.\n> — The harbour master\n\n1. Ferries first\n2. Cargo later\n\n---\n\n"
                + "<iframe src=\"https://video.example/v/1\" title=\"The harbour at night\" data-provider=\"Video\"></iframe>\n\nMore to follow.",
        };
        var id = await admin.CreateArticleAsync(article);
        // Its citations, which only a body in blocks can carry: the article as read, with a sources block added.
        var stored = await admin.GetAsync($"/api/admin/articles/{id}", Ct).ExpectAsync(HttpStatusCode.OK);
        stored["body"]!["blocks"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "sources",
            ["items"] = new JsonArray(
                new JsonObject { ["title"] = "Harbour authority storm log", ["url"] = "https://example.com/storm-log.pdf", ["note"] = "entries for Monday" },
                new JsonObject { ["title"] = "Tide tables", ["url"] = "https://example.com/tides" }),
        });
        await admin.PutAsync($"/api/admin/articles/{id}", Api.Json(stored.ToJsonString()), Ct).ExpectAsync(HttpStatusCode.OK);
        await admin.PublishAsync(id);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{id}");
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/vnd.iptc.ninjs+json; version=3"));
        using var exported = await source.Client().SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var ninjs = await exported.Content.ReadAsByteArrayAsync(Ct);
        var original = await LoadAsync(source, id);

        await using var target = new BroadsheetApp(DatabaseProvider.Sqlite);
        using (var targetAdmin = target.AdminClient())
        {
            await targetAdmin.PutSectionAsync(section, "World");
        }
        Assert.Equal(0, await target.InScopeAsync(db => db.Articles.CountAsync(Ct)));
        await Wire.SaveRulesAsync(target, new WireSourceInput { Name = "Partner", Section = section, AutoPublish = true });
        var receipt = await target.Desk().ReceiveAsync(new WireDelivery(ninjs, "application/vnd.iptc.ninjs+json; version=3", "test", "Partner"), Ct);
        var outcome = receipt.Single();
        Assert.True(outcome.Status == WireOutcome.Created, $"{outcome.Status}: {outcome.Reason}");
        var copy = await LoadAsync(target, outcome.ArticleId!.Value);

        Assert.Equal(original.Headline, copy.Headline);
        Assert.Equal(["First point.", "Second point."], copy.Summary);
        Assert.Equal(original.Summary, copy.Summary);
        Assert.Equal(JsonSerializer.Serialize(original.Body), JsonSerializer.Serialize(copy.Body));
        Assert.Equal(8, copy.Body.Count);
        var sources = Assert.IsType<SourcesBlock>(copy.Body[^1]);
        Assert.Equal(["Harbour authority storm log", "Tide tables"], sources.Items.Select(i => i.Title));
        Assert.Equal(["entries for Monday", null], sources.Items.Select(i => i.Note));
        Assert.Equal([person], copy.Byline.Select(b => b.Contributor.Name));
        Assert.Equal(section, copy.Section.Path);
        Assert.Equal(original.Dateline, copy.Dateline);
        Assert.Equal(ArticleStatus.Published, copy.Status);
        var picture = copy.HeroImage!;
        Assert.Equal((800, 500), (picture.Width, picture.Height));
        Assert.Equal("Cranes over the quay", copy.HeroAlt ?? picture.Alt);
        Assert.Equal("The quay at dawn.", copy.HeroCaption ?? picture.Caption);
        Assert.Equal("Harbour Authority", copy.HeroCredit ?? picture.Credit);
    }
}
