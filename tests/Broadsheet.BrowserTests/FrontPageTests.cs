using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.FrontPage;
using Broadsheet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.BrowserTests;

/// <summary>
/// An editor runs the front page by keyboard alone and readers see it: the home page's lead, at every width and at
/// 200% text without sideways scrolling, both pages without accessibility violations; an article sends its read beacon.
/// </summary>
public sealed class FrontPageTests(Chromium chromium, DemoSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 200; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => !!document.activeElement?.matches({JsonSerializer.Serialize(selector)})"))
            {
                return;
            }
        }
        throw new Xunit.Sdk.XunitException($"Tab never reached {selector}");
    }

    private static Task<int> SidewaysAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    [Fact]
    public async Task An_editor_pins_a_lead_by_keyboard_and_the_home_page_leads_with_it_at_every_width()
    {
        using var client = site.App.Client();
        var articles = await client.GetFromJsonAsync<JsonElement>("/api/v1/articles?pageSize=50", Ct);
        var items = articles.GetProperty("items");
        // The oldest story: the automatic order would never lead with it.
        var chosen = items[items.GetArrayLength() - 1];
        var headline = chosen.GetProperty("headline").GetString()!;
        var editor = await NewsroomSession.CreateUserAsync(site.App, NewsroomRoles.Editor, displayName: "Front Page Editor");
        try
        {
            await using (var watched = await chromium.NewPageAsync(site.BaseAddress, 1280, 900))
            {
                var page = watched.Page;
                page.SetDefaultTimeout(60_000);
                await watched.GotoAsync("/newsroom/signin");
                await page.GetByLabel("Email").FillAsync(editor.Email!);
                await page.GetByLabel("Password").FillAsync(NewsroomSession.DefaultPassword);
                await page.Keyboard.PressAsync("Enter");
                await page.ArriveAsync(new Regex("/newsroom/?$"));

                await watched.GotoAsync("/newsroom/front-page");
                Assert.Empty(await Axe.ViolationsAsync(page));
                await TabToAsync(page, "#q");
                await page.Keyboard.TypeAsync(headline);
                await page.Keyboard.PressAsync("Enter");
                await page.ArriveAsync(new Regex("q="));
                await TabToAsync(page, $"button[name=lead][value='{chosen.GetProperty("id").GetInt32()}']");
                Assert.Contains(headline, await page.EvaluateAsync<string>("() => document.activeElement.textContent"), StringComparison.Ordinal);
                await page.Keyboard.PressAsync("Enter");
                await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Front page saved.");
                await Assertions.Expect(page.Locator("#slot-0 legend")).ToContainTextAsync("Lead: " + headline);
                Assert.Empty(await Axe.ViolationsAsync(page));

                // Another editor saves the same list meanwhile: this editor's next button is refused, the page says who
                // saved and shows the front page as it now is, at every width.
                await using (var scope = site.App.Services.CreateAsyncScope())
                {
                    var writer = scope.ServiceProvider.GetRequiredService<FrontPageWriter>();
                    Assert.True((await writer.SaveAsync(new FrontPageInput(new SlotInput(chosen.GetProperty("id").GetInt32()), []), new ChangedBy(null, "Another Editor"), ct: Ct)).Succeeded);
                }
                await TabToAsync(page, "#slots ~ * button[name=remove][value='0'], button[name=remove][value='0']");
                await page.Keyboard.PressAsync("Enter");
                await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Not saved: Another Editor saved the front page");
                await Assertions.Expect(page.Locator("#slot-0 legend")).ToContainTextAsync("Lead: " + headline);
                foreach (var width in new[] { 1280, 390, 320 })
                {
                    await page.SetViewportSizeAsync(width, 900);
                    Assert.Equal(0, await SidewaysAsync(page));
                }
                await page.EvaluateAsync("() => document.documentElement.style.fontSize = '200%'");
                Assert.True(await SidewaysAsync(page) == 0, "Wider than 320px at 200% text: " + await Screens.WiderThanViewportAsync(page));
                Assert.Empty(await Axe.ViolationsAsync(page));
                watched.AssertClean();
            }

            // The home page loaded once and looked at in each width by resizing the window, widest first; then the reader
            // goes on, on the phone, to the article.
            await using (var watched = await chromium.NewPageAsync(site.BaseAddress, 1280, 900))
            {
                Assert.Equal(200, (await watched.GotoAsync("/")).Status);
                foreach (var width in new[] { 1280, 390, 320 })
                {
                    await watched.Page.SetViewportSizeAsync(width, 900);
                    await watched.Page.EvaluateAsync("() => document.documentElement.style.fontSize = ''");
                    await Assertions.Expect(watched.Page.Locator(".lead h3")).ToHaveTextAsync(headline);
                    Assert.Equal(0, await SidewaysAsync(watched.Page));
                    Assert.Empty(await Axe.ViolationsAsync(watched.Page));
                    if (width == 1280)
                    {
                        // The desktop uses the width: the lead beside "Most read" or the top stories in columns, every section in the menu in view.
                        var lead = await watched.Page.Locator(".lead-story").BoundingBoxAsync();
                        Assert.True(lead!.Width > 700, $"the lead is {lead.Width}px wide at 1280px");
                        var menu = await watched.Page.EvaluateAsync<bool>("() => [...document.querySelectorAll('.menu a')].every(a => a.getBoundingClientRect().right <= document.documentElement.clientWidth)");
                        Assert.True(menu, "a section link is cut off at 1280px");
                    }
                    await watched.Page.EvaluateAsync("() => document.documentElement.style.fontSize = '200%'");
                    Assert.Equal(0, await SidewaysAsync(watched.Page));
                    if (width == 320)
                    {
                        Assert.Empty(await Axe.ViolationsAsync(watched.Page));
                    }
                    watched.AssertClean();
                }

                // The article page counts its read with a same-origin beacon once it has been in view (Chromium headless is a robot and is not counted).
                await watched.Page.SetViewportSizeAsync(390, 800);
                await watched.SettleAsync();
                var beacon = watched.Page.WaitForRequestAsync(r => r.Url.Contains("/reads/" + chosen.GetProperty("id").GetInt32(), StringComparison.Ordinal) && r.Method == "POST");
                var url = chosen.GetProperty("url").GetString()!;
                await watched.GotoAsync(url.StartsWith('/') ? url : new Uri(url).PathAndQuery);
                var response = await (await beacon).ResponseAsync();
                Assert.Equal(204, response!.Status);
                watched.AssertClean();
            }
        }
        finally
        {
            await using var scope = site.App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FrontPageWriter>().SaveAsync(new FrontPageInput(null, []), new ChangedBy(null, "Test"), ct: Ct);
        }
    }
}
