using System.Net.Http.Json;
using System.Text.Json;

namespace Broadsheet.BrowserTests;

/// <summary>Every kind of reader page, on the demo publication, in Chromium: accessible, quiet, self-contained.</summary>
public sealed class ReaderPagesTests(Chromium chromium, DemoSite site)
{
    public static TheoryData<string> PageKinds => ["home", "section", "topic", "author", "article", "standards", "topics", "authors"];

    [Theory]
    [MemberData(nameof(PageKinds))]
    public async Task Page_has_no_accessibility_violations_console_errors_or_third_party_requests(string kind)
    {
        var path = await PathOfAsync(kind);
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            await using var watched = await chromium.NewPageAsync(site.BaseAddress, width, height);
            var response = await watched.GotoAsync(path);
            Assert.Equal(200, response.Status);
            await watched.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            var violations = await Axe.ViolationsAsync(watched.Page);
            Assert.True(violations.Count == 0, $"{kind} page {path} at {width}px: {string.Join("; ", violations)}");
            watched.AssertClean();
        }
    }

    [Fact]
    public async Task Unknown_address_shows_the_404_page_with_a_way_home()
    {
        await using var watched = await chromium.NewPageAsync(site.BaseAddress);
        var response = await watched.GotoAsync("/news/no-such-section/article/999999/nothing-here");
        Assert.Equal(404, response.Status);
        Assert.True(await watched.Page.Locator("main a[href='/']").CountAsync() > 0);
        Assert.Empty(await Axe.ViolationsAsync(watched.Page));
    }

    private async Task<string> PathOfAsync(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = site.App.Client();
        var articles = await client.GetFromJsonAsync<JsonElement>("/api/v1/articles?section=asia/east-asia&pageSize=1", ct);
        var article = articles.GetProperty("items")[0];
        return kind switch
        {
            "home" => "/",
            "section" => "/news/asia/east-asia",
            "topic" => "/topics/" + article.GetProperty("topics")[0].GetProperty("slug").GetString(),
            "author" => "/authors/" + (await client.GetFromJsonAsync<JsonElement>("/api/v1/authors", ct))
                .EnumerateArray().First(a => a.GetProperty("kind").GetString() == "person").GetProperty("slug").GetString(),
            "article" => article.GetProperty("url").GetString()!,
            "standards" => "/standards",
            "topics" => "/topics",
            "authors" => "/authors",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
