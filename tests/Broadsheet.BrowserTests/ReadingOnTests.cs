using System.Net.Http.Json;
using System.Text.Json;

namespace Broadsheet.BrowserTests;

/// <summary>The end of an article and the topics and authors indexes on the demo publication: at every width, at 200% text, by keyboard.</summary>
public sealed class ReadingOnTests(Chromium chromium, DemoSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> ArticlePathAsync()
    {
        using var client = site.App.Client();
        var articles = await client.GetFromJsonAsync<JsonElement>("/api/v1/articles?section=asia/east-asia&pageSize=1", Ct);
        return articles.GetProperty("items")[0].GetProperty("url").GetString()!;
    }

    /// <summary>How far the page scrolls sideways.</summary>
    private static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    /// <summary>The elements whose right edge passes the viewport's outside any scrolling box, for the failure message.</summary>
    private static Task<string> WiderThanViewportAsync(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                .filter(e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return false; return true; })
                .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')
              + ' text wider than its box: ' + [...document.body.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && e.clientWidth > 0).slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')
        """);

    [Fact]
    public async Task Every_reader_page_fits_every_width_at_double_text_without_accessibility_violations()
    {
        using var client = site.App.Client();
        var english = await client.GetFromJsonAsync<JsonElement>("/api/v1/articles?section=business&pageSize=1", Ct);
        var author = (await client.GetFromJsonAsync<JsonElement>("/api/v1/authors", Ct)).EnumerateArray()
            .First(a => a.GetProperty("kind").GetString() == "person").GetProperty("slug").GetString();
        string[] paths = [await ArticlePathAsync(), english.GetProperty("items")[0].GetProperty("url").GetString()!, "/topics", "/authors",
            "/", "/news/asia", "/search?q=talks", "/topics/oceans", "/authors/" + author, "/standards", "/standards/automation"];
        foreach (var width in new[] { 320, 390, 1280 })
        {
            await using var watched = await chromium.NewPageAsync(site.BaseAddress, width, 800);
            foreach (var path in paths)
            {
                Assert.Equal(200, (await watched.GotoAsync(path)).Status);
                var articleEnd = path == paths[0];
                Assert.True(await OverflowAsync(watched.Page) <= 0, $"{path} scrolls sideways at {width}px: {await WiderThanViewportAsync(watched.Page)}");
                if (articleEnd)
                {
                    Assert.True(await watched.Page.Locator(".reading-on .more a").CountAsync() > 0, "the demo article has a reading-on list");
                    await watched.Page.Locator(".reading-on").ScrollIntoViewIfNeededAsync();
                }
                // Text at 200%, as a reader's browser setting makes it: the root size every rem follows.
                await watched.Page.EvaluateAsync("() => document.documentElement.style.fontSize = '200%'");
                Assert.True(await OverflowAsync(watched.Page) <= 0,
                    $"{path} scrolls sideways at {width}px with 200% text: {await WiderThanViewportAsync(watched.Page)}");
                // axe at 200% text on the pages this test first covered and the English article; ReaderPagesTests runs it on
                // every kind of page at 100%.
                if (width == 320 && Array.IndexOf(paths, path) < 4)
                {
                    var violations = await Axe.ViolationsAsync(watched.Page);
                    Assert.True(violations.Count == 0, $"{path} at {width}px, 200% text: {string.Join("; ", violations)}");
                }
            }
            watched.AssertClean();
        }
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
                await page.WaitForURLAsync(url => Uri.UnescapeDataString(new Uri(url).AbsolutePath) == Uri.UnescapeDataString(href.Split('?')[0]));
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
