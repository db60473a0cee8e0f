using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Api;

/// <summary>The collection's shared app per provider, for the API tests.</summary>
public sealed class ApiApps(SharedApps shared) : SharedProviderApps(shared);

internal static class Api
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(object value) => Json(JsonSerializer.Serialize(value, JsonSerializerOptions.Web));

    /// <summary>A name unique to this test run, so tests sharing an app never collide.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

    public static async Task<JsonNode> ExpectAsync(this Task<HttpResponseMessage> request, HttpStatusCode status)
    {
        var response = await request;
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }

    /// <summary>Asserts a problem+json answer with one of the given statuses whose errors name exactly these fields (at least).</summary>
    public static async Task<JsonNode> AssertProblemAsync(HttpResponseMessage response, int[] statuses, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(statuses.Contains((int)response.StatusCode), $"Expected {string.Join("/", statuses)}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)response.StatusCode, problem["status"]!.GetValue<int>());
        if (fields.Length > 0)
        {
            var errors = problem["errors"]?.AsObject();
            Assert.True(errors is not null, $"No errors object in {body}");
            foreach (var field in fields)
            {
                Assert.True(errors.ContainsKey(field), $"Expected an error naming '{field}' in {body}");
            }
        }
        return problem;
    }

    public static readonly int[] BadInput = [400, 422];

    public static async Task PutSectionAsync(this HttpClient admin, string path, string name) =>
        Assert.True((await admin.PutAsync($"/api/admin/sections/{path}", Json(new { name }), Ct)).IsSuccessStatusCode, $"PUT section {path}");

    /// <summary>A minimal valid article body for <c>POST /api/admin/articles</c>, to vary per test.</summary>
    public static JsonObject ArticleJson(string section, string headline = "Talks stall as envoy urges patience") => new()
    {
        ["headline"] = headline,
        ["summary"] = new JsonArray("First point.", "Second point."),
        ["section"] = section,
        ["topics"] = new JsonArray("Diplomacy"),
        ["byline"] = new JsonArray(new JsonObject { ["name"] = "Wire Desk", ["kind"] = "agency" }),
        ["body"] = new JsonObject { ["markdown"] = "The envoy spoke on **Thursday**.\n\nTalks continue." },
        ["language"] = "en",
        ["type"] = "news",
    };

    public static async Task<int> CreateArticleAsync(this HttpClient admin, JsonObject article)
    {
        var created = await admin.PostAsync("/api/admin/articles", Json(article.ToJsonString()), Ct).ExpectAsync(HttpStatusCode.Created);
        return created["id"]!.GetValue<int>();
    }

    public static async Task<JsonNode> PublishAsync(this HttpClient admin, int id) =>
        await admin.PostAsync($"/api/admin/articles/{id}/publish", null, Ct).ExpectAsync(HttpStatusCode.OK);

    /// <summary>How many rows each table holds: a failed write must leave every count as it was.</summary>
    public static async Task<Dictionary<string, int>> RowCountsAsync(this BroadsheetApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        return new Dictionary<string, int>
        {
            ["articles"] = await db.Articles.CountAsync(Ct),
            ["sections"] = await db.Sections.CountAsync(Ct),
            ["topics"] = await db.Topics.CountAsync(Ct),
            ["contributors"] = await db.Contributors.CountAsync(Ct),
            ["articleTopics"] = await db.Set<ArticleTopic>().CountAsync(Ct),
            ["byline"] = await db.Set<BylineEntry>().CountAsync(Ct),
            ["notes"] = await db.ArticleNotes.CountAsync(Ct),
            ["standards"] = await db.StandardsPages.CountAsync(Ct),
            ["images"] = await db.Images.CountAsync(Ct),
            ["ads"] = await db.AdCreatives.CountAsync(Ct),
            ["apiKeys"] = await db.ApiKeys.CountAsync(Ct),
        };
    }

    /// <summary>Uploads a real JPEG through the admin API and returns its id.</summary>
    public static async Task<Guid> UploadImageAsync(this HttpClient admin, int width = 400, int height = 300)
    {
        using var form = ImageForm(Media.TestImages.Encode(width, height), "photo.jpg", "Two leaders shake hands", "At the summit", "TNS");
        var created = await admin.PostAsync("/api/admin/images", form, Ct).ExpectAsync(HttpStatusCode.Created);
        return Guid.Parse(created["id"]!.GetValue<string>());
    }

    public static MultipartFormDataContent ImageForm(byte[]? file, string fileName, string? alt, string? caption = null, string? credit = null)
    {
        var form = new MultipartFormDataContent();
        if (file is not null)
        {
            form.Add(new ByteArrayContent(file), "file", fileName);
        }
        if (alt is not null)
        {
            form.Add(new StringContent(alt), "alt");
        }
        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
        }
        if (credit is not null)
        {
            form.Add(new StringContent(credit), "credit");
        }
        return form;
    }

    public static async Task<T> InScopeAsync<T>(this BroadsheetApp app, Func<BroadsheetDb, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<BroadsheetDb>());
    }

    public static Task<JsonNode> GetJsonAsync(this HttpClient client, string url, HttpStatusCode status = HttpStatusCode.OK) =>
        client.GetAsync(url, Ct).ExpectAsync(status);
}
