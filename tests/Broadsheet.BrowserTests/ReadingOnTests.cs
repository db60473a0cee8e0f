using System.Net.Http.Json;
using System.Text.Json;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The end of an article and the topics and authors indexes on the demo publication, by keyboard. That they fit every
/// width at 200% text without axe violations is checked in the walk through every reader page (ReaderPagesTests).
/// </summary>
public sealed class ReadingOnTests(Chromium chromium, DemoSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> ArticlePathAsync()
    {
        using var client = site.App.Client();
        var articles = await client.GetFromJsonAsync<JsonElement>("/api/v1/articles?section=asia/east-asia&pageSize=1", Ct);
        return articles.GetProperty("items")[0].GetProperty("url").GetString()!;
    }

    /// <summary>Presses Tab until a link matching <paramref name="selector"/> has the focus, then Enter; answers the link's address.</summary>
    private static async Task<string> TabToAndFollowAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 300; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string?>($"() => document.activeElement?.matches({JsonSerializer.Serialize(selector)}) ? document.activeElement.getAttribute('href') : null") is { } href)
            {
                await page.Keyboard.PressAsync("Enter");
                await page.ArriveAsync(url => Uri.UnescapeDataString(new Uri(url).AbsolutePath) == Uri.UnescapeDataString(href.Split('?')[0]), href);
                return href;
            }
        }
        throw new Xunit.Sdk.XunitException($"Tab never reached {selector}");
    }

    [Fact]
    public async Task A_keyboard_reader_goes_from_an_article_to_the_next_and_through_both_indexes()
    {
        await using var watched = await chromium.NewPageAsync(site.BaseAddress, 390, 844);
        var page = watched.Page;
        await watched.GotoAsync(await ArticlePathAsync());
        var next = await TabToAndFollowAsync(page, ".reading-on .more a");
        Assert.StartsWith("/news/", next, StringComparison.Ordinal);

        await TabToAndFollowAsync(page, "footer a[href='/topics']");
        var topic = await TabToAndFollowAsync(page, ".letters a");
        Assert.StartsWith("/topics/", topic, StringComparison.Ordinal);

        await TabToAndFollowAsync(page, "footer a[href='/authors']");
        var author = await TabToAndFollowAsync(page, ".people a");
        Assert.StartsWith("/authors/", author, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        watched.AssertClean();
    }
}
