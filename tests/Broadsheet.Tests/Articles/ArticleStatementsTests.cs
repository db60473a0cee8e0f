using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Articles;

/// <summary>
/// The article page's prepared read (<see cref="ArticleStatements"/>) builds the same article EF Core does (every column,
/// section, hero, topics and byline in order, portraits, notes in time order), sees a change as soon as it is committed,
/// and hides what readers may not see, on both providers.
/// </summary>
[Collection(SharedAppsCollection.Name)]
public sealed class ArticleStatementsTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly JsonSerializerOptions Graph = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles, WriteIndented = true };

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_prepared_read_is_the_article_EF_reads_and_follows_each_change(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var section = Api.Api.Unique("harbour");
        await admin.PutSectionAsync(section, "Harbour");
        var json = Api.Api.ArticleJson(section, "Dredging starts at the old quay");
        json["topics"] = new JsonArray(Api.Api.Unique("Ports"), Api.Api.Unique("Dredging"), Api.Api.Unique("Quays"));
        json["byline"] = new JsonArray(
            new JsonObject { ["name"] = Api.Api.Unique("Mei Lin"), ["kind"] = "person" },
            new JsonObject { ["name"] = "Wire Desk", ["kind"] = "agency" });
        var id = await admin.CreateArticleAsync(json);

        Assert.Null(await FindAsync(app, id));
        await admin.PublishAsync(id);
        await AssertSameAsync(app, id, notes: 0);

        foreach (var (kind, text) in new[] { ("correction", "An earlier version named the wrong quay."), ("update", "Adds the port's timetable.") })
        {
            await admin.PostAsync($"/api/admin/articles/{id}/notes", Api.Api.Json(new { kind, text }), Ct).ExpectAsync(HttpStatusCode.Created);
        }
        await AssertSameAsync(app, id, notes: 2);

        await admin.PostAsync($"/api/admin/articles/{id}/unpublish", null, Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Null(await FindAsync(app, id));
    }

    private static async Task AssertSameAsync(BroadsheetApp app, int id, int notes)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var expected = await db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .Include(a => a.Section)
            .Include(a => a.HeroImage)
            .Include(a => a.Topics.OrderBy(t => t.Position)).ThenInclude(t => t.Topic)
            .Include(a => a.Byline.OrderBy(c => c.Position)).ThenInclude(c => c.Contributor).ThenInclude(c => c!.Photo)
            .Include(a => a.Notes.OrderBy(n => n.At))
            .AsSingleQuery()
            .SingleAsync(Ct);
        var found = await scope.ServiceProvider.GetRequiredService<PublishedArticles>().FindAsync(id, Ct);

        Assert.NotNull(found);
        Assert.Equal(3, found.Topics.Count);
        Assert.Equal(2, found.Byline.Count);
        Assert.Equal(notes, found.Notes.Count);
        Assert.Equal(JsonSerializer.Serialize(expected, Graph), JsonSerializer.Serialize(found, Graph));
    }

    private static async Task<Article?> FindAsync(BroadsheetApp app, int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PublishedArticles>().FindAsync(id, Ct);
    }
}
