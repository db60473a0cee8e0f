using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Broadsheet.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Api;

[Collection(SharedAppsCollection.Name)]
public partial class AdminAuthTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every admin route and method, read from the app itself, so a new endpoint is covered without touching this test.</summary>
    private static List<(string Method, string Url)> AdminEndpoints(BroadsheetApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/admin", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, Fill(e.RoutePattern.RawText!))))
            .ToList();

    private static string Fill(string pattern) => RouteParameter().Replace(pattern, m => (m.Groups[1].Value, m.Groups[2].Value) switch
    {
        ("id", ":guid") => Guid.NewGuid().ToString(),
        ("id", _) => "1",
        ("path", _) => "asia/east-asia",
        _ => "ethics",
    });

    [GeneratedRegex(@"\{\**(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Every_admin_endpoint_answers_401_problem_without_a_valid_key(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var endpoints = AdminEndpoints(app);
        // Articles (8), sections (4), topics (5), contributors (5), standards (4), ads (5), images (5).
        Assert.True(endpoints.Count >= 36, $"Only {endpoints.Count} admin endpoints found: {string.Join(", ", endpoints)}");
        var client = app.Client();
        AuthenticationHeaderValue?[] credentials =
        [
            null,
            new("Bearer", "not-the-key"),
            new("Bearer", BroadsheetApp.AdminKey + "x"),
            new("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("admin:" + BroadsheetApp.AdminKey))),
            new("Bearer"),
        ];
        foreach (var (method, url) in endpoints)
        {
            foreach (var credential in credentials)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                request.Headers.Authorization = credential;
                if (method is "POST" or "PUT")
                {
                    request.Content = Api.Json("{}");
                }
                var response = await client.SendAsync(request, Ct);
                var what = $"{method} {url} with {credential?.ToString() ?? "no key"}";
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
                var problem = await response.ReadJsonAsync();
                Assert.Equal(401, problem["status"]!.GetValue<int>());
            }
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_bootstrap_key_is_accepted_and_admin_answers_are_not_cached(DatabaseProvider provider)
    {
        var app = await apps.On(provider);

        var response = await app.AdminClient().GetAsync("/api/admin/sections", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Unknown_api_routes_answer_404_problem(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var client = app.AdminClient();

        foreach (var url in new[] { "/api/nothing", "/api/v1/nothing/here", "/api/v2/articles", "/api/v1/articles/not-a-number" })
        {
            var response = await client.GetAsync(url, Ct);
            var problem = await Api.AssertProblemAsync(response, [404]);
            Assert.Contains(url, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_wrong_method_on_a_real_route_answers_405_with_the_allowed_methods(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var client = app.AdminClient();

        var response = await client.DeleteAsync("/api/v1/articles/1", Ct);
        var problem = await Api.AssertProblemAsync(response, [405]);
        Assert.Equal(["GET"], response.Content.Headers.Allow);
        Assert.Contains("DELETE", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var admin = await client.PatchAsync("/api/admin/articles/1", Api.Json("{}"), Ct);
        await Api.AssertProblemAsync(admin, [405]);
        Assert.Contains("PUT", admin.Content.Headers.Allow);
        Assert.Contains("DELETE", admin.Content.Headers.Allow);

        // A route whose constraint the path fails is no route at all: 404, whatever the method.
        await Api.AssertProblemAsync(await client.DeleteAsync("/api/v1/articles/not-a-number", Ct), [404]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Unhandled_errors_answer_500_problem_without_internals(DatabaseProvider provider)
    {
        // A database that was never migrated makes every query fail: a real fault, not a staged one.
        await using var app = new UnmigratedApp(provider);
        var client = app.AdminClient();

        foreach (var url in new[] { "/api/v1/articles", "/api/admin/articles/1" })
        {
            var response = await client.GetAsync(url, Ct);
            var problem = await Api.AssertProblemAsync(response, [500]);
            var body = problem.ToJsonString();
            Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Sqlite", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Npgsql", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    private sealed class UnmigratedApp(DatabaseProvider provider) : BroadsheetApp(provider)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Broadsheet:Database:ApplyMigrations", "false");
        }
    }
}
