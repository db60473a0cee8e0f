using System.Text.RegularExpressions;
using Broadsheet.Accounts;
using Broadsheet.Feedback;
using Broadsheet.Tests.Infrastructure;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The trust pieces of the article page in Chromium: a reader reports an error by keyboard on a phone and an editor finds
/// it in the queue; both screens fit 320, 390 and 1280 px at 100% and 200% text with no axe violation; the article
/// prints on at most two A4 pages without menu, ads, player, share or forms (in the reader's visit, before the report).
/// </summary>
public sealed class TrustTests(Chromium chromium, DemoSite site)
{
    private static readonly int[] Widths = [320, 390, 1280];

    /// <summary>How far this branch's parts of the article (label, about, share, report form) stick out of the viewport.</summary>
    private const string TrustPartsOverflow = """
        () => Math.ceil(Math.max(0, ...[...document.querySelectorAll('.work-type, .about-story, .about-story *, .share, .share *, .report, .report *')]
                .map(e => e.getBoundingClientRect().right + window.scrollX)) - document.documentElement.clientWidth)
        """;

    private const string PageOverflow = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth";

    /// <summary>
    /// One reader's visit in one browser page: the article fits every width, prints (at a desktop's width, where the
    /// menu and the rest are on screen), and the reader, on a phone, reports an error by keyboard.
    /// </summary>
    [Fact]
    public async Task A_reader_prints_the_article_on_two_a4_pages_and_reports_an_error_by_keyboard_on_a_phone_and_an_editor_finds_it_in_the_queue()
    {
        var path = await ArticlePageTests.ReferenceArticleAsync(site);
        var details = "The third paragraph quotes a ministry official; the ministry says it was a spokesperson. " + Guid.NewGuid().ToString("N")[..6];

        await using var reader = await chromium.NewPageAsync(site.BaseAddress, 390, 844);
        var page = reader.Page;
        Assert.Equal(200, (await reader.GotoAsync(path)).Status);
        await AssertFitsAndAccessibleAsync(page, path, TrustPartsOverflow);

        // Printed without menu, ads, player, share or forms, on at most two A4 pages.
        await page.SetViewportSizeAsync(1280, 900);
        await page.EvaluateAsync("() => document.documentElement.style.fontSize = ''");
        // The pictures the desktop's width picks have arrived, so the print has them and no fetch is cut off later.
        await reader.SettleAsync();
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        foreach (var hidden in new[] { ".menu", ".ad", ".listen", ".share", ".report", ".search-box" })
        {
            foreach (var element in await page.Locator(hidden).AllAsync())
            {
                Assert.False(await element.IsVisibleAsync(), $"{hidden} shows in print");
            }
        }
        foreach (var shown in new[] { "h1", ".byline", ".hero img", ".body p" })
        {
            Assert.True(await page.Locator(shown).First.IsVisibleAsync(), $"{shown} is missing from print");
        }
        var pdf = await page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true });
        var pages = Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![a-zA-Z])");
        Assert.InRange(pages, 1, 2);
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Screen });

        await page.SetViewportSizeAsync(390, 844);
        await reader.SettleAsync();
        await page.EvaluateAsync("() => document.documentElement.style.fontSize = ''");

        // Keyboard alone: Tab to "Report an error", follow it, write, Tab past the optional email to the button, send.
        var link = page.Locator(".report a");
        for (var presses = 0; presses < 300 && !await link.EvaluateAsync<bool>("e => e === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.True(await link.EvaluateAsync<bool>("e => e === document.activeElement"), "Tab never reached Report an error");
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAsync(new Regex("/report-error\\?article=\\d+$"));
        // The form's token dates from its render, at the latest now; a report is taken from three seconds after it.
        var acceptedFrom = DateTimeOffset.UtcNow + ReportTokens.MinAge + TimeSpan.FromSeconds(1);
        Assert.Empty(await Axe.ViolationsAsync(page));
        var textarea = page.Locator("textarea[name=details]");
        for (var presses = 0; presses < 60 && !await textarea.EvaluateAsync<bool>("e => e === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal("details", await page.EvaluateAsync<string>("() => document.activeElement.name"));
        await page.Keyboard.TypeAsync(details);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("BUTTON", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        var wait = acceptedFrom - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, TestContext.Current.CancellationToken);
        }
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAsync(new Regex("/report-error\\?article=\\d+&sent=true$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you");
        Assert.Empty(await Axe.ViolationsAsync(page));
        reader.AssertClean();

        var editorUser = await NewsroomSession.CreateUserAsync(site.App, NewsroomRoles.Editor, displayName: "Standards Editor");
        await using var editor = await chromium.NewPageAsync(site.BaseAddress, 390, 844);
        await editor.GotoAsync("/newsroom/signin");
        await editor.Page.GetByLabel("Email").FillAsync(editorUser.Email!);
        await editor.Page.GetByLabel("Password").FillAsync(NewsroomSession.DefaultPassword);
        await editor.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await editor.Page.ArriveAsync(new Regex("/newsroom/?$"), timeout: 90_000);
        await editor.Page.GetByRole(AriaRole.Link, new() { Name = "Error reports" }).ClickAsync();
        var report = editor.Page.Locator(".report-item", new() { HasText = details });
        await Assertions.Expect(report).ToHaveCountAsync(1);
        Assert.Equal(path, await report.GetByRole(AriaRole.Link, new() { Name = "on the site" }).GetAttributeAsync("href"));
        await AssertFitsAndAccessibleAsync(editor.Page, "/newsroom/error-reports", PageOverflow);
        editor.AssertClean();
    }

    /// <summary>No sideways scroll at each width, at 100% and 200% text, and no axe violation at 320 px with 200% text.</summary>
    private static async Task AssertFitsAndAccessibleAsync(IPage page, string what, string overflow)
    {
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 800);
            foreach (var text in new[] { "", "200%" })
            {
                await page.EvaluateAsync("size => document.documentElement.style.fontSize = size", text);
                var sticksOut = await page.EvaluateAsync<int>(overflow);
                Assert.True(sticksOut <= 0, $"{what} scrolls sideways by {sticksOut}px at {width}px, text {(text.Length == 0 ? "100%" : text)}");
            }
        }
        var violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{what} at 1280px, 200% text: {string.Join("; ", violations)}");
    }
}
