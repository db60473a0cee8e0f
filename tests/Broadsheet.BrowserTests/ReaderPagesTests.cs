using System.Net.Http.Json;
using System.Text.Json;

namespace Broadsheet.BrowserTests;

/// <summary>
/// Every kind of reader page, on the demo publication, in Chromium: at 320, 390 and 1280 px, at 100% and 200% text, it
/// never scrolls sideways, passes axe, logs no console error and asks no other host for anything.
/// </summary>
public sealed class ReaderPagesTests(Chromium chromium, DemoSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Where axe runs on a page: a width at 100% or at 200% text.</summary>
    private readonly record struct AxeAt(int Width, bool DoubleText);

    private static readonly AxeAt[] PhoneAndDesktop = [new(390, false), new(1280, false)];

    /// <summary>
    /// One walk through the reader pages in one browser page: each is loaded once, then looked at in each width by
    /// resizing the window, as a reader turning a tablet or resizing a desktop window does. A new document per width and
    /// per check would lay out the same page again in a new browser context; every check below holds of the document
    /// at the width it is run.
    /// </summary>
    [Fact]
    public async Task Every_reader_page_fits_every_width_at_double_text_and_has_no_accessibility_violations_console_errors_or_third_party_requests()
    {
        using var client = site.App.Client();
        var eastAsia = (await client.GetFromJsonAsync<JsonElement>("/api/v1/articles?section=asia/east-asia&pageSize=1", Ct)).GetProperty("items")[0];
        var business = (await client.GetFromJsonAsync<JsonElement>("/api/v1/articles?section=business&pageSize=1", Ct)).GetProperty("items")[0];
        var author = "/authors/" + (await client.GetFromJsonAsync<JsonElement>("/api/v1/authors", Ct)).EnumerateArray()
            .First(a => a.GetProperty("kind").GetString() == "person").GetProperty("slug").GetString();
        var article = eastAsia.GetProperty("url").GetString()!;
        var topic = "/topics/" + eastAsia.GetProperty("topics")[0].GetProperty("slug").GetString();

        // Every kind of page at a phone's and a desktop's width; the search page in each of its states at every width;
        // the ends of two articles and the two indexes at 320 px with 200% text, where the reading-on lists and the
        // letters wrap the most.
        var pages = new List<(string Path, AxeAt[] Axe)>
        {
            ("/", PhoneAndDesktop), ("/news/asia/east-asia", PhoneAndDesktop), (topic, PhoneAndDesktop), (author, PhoneAndDesktop),
            (article, [.. PhoneAndDesktop, new(320, true)]), ("/standards", PhoneAndDesktop),
            ("/topics", [.. PhoneAndDesktop, new(320, true)]), ("/authors", [.. PhoneAndDesktop, new(320, true)]),
            (business.GetProperty("url").GetString()!, [new(320, true)]),
            ("/search?q=talks", [new(320, false), new(390, false), new(1280, false)]),
            ("/search", [new(320, false), new(390, false), new(1280, false)]),
            ("/search?q=zzzzqqqq&type=opinion", [new(320, false), new(390, false), new(1280, false)]),
            ("/news/asia", []), ("/topics/oceans", []), ("/standards/automation", []),
        };
        // The demo article's first topic may be one named above: its checks are the union of both.
        var walk = pages.GroupBy(p => p.Path).Select(g => (Path: g.Key, Axe: g.SelectMany(p => p.Axe).Distinct().ToArray())).ToList();

        await using var watched = await chromium.NewPageAsync(site.BaseAddress, 1280, 900);
        var page = watched.Page;
        foreach (var (path, axeAt) in walk)
        {
            var response = await watched.GotoAsync(path);
            Assert.True(response.Status == 200, $"{path} answered {response.Status}");
            await watched.SettleAsync();
            if (path == article)
            {
                Assert.True(await page.Locator(".reading-on .more a").CountAsync() > 0, "the demo article has a reading-on list");
            }
            // Widest first, so that the pictures a narrower window picks are already loaded.
            foreach (var (width, height) in Screens.Sizes.Reverse())
            {
                await page.SetViewportSizeAsync(width, height);
                await watched.SettleAsync();
                foreach (var doubleText in new[] { false, true })
                {
                    var text = doubleText ? "200% text" : "100% text";
                    // Text at 200%, as a reader's browser setting makes it: the root size every rem follows.
                    await page.EvaluateAsync("size => document.documentElement.style.fontSize = size", doubleText ? "200%" : "");
                    if (path == article)
                    {
                        await page.Locator(".reading-on").ScrollIntoViewIfNeededAsync();
                    }
                    await watched.SettleAsync();
                    Assert.True(await Screens.OverflowAsync(page) <= 0,
                        $"{path} scrolls sideways at {width}px with {text}: {await Screens.WiderThanViewportAsync(page)}");
                    if (axeAt.Contains(new AxeAt(width, doubleText)))
                    {
                        var violations = await Axe.ViolationsAsync(page);
                        Assert.True(violations.Count == 0, $"{path} at {width}px, {text}: {string.Join("; ", violations)}");
                    }
                }
            }
            Assert.True(watched.ConsoleErrors.Count + watched.FailedRequests.Count + watched.ThirdPartyRequests.Count == 0,
                $"{path}: {string.Join("; ", [.. watched.ConsoleErrors, .. watched.FailedRequests, .. watched.ThirdPartyRequests])}");
        }
        watched.AssertClean();
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
}
