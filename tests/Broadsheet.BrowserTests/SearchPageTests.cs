namespace Broadsheet.BrowserTests;

/// <summary>
/// A reader searches the demo publication with the keyboard alone, from the header's search box to a result, and the
/// search page is accessible and fits a 320 px phone, also with text at 200%.
/// </summary>
public sealed class SearchPageTests(Chromium chromium, DemoSite site)
{
    [Fact]
    public async Task A_reader_searches_from_the_header_with_the_keyboard_and_opens_a_result()
    {
        await using var watched = await chromium.NewPageAsync(site.BaseAddress, 320, 700);
        var page = watched.Page;
        await watched.GotoAsync("/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        for (var i = 0; i < 20 && await page.EvaluateAsync<string>("document.activeElement?.id ?? ''") != "site-q"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal("site-q", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("talks");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=talks");
        var results = page.Locator("ol.results > li");
        Assert.True(await results.CountAsync() > 0);
        Assert.True(await page.Locator("ol.results mark").CountAsync() > 0);

        // On to the first result, still by keyboard.
        var first = results.First.Locator("h3 a");
        var href = await first.GetAttributeAsync("href");
        for (var i = 0; i < 40 && await page.EvaluateAsync<string?>("document.activeElement?.getAttribute('href')") != href; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal(href, await page.EvaluateAsync<string?>("document.activeElement?.getAttribute('href')"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**" + href);
        watched.AssertClean();
    }

    [Fact]
    public async Task The_search_page_is_accessible_and_never_scrolls_sideways()
    {
        foreach (var path in new[] { "/search?q=talks", "/search", "/search?q=zzzzqqqq&type=opinion" })
        {
            foreach (var (width, height) in new[] { (320, 700), (390, 844), (1280, 900) })
            {
                await using var watched = await chromium.NewPageAsync(site.BaseAddress, width, height);
                var response = await watched.GotoAsync(path);
                Assert.Equal(200, response.Status);
                var violations = await Axe.ViolationsAsync(watched.Page);
                Assert.True(violations.Count == 0, $"{path} at {width}px: {string.Join("; ", violations)}");
                Assert.True(await FitsAsync(watched.Page), $"{path} scrolls sideways at {width}px");
                await watched.Page.EvaluateAsync("document.documentElement.style.fontSize = '200%'");
                Assert.True(await FitsAsync(watched.Page), $"{path} scrolls sideways at {width}px with text at 200%");
                watched.AssertClean();
            }
        }
    }

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth");
}
