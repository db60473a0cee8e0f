using System.Text.RegularExpressions;
using Broadsheet.Accounts;
using Broadsheet.Tests.Infrastructure;

namespace Broadsheet.BrowserTests;

/// <summary>
/// A writer who forgot their password gets back in by email, by keyboard alone, and lands on the desk, which fits every
/// width with text at 200% and has no axe violations; so do the forgot-password pages, with and without errors.
/// </summary>
public sealed class DeskTests(Chromium chromium, DemoSite demo)
{
    [Fact]
    public async Task A_writer_resets_a_forgotten_password_by_email_and_finds_the_desk_by_keyboard()
    {
        var email = $"desk.writer.{Guid.NewGuid():N}@example.com";
        await NewsroomSession.CreateUserAsync(demo.App, NewsroomRoles.Writer, email, displayName: "Desk Writer");
        await using var watched = await chromium.NewPageAsync(demo.App.BaseAddress);
        var page = watched.Page;
        var failures = new List<string>();
        async Task AxeAsync(string what) => failures.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{what}: {v}"));

        await watched.GotoAsync("/newsroom/signin");
        var forgot = page.GetByRole(AriaRole.Link, new() { Name = "Forgot password?" });
        await TabToAsync(page, forgot);
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAsync(new Regex("/newsroom/signin/forgot-password$"));
        await AxeAsync("forgot password");

        // Sent empty: the error summary takes focus and links to the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a link" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#Input_Email']")).ToHaveTextAsync("Email address is required.");
        await AxeAsync("forgot password with errors");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("Email address")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("If an account uses that address");
        await AxeAsync("forgot password answered");

        var (_, text) = await TestSmtp.WaitForAsync(email, TestContext.Current.CancellationToken);
        var link = new Uri(text.Split(['\r', '\n', ' ']).Single(w => w.Contains("/newsroom/signin/reset-password?", StringComparison.Ordinal)));
        await watched.GotoAsync(link.PathAndQuery);
        const string password = "Desk-Writer-Back-2099!";
        await page.GetByLabel("New password").FocusAsync();
        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAsync(new Regex("/newsroom/signin$"));
        await page.GetByLabel("Email address").FocusAsync();
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAsync(new Regex("/newsroom$"));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your drafts (0)" })).ToBeVisibleAsync();
        foreach (var width in new[] { 320, 390, 1280 })
        {
            foreach (var size in new[] { "100%", "200%" })
            {
                await page.SetViewportSizeAsync(width, 800);
                await page.EvaluateAsync("size => document.documentElement.style.fontSize = size", size);
                if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"))
                {
                    failures.Add($"the desk at {width} px, {size} text: scrolls sideways");
                }
            }
        }
        await AxeAsync("the desk");
        var write = page.GetByRole(AriaRole.Link, new() { Name = "Write a new article" }).First;
        await TabToAsync(page, write);
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAsync(new Regex("/newsroom/articles/new$"));
        // The byline offers the writer first: their name when no contributor bears it yet.
        await Assertions.Expect(page.Locator("#contributor-names option").First).ToHaveAttributeAsync("value", "Desk Writer");

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        watched.AssertClean();
    }

    /// <summary>Presses Tab until <paramref name="target"/> has focus, as a keyboard user gets there.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 80 && !await target.EvaluateAsync<bool>("e => e === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Assertions.Expect(target).ToBeFocusedAsync();
    }
}
