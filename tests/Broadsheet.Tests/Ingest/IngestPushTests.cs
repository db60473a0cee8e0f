using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Broadsheet.Ingest;
using Broadsheet.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Ingest;

/// <summary><c>POST /api/admin/ingest</c>: raw bytes in, one status per item out, problem details for what is no item.</summary>
[Collection(SharedAppsCollection.Name)]
public sealed class IngestPushTests(IngestApps apps) : IClassFixture<IngestApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static string Ninjs(string uri, int version, string headline, string pubstatus = "usable") => new JsonObject
    {
        ["uri"] = uri,
        ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["type"] = "text",
        ["pubstatus"] = pubstatus,
        ["headline"] = headline,
        ["body_html"] = "<p>The council voted on Tuesday.</p>",
        ["language"] = "en",
    }.ToJsonString();

    [Fact]
    public async Task A_push_answers_each_items_status_and_repeats_are_duplicates()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var (source, _) = await Wire.SourceAsync(app);
        using var admin = app.AdminClient();
        var uri = Api.Api.Unique("urn:push:council");

        var first = await admin.PostAsync($"/api/admin/ingest?source={Uri.EscapeDataString(source)}", Raw(Ninjs(uri, 1, "Council votes on budget"), "application/vnd.iptc.ninjs+json"), Ct)
            .ExpectAsync(HttpStatusCode.OK);
        var item = Assert.Single(first["items"]!.AsArray())!;
        Assert.Equal((uri, 1, "created"), (item["guid"]!.GetValue<string>(), item["version"]!.GetValue<int>(), item["status"]!.GetValue<string>()));
        var articleId = item["articleId"]!.GetValue<int>();
        var article = await admin.GetAsync($"/api/admin/articles/{articleId}", Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("Council votes on budget", "published"), (article["headline"]!.GetValue<string>(), article["status"]!.GetValue<string>()));

        // The declared type is wrong; the content says ninjs.
        var again = await admin.PostAsync($"/api/admin/ingest?source={Uri.EscapeDataString(source)}", Raw(Ninjs(uri, 1, "Council votes on budget"), "text/plain"), Ct)
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("duplicate", articleId), (again["items"]![0]!["status"]!.GetValue<string>(), again["items"]![0]!["articleId"]!.GetValue<int>()));

        var killed = await admin.PostAsync($"/api/admin/ingest?source={Uri.EscapeDataString(source)}", Raw(Ninjs(uri, 2, "Council votes on budget", "canceled"), "application/json"), Ct)
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("killed", killed["items"]![0]!["status"]!.GetValue<string>());
        using var reader = app.Client();
        Assert.Equal(HttpStatusCode.Gone, (await reader.GetAsync(article["url"]!.GetValue<string>(), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_no_item_is_a_422_problem_and_kept_and_an_oversized_one_is_413()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        using var admin = app.AdminClient();
        var source = Api.Api.Unique("Junk");
        var response = await admin.PostAsync($"/api/admin/ingest?source={source}", Raw("<html><body>not wire copy</body></html>", "application/xml"), Ct);
        var problem = await Api.Api.AssertProblemAsync(response, [422]);
        Assert.Contains("kept in the wire quarantine", problem["detail"]!.GetValue<string>());
        Assert.True(problem["quarantined"]!.GetValue<bool>());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Broadsheet.Data.BroadsheetDb>();
            var kept = await db.WireEntries.Include(e => e.Arrival).SingleAsync(e => e.Source == source, Ct);
            Assert.Equal((WireStatus.Quarantined, "<html><body>not wire copy</body></html>"), (kept.Status, Encoding.UTF8.GetString(kept.Arrival!.Body)));
        }

        var max = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IngestOptions>>().Value.MaxDeliveryBytes;
        var tooLarge = await admin.PostAsync("/api/admin/ingest", new ByteArrayContent(new byte[max + 1]), Ct);
        await Api.Api.AssertProblemAsync(tooLarge, [413]);

        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/admin/ingest", Raw("{}", "application/json"), Ct)).StatusCode);
        var openApi = await anonymous.GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains("\"/api/admin/ingest\"", openApi);
    }
}
