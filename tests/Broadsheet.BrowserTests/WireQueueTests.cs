using System.Text.RegularExpressions;
using Broadsheet.Accounts;
using Broadsheet.Ingest;
using Broadsheet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.BrowserTests;

/// <summary>The demo site with an editor of this class's own and a source whose items wait in the wire queue.</summary>
public sealed class WireSite(DemoSite demo) : IAsyncLifetime
{
    public const string Password = "Wire-Editor-Pass-1";

    public BroadsheetApp App => demo.App;

    public string Email { get; } = "wire.editor@example.com";

    public string Source { get; } = "Browser Wire";

    public async ValueTask InitializeAsync()
    {
        await NewsroomSession.CreateUserAsync(App, NewsroomRoles.Editor, Email, Password, "Wire Editor");
        await using var scope = App.Services.CreateAsyncScope();
        var section = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            scope.ServiceProvider.GetRequiredService<Broadsheet.Data.BroadsheetDb>().Sections, s => s.ParentId == null);
        await scope.ServiceProvider.GetRequiredService<WireSourceRules>().SaveAsync(new WireSourceInput { Name = Source, Section = section.Path, AutoPublish = false }, CancellationToken.None);
        var desk = App.Services.GetRequiredService<WireDesk>();
        WireItem Item(string id, int version, string headline) => new()
        {
            ItemId = id, Version = version, Format = WireFormat.Ninjs, Headline = headline, Urgency = 2,
            BodyHtml = "<p>The ferry service resumed at noon after the storm.</p>", Summary = "Ferries run again.",
        };
        var parse = new WireParse(WireFormat.Ninjs, [
            new WireParsedItem(Item("urn:browser:ferry", 1, "Ferries resume after storm")),
            new WireParsedItem(Item("urn:browser:ferry", 2, "Ferries resume after storm, queues at port")),
        ]);
        await desk.ReceiveAsync(new WireDelivery("{}"u8.ToArray(), "application/json", "test", Source), parse, CancellationToken.None);
        await desk.ReceiveAsync(new WireDelivery("not wire copy"u8.ToArray(), "text/plain", "test", Source), CancellationToken.None);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>The wire queue in Chromium: keyboard alone from sign-in to a draft, every width, 200% text and axe.</summary>
public sealed class WireQueueTests(Chromium chromium, WireSite site) : IClassFixture<WireSite>
{
    [Fact]
    public async Task An_editor_finds_a_held_story_with_its_versions_and_uses_it_as_a_draft_by_keyboard_alone()
    {
        await using var watched = await chromium.NewPageAsync(site.App.BaseAddress);
        var page = watched.Page;
        await page.GotoAsync("/newsroom/signin");
        await page.GetByLabel("Email address").FocusAsync();
        await page.Keyboard.TypeAsync(site.Email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(WireSite.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAsync(new Regex("/newsroom$"));

        var failures = new List<string>();
        // Each list loaded once and looked at in each width by resizing the window, at both text sizes; axe and what follows
        // see it at 1280 px with 200% text.
        foreach (var path in new[] { "/newsroom/wire", "/newsroom/wire?status=Quarantined" })
        {
            await page.GotoAsync(path);
            foreach (var width in new[] { 320, 390, 1280 })
            {
                foreach (var text in new[] { "100%", "200%" })
                {
                    await page.SetViewportSizeAsync(width, 800);
                    await page.EvaluateAsync("size => document.documentElement.style.fontSize = size", text);
                    var sideways = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
                    if (sideways)
                    {
                        failures.Add($"{path} at {width} px, {text} text: scrolls sideways");
                    }
                }
            }
            failures.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }
        var quarantined = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Quarantined" });
        await Assertions.Expect(quarantined.First).ToContainTextAsync("unknown format");
        await Assertions.Expect(quarantined.First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Retry") })).ToBeVisibleAsync();
        var raw = quarantined.First.GetByRole(AriaRole.Link).First;
        await raw.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the delivery as received" })).ToBeVisibleAsync();
        failures.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"item page: {v}"));

        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync("/newsroom");
        var wireLink = page.GetByRole(AriaRole.Navigation, new() { Name = "Newsroom" }).GetByRole(AriaRole.Link, new() { Name = "Wire" });
        // Focus and Enter in one step: the desk page can still be settling its own focus after load, and a separate
        // focus then key press could land the Enter elsewhere.
        await wireLink.PressAsync("Enter");
        await page.ArriveAsync(new Regex("/newsroom/wire$"));
        var rows = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ferries resume after storm" });
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("(earlier version)");
        var use = rows.First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Use") });
        // Tab until the Use button has focus, as a keyboard user gets there.
        for (var presses = 0; presses < 60 && !await use.EvaluateAsync<bool>("b => b === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Assertions.Expect(use).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAsync(new Regex("/newsroom/articles/\\d+$"));
        await Assertions.Expect(page.GetByLabel("Headline")).ToHaveValueAsync("Ferries resume after storm, queues at port");

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        watched.AssertClean();
    }
}
