using System.Text.RegularExpressions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// A reader searches the demo publication with the keyboard alone, from the header's search box to a result, and the
/// search page's states are accessible and fit every width, also with text at 200% (checked in the walk through every
/// reader page, ReaderPagesTests).
/// </summary>
public sealed class SearchPageTests(Chromium chromium, DemoSite site)
{
    [Fact]
    public async Task A_reader_searches_from_the_header_with_the_keyboard_and_opens_a_result()
    {
        await using var watched = await chromium.NewPageAsync(site.BaseAddress, 320, 700);
        var page = watched.Page;
        await watched.GotoAsync("/");
        await watched.SettleAsync();
        for (var i = 0; i < 20 && await page.EvaluateAsync<string>("document.activeElement?.id ?? ''") != "site-q"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal("site-q", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("talks");
        // Enter submits what the box holds when the key arrives: wait until every typed key has reached it.
        var box = page.Locator("#site-q");
        await Assertions.Expect(box).ToBeFocusedAsync();
        await Assertions.Expect(box).ToHaveValueAsync("talks");
        await page.Keyboard.PressAsync("Enter");
        // The navigation is the form's submission; the results are waited for on their own, not behind every picture.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=talks$"));
        var results = page.Locator("ol.results > li");
        await Assertions.Expect(results.First).ToBeVisibleAsync();
        Assert.True(await results.CountAsync() > 0);
        Assert.True(await page.Locator("ol.results mark").CountAsync() > 0);

        // On to the first result, still by keyboard.
        var first = results.First.Locator("h3 a");
        var href = await first.GetAttributeAsync("href") ?? throw new Xunit.Sdk.XunitException("The first result has no link.");
        for (var i = 0; i < 40 && await page.EvaluateAsync<string?>("document.activeElement?.getAttribute('href')") != href; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal(href, await page.EvaluateAsync<string?>("document.activeElement?.getAttribute('href')"));
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAsync(url => url.EndsWith(href, StringComparison.Ordinal), href);
        // Every request of both pages has ended (none failed) before the page is closed.
        await watched.SettleAsync();
        watched.AssertClean();
    }
}
