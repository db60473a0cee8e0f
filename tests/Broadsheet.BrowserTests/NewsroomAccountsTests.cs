using System.Text.RegularExpressions;
using Broadsheet.Accounts;
using Broadsheet.Tests.Infrastructure;

namespace Broadsheet.BrowserTests;

/// <summary>The demo site (a little of everything the admin pages edit) with one admin of this test class's own.</summary>
public sealed class NewsroomSite(DemoSite demo) : IAsyncLifetime
{
    public const string AdminPassword = "Browser-Admin-Pass-1";

    public BroadsheetApp App => demo.App;

    public string AdminEmail { get; } = "chief@example.com";

    public async ValueTask InitializeAsync() =>
        await NewsroomSession.CreateUserAsync(App, NewsroomRoles.Admin, AdminEmail, AdminPassword, "Chief Admin");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>The newsroom's accounts and admin pages in Chromium: a real journey, and axe-core on every page.</summary>
public sealed partial class NewsroomAccountsTests(Chromium chromium, NewsroomSite site) : IClassFixture<NewsroomSite>
{
    /// <summary>
    /// One admin's walk in one browser page: the sign-in page by keyboard (the skip link) and with its errors, signing in,
    /// a section created after a mistake and a writer added, the new section on the reader site, then every admin page
    /// and one edit page of each kind with axe. Every page is checked as the journey reaches it, not loaded again apart.
    /// </summary>
    [Fact]
    public async Task An_admin_skips_to_the_content_signs_in_creates_a_section_and_a_writer_and_every_admin_page_passes_axe()
    {
        await using var watched = await chromium.NewPageAsync(site.App.BaseAddress);
        var page = watched.Page;
        var failures = new List<string>();

        async Task AxeAsync(string what)
        {
            foreach (var violation in await Axe.ViolationsAsync(page))
            {
                failures.Add($"{what}: {violation}");
            }
        }

        async Task CheckAsync(string path)
        {
            var response = await watched.GotoAsync(path);
            if (response.Status != 200)
            {
                failures.Add($"{path}: HTTP {response.Status}");
                return;
            }
            await AxeAsync(path);
        }

        // Signed out, /newsroom leads to the sign-in page, which passes axe; keyboard users can skip to its main content.
        Assert.Equal(200, (await watched.GotoAsync("/newsroom")).Status);
        Assert.EndsWith("/newsroom/signin?ReturnUrl=%2Fnewsroom", page.Url, StringComparison.Ordinal);
        await AxeAsync("/newsroom/signin");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await AxeAsync("sign-in with errors");

        await watched.GotoAsync("/newsroom");
        await page.GetByLabel("Email address").FillAsync(site.AdminEmail);
        await page.GetByLabel("Password").FillAsync(NewsroomSite.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArriveAsync(new Regex("/newsroom$"));
        Assert.Contains("Signed in as Chief Admin (Admin)", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Newsroom" }).GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sections" }).ClickAsync();
        // A mistake first: the error summary links to the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create section" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("Enter the section's name.");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter the section's name." }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToBeFocusedAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Local history");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create section" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Section 'Local history' created at /news/local-history.");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Section tree" }).GetByRole(AriaRole.Link, new() { Name = "Local history" })).ToBeVisibleAsync();

        await watched.GotoAsync("/newsroom/admin/users");
        await page.GetByLabel("Email address").FillAsync("new.writer@example.com");
        await page.GetByLabel("Display name").FillAsync("New Writer");
        await page.GetByLabel("Role").SelectOptionAsync("Writer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Account created for new.writer@example.com");
        await Assertions.Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row, new() { Name = "New Writer" })).ToContainTextAsync("Writer");

        // The reader site has the new section at once.
        await watched.GotoAsync("/news/local-history");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Local history");

        string[] lists = ["/newsroom", "/newsroom/account", "/newsroom/account/password", "/newsroom/account/two-factor", "/newsroom/admin",
            "/newsroom/admin/users", "/newsroom/admin/sections", "/newsroom/admin/topics", "/newsroom/admin/contributors",
            "/newsroom/admin/standards", "/newsroom/admin/ads", "/newsroom/admin/apikeys"];
        // One edit page of each kind, from the demo content, found on its list while the list is checked.
        string[] editable = ["/newsroom/admin/users", "/newsroom/admin/sections", "/newsroom/admin/topics", "/newsroom/admin/contributors", "/newsroom/admin/standards", "/newsroom/admin/ads"];
        var items = new List<string>();
        foreach (var path in lists)
        {
            await CheckAsync(path);
            if (editable.Contains(path))
            {
                var link = page.Locator($"main a[href^='{path}/']");
                var href = await link.CountAsync() > 0 ? await link.First.GetAttributeAsync("href") : null;
                if (href is null)
                {
                    failures.Add($"{path}: no item to open");
                    continue;
                }
                items.Add(href);
            }
        }
        foreach (var href in items)
        {
            await CheckAsync(href);
        }
        // The error state of a form with several fields.
        await watched.GotoAsync("/newsroom/admin/ads");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create ad" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await AxeAsync("ad form with errors");
        // The form with the most fields, date-times among them, on a small phone at 200% text: nothing scrolls sideways.
        await page.SetViewportSizeAsync(320, 700);
        await page.EvaluateAsync("() => document.documentElement.style.fontSize = '200%'");
        Assert.True(await Screens.OverflowAsync(page) == 0, "The ad form is wider than 320px at 200% text: " + await Screens.WiderThanViewportAsync(page));

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        watched.AssertClean();
    }
}
