using System.Net;

namespace Broadsheet.Tests.Api;

[Collection(SharedAppsCollection.Name)]
public class AdminSectionsTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Put_creates_then_renames_and_a_child_needs_its_parent(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var top = Api.Unique("asia");
        var before = await app.RowCountsAsync();

        var orphan = await admin.PutAsync($"/api/admin/sections/{top}/east-asia", Api.Json(new { name = "East Asia" }), Ct);
        await Api.AssertProblemAsync(orphan, Api.BadInput, "path");
        Assert.Equal(before, await app.RowCountsAsync());

        var created = await admin.PutAsync($"/api/admin/sections/{top}", Api.Json(new { name = "Asia" }), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/admin/sections/{top}", created.Headers.Location?.OriginalString);
        var child = await admin.PutAsync($"/api/admin/sections/{top}/east-asia", Api.Json(new { name = "East Asia" }), Ct).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(top, child["parent"]!.GetValue<string>());
        Assert.Equal($"/news/{top}/east-asia", child["url"]!.GetValue<string>());

        var renamed = await admin.PutAsync($"/api/admin/sections/{top}/east-asia", Api.Json(new { name = "East and North-East Asia" }), Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("East and North-East Asia", renamed["name"]!.GetValue<string>());
        Assert.Equal(before["sections"] + 2, (await app.RowCountsAsync())["sections"]);
        Assert.Equal("East and North-East Asia", (await admin.GetJsonAsync($"/api/admin/sections/{top}/east-asia"))["name"]!.GetValue<string>());
        Assert.Contains($"{top}/east-asia", (await admin.GetJsonAsync("/api/admin/sections")).AsArray().Select(s => s!["path"]!.GetValue<string>()));

        var tree = await app.Client().GetJsonAsync("/api/v1/sections");
        var node = tree.AsArray().Single(s => s!["path"]!.GetValue<string>() == top)!;
        Assert.Equal("East and North-East Asia", node["children"]![0]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Asia", """{"name": "Asia"}""", "path")]
    [InlineData(DatabaseProvider.Sqlite, "asia/East Asia", """{"name": "East Asia"}""", "path")]
    [InlineData(DatabaseProvider.Sqlite, "asia//east", """{"name": "East"}""", "path")]
    [InlineData(DatabaseProvider.Sqlite, "asia/east-asia/korea/seoul/gangnam", """{"name": "Too deep"}""", "path")]
    [InlineData(DatabaseProvider.Sqlite, "new-one", """{"name": ""}""", "name")]
    [InlineData(DatabaseProvider.Sqlite, "new-one", """{}""", "name")]
    [InlineData(DatabaseProvider.Sqlite, "new-one", """{"name": 12}""", "name")]
    [InlineData(DatabaseProvider.Sqlite, "new-one", """{"name": "x", "position": -1}""", "position")]
    [InlineData(DatabaseProvider.Sqlite, "new-one", """{"name": "x",""", null)]
    [InlineData(DatabaseProvider.PostgreSQL, "Asia", """{"name": "Asia"}""", "path")]
    [InlineData(DatabaseProvider.PostgreSQL, "asia/East Asia", """{"name": "East Asia"}""", "path")]
    [InlineData(DatabaseProvider.PostgreSQL, "asia//east", """{"name": "East"}""", "path")]
    [InlineData(DatabaseProvider.PostgreSQL, "asia/east-asia/korea/seoul/gangnam", """{"name": "Too deep"}""", "path")]
    [InlineData(DatabaseProvider.PostgreSQL, "new-one", """{"name": ""}""", "name")]
    [InlineData(DatabaseProvider.PostgreSQL, "new-one", """{}""", "name")]
    [InlineData(DatabaseProvider.PostgreSQL, "new-one", """{"name": 12}""", "name")]
    [InlineData(DatabaseProvider.PostgreSQL, "new-one", """{"name": "x", "position": -1}""", "position")]
    [InlineData(DatabaseProvider.PostgreSQL, "new-one", """{"name": "x",""", null)]
    public async Task Bad_paths_and_names_are_problems_and_write_nothing(DatabaseProvider provider, string path, string json, string? field)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        await admin.PutSectionAsync("asia", "Asia");
        var before = await app.RowCountsAsync();

        var response = await admin.PutAsync($"/api/admin/sections/{path}", Api.Json(json), Ct);

        await Api.AssertProblemAsync(response, Api.BadInput, field is null ? [] : [field]);
        Assert.Equal(before, await app.RowCountsAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Sections_in_use_cannot_be_deleted(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var top = Api.Unique("europe");
        await admin.PutSectionAsync(top, "Europe");
        await admin.PutSectionAsync($"{top}/west", "West");
        await admin.PutSectionAsync($"{top}/east", "East");
        await admin.CreateArticleAsync(Api.ArticleJson($"{top}/west"));

        await Api.AssertProblemAsync(await admin.DeleteAsync($"/api/admin/sections/{top}", Ct), [409]);
        await Api.AssertProblemAsync(await admin.DeleteAsync($"/api/admin/sections/{top}/west", Ct), [409]);
        await admin.DeleteAsync($"/api/admin/sections/{top}/east", Ct).ExpectAsync(HttpStatusCode.NoContent);
        await Api.AssertProblemAsync(await admin.GetAsync($"/api/admin/sections/{top}/east", Ct), [404]);
        await Api.AssertProblemAsync(await admin.DeleteAsync($"/api/admin/sections/{top}/east", Ct), [404]);
    }
}
