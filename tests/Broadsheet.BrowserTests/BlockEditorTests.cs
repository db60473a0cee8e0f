using System.Text.Json;
using System.Text.RegularExpressions;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Media;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The block editor in Chromium: a 12-block story written, a heading and a dropped picture inserted in the middle,
/// reordered by keyboard and published with no page load after the editor opened; the checklist stopping an
/// accidental publish; a Google Docs paste; the form without JavaScript; axe and widths.
/// </summary>
public sealed partial class NewsroomJourneyTests
{
    /// <summary>Google Docs' clipboard HTML as Chrome gives it: a bold wrapper that is not bold, styled spans, a list.</summary>
    internal const string GoogleDocsFragment = """
        <meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-4f1c2a7e-7fff-1d2e-9a44-0c5b1e3f8a21"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;"><span style="font-size:16pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Tides and timetables</span></h2><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;">The ferry leaves at </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;">six sharp</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:italic;"> in summer</span><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:400;">, says the </span><a href="https://example.org/timetable" style="text-decoration:none;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#1155cc;font-weight:400;text-decoration:underline;">timetable</span></a><span style="font-size:11pt;font-weight:400;">.</span></p><br><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-weight:400;">Monday to Friday</span></p></li><li dir="ltr" style="list-style-type:disc;font-size:11pt;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-weight:400;">Not on holidays</span></p></li></ul></b><br class="Apple-interchange-newline">
        """;

    [Fact]
    public async Task A_twelve_block_story_is_written_reordered_by_keyboard_and_published_without_a_page_load()
    {
        var user = await NewsroomSession.CreateUserAsync(site.App, NewsroomRoles.Editor, displayName: "B. Blocks");
        var heroId = await LibraryImageAsync("Gulls circle the ferry terminal at dawn");
        var byline = await ContributorAsync("Blake Blocks");
        await using var watched = await SignInAsync(user.Email!);
        var page = watched.Page;

        // The editor says which contributor they are ("This is me"), by keyboard; new articles start with that byline.
        await watched.GotoAsync("/newsroom/account");
        Assert.Empty(await Axe.ViolationsAsync(page));
        await page.GetByLabel("Which contributor are you?").FocusAsync();
        await page.Keyboard.PressAsync("End");
        await page.GetByLabel("Which contributor are you?").SelectOptionAsync(byline);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "This is me" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".status")).ToContainTextAsync("Your byline is Blake Blocks");
        Assert.Empty(await Axe.ViolationsAsync(page));
        Assert.Empty(await SidewaysScrollAsync(page, "the account page"));
        await page.SetViewportSizeAsync(1400, 1000);

        await watched.GotoAsync("/newsroom/articles/new");
        await Assertions.Expect(page.Locator("input[name='Form.Byline[0].Name']")).ToHaveValueAsync("Blake Blocks");
        await Assertions.Expect(page.Locator("#contributor-names option").First).ToHaveAttributeAsync("value", "Blake Blocks");
        var loads = 0;
        page.Load += (_, _) => loads++;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame && !frame.Url.Contains("/newsroom/articles/", StringComparison.Ordinal)) loads++; };

        // The section starts empty: choosing it is a decision.
        Assert.Equal("", await page.GetByLabel("Section").InputValueAsync());
        await page.GetByLabel("Headline").FillAsync("Night ferry returns to the harbour after ten years");
        await page.GetByLabel("Section").SelectOptionAsync(JourneySite.Section);
        await page.GetByLabel("Summary points").FillAsync("The night ferry runs again from June.");

        // Ten paragraphs typed straight through, by keyboard.
        await BodyText(page).Locator("p").First.ClickAsync();
        for (var i = 1; i <= 10; i++)
        {
            await page.Keyboard.InsertTextAsync($"Paragraph {i} of the story.");
            if (i < 10)
            {
                await page.Keyboard.PressAsync("Enter");
            }
        }
        // A heading in the middle, from the "/" menu: after paragraph 5.
        await BodyText(page).Locator("p", new() { HasText = "Paragraph 5 of" }).ClickAsync();
        await page.Keyboard.PressAsync("End");
        // The split happens where ProseMirror has seen the caret, not where a too-fast keyboard left it.
        await CaretSeenAsync(page, "Paragraph 5 of", atEnd: true);
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("/");
        var menu = page.GetByRole(AriaRole.Menu, new() { Name = "Insert a block" });
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(menu.GetByRole(AriaRole.Menuitem, new() { Name = "Heading", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.InsertTextAsync("What changes for travellers");

        // A picture dropped after paragraph 7: the alt text is asked in place and the file waits for it.
        await page.EvaluateAsync("""
            async () => {
              const canvas = document.createElement('canvas');
              canvas.width = 640; canvas.height = 400;
              const g = canvas.getContext('2d');
              g.fillStyle = '#2a5a8c'; g.fillRect(0, 0, 640, 400); g.fillStyle = '#e0c070'; g.fillRect(160, 130, 320, 140);
              const blob = await new Promise((done) => canvas.toBlob(done, 'image/png'));
              const data = new DataTransfer();
              data.items.add(new File([blob], 'ferry.png', { type: 'image/png' }));
              const seventh = [...document.querySelectorAll('#block-editor .pm-editor > p')].find((p) => p.textContent.startsWith('Paragraph 7 of'));
              const box = seventh.getBoundingClientRect();
              seventh.parentElement.dispatchEvent(new DragEvent('drop', { dataTransfer: data, clientX: box.left + 10, clientY: box.bottom + 2, bubbles: true, cancelable: true }));
            }
            """);
        var alt = page.GetByLabel("Alt text (required)");
        await Assertions.Expect(alt).ToBeFocusedAsync();
        // Uploading without alt text keeps the file and says why.
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload picture" }).ClickAsync();
        await Assertions.Expect(page.Locator(".pm-image .field-error")).ToBeVisibleAsync();
        await Assertions.Expect(alt).ToBeFocusedAsync();
        await page.Keyboard.InsertTextAsync("The night ferry at its berth under floodlights");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Change picture" })).ToBeVisibleAsync();

        // The last paragraph moves up twice by keyboard, and a screen reader hears where it went.
        await BodyText(page).Locator("p", new() { HasText = "Paragraph 10 of" }).ClickAsync();
        await CaretSeenAsync(page, "Paragraph 10 of");
        await page.Keyboard.PressAsync("Alt+Shift+ArrowUp");
        await page.Keyboard.PressAsync("Alt+Shift+ArrowUp");
        await Assertions.Expect(page.Locator("#editor-announcer")).ToHaveTextAsync("Paragraph moved to position 10 of 12.");
        var blocks = await BlocksAsync(page);
        Assert.Equal(12, blocks.Count);
        Assert.Equal(["paragraph", "paragraph", "paragraph", "paragraph", "paragraph", "heading", "paragraph", "paragraph", "image", "paragraph", "paragraph", "paragraph"],
            blocks.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal("Paragraph 10 of the story.", blocks[9].GetProperty("content")[0].GetProperty("text").GetString());
        await Assertions.Expect(page.Locator("#editor-counts [data-words]")).ToHaveTextAsync("54");

        // Publishing without a hero picture: the checklist stops it, and "Keep editing" publishes nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish now" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "Publish with these warnings?" });
        await Assertions.Expect(confirm).ToContainTextAsync("there is no hero picture");
        await Assertions.Expect(confirm.GetByRole(AriaRole.Button, new() { Name = "Keep editing" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var id = int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(ArticleStatus.Draft, (await site.ArticleAsync(id)).Status);
        Assert.Empty(await Axe.ViolationsAsync(page));

        // The hero from the picker, by thumbnail; then publishing passes the checklist.
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose the hero picture from the library" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Search by alt text, caption or credit").FillAsync("gulls");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Gulls circle the ferry terminal" }).ClickAsync();
        await Assertions.Expect(page.Locator("select[name='Form.HeroImageId']")).ToHaveValueAsync(heroId.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish now" }).ClickAsync();
        await Assertions.Expect(page.Locator("#autosave-state")).ToContainTextAsync("Saved and published.");
        var article = await site.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        // The editor follows the new state without a reload: Unpublish instead of Publish, the time to the second.
        var workflow = page.Locator("#workflow-actions");
        await Assertions.Expect(workflow.GetByRole(AriaRole.Button, new() { Name = "Unpublish" })).ToBeVisibleAsync();
        await Assertions.Expect(workflow.GetByRole(AriaRole.Button, new() { Name = "Save and publish now" })).ToHaveCountAsync(0);
        await Assertions.Expect(workflow.GetByRole(AriaRole.Button, new() { Name = "Save and schedule" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#schedule-field")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#article-state")).ToHaveTextAsync(
            $"Status: Published at {article.FirstPublishedAt!.Value.ToString("d MMM yyyy, HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} UTC · version {article.Version} · last changed {article.ModifiedAt.ToString("d MMM yyyy, HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} UTC by B. Blocks");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "View on the site" })).ToHaveAttributeAsync("href", article.PublicPath);
        Assert.Equal(["Blake Blocks"], await BylineAsync(id));
        Assert.Equal(12, article.Body.Count);
        Assert.IsType<HeadingBlock>(article.Body[5]);
        Assert.IsType<ImageBlock>(article.Body[8]);
        Assert.Equal(0, loads);

        // Widths and text size, then the Google Docs paste in a new article.
        var failures = await SidewaysScrollAsync(page, "the editor");
        await page.SetViewportSizeAsync(1400, 1000);
        failures.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"editor: {v}"));
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The corrections panel came with the publish, without a reload: a correction goes through it by keyboard.
        var notes = page.GetByRole(AriaRole.Region, new() { Name = "Corrections and updates" });
        await notes.GetByLabel("What readers should know").FocusAsync();
        await Assertions.Expect(notes.GetByLabel("What readers should know")).ToBeFocusedAsync();
        await page.Keyboard.InsertTextAsync("The night ferry runs from June, not from May.");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(notes.GetByRole(AriaRole.Button, new() { Name = "Add note" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".status")).ToContainTextAsync("Correction added: readers see it now.");
        await Assertions.Expect(notes.Locator("li")).ToContainTextAsync("The night ferry runs from June, not from May.");
        Assert.Equal(NoteKind.Correction, Assert.Single((await site.ArticleAsync(id)).Notes).Kind);

        await watched.GotoAsync("/newsroom/articles/new");
        await BodyText(page).Locator("p").First.ClickAsync();
        await page.EvaluateAsync("""
            (html) => {
              const data = new DataTransfer();
              data.setData('text/html', html);
              data.setData('text/plain', 'Tides and timetables');
              document.querySelector('#block-editor .pm-editor').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, GoogleDocsFragment);
        Assert.Equal(
            """[{"type":"heading","text":"Tides and timetables","level":2},{"type":"paragraph","content":[{"text":"The ferry leaves at "},{"text":"six sharp","bold":true},{"text":" in summer","italic":true},{"text":", says the "},{"text":"timetable","href":"https://example.org/timetable"},{"text":"."}]},{"type":"list","items":[[{"text":"Monday to Friday"}],[{"text":"Not on holidays"}]],"ordered":false}]""",
            await page.Locator("input[name='Form.BodyJson']").InputValueAsync());

        // A sources block from the "/" menu, one source a line; a title may hold a bar, as the server reads it.
        await watched.GotoAsync("/newsroom/articles/new");
        await BodyText(page).Locator("p").First.ClickAsync();
        await page.Keyboard.PressAsync("/");
        await page.GetByRole(AriaRole.Menu, new() { Name = "Insert a block" }).GetByRole(AriaRole.Menuitem, new() { Name = "Sources", Exact = true }).ClickAsync();
        await page.GetByLabel("One source a line").FillAsync("Harbour board | timetable 2026 | https://harbour.example/t.pdf | page 4\nCrew interviews");
        using (var body = JsonDocument.Parse(await page.Locator("input[name='Form.BodyJson']").InputValueAsync()))
        {
            Assert.Equal(
                """{"type":"sources","items":[{"title":"Harbour board | timetable 2026","url":"https://harbour.example/t.pdf","note":"page 4"},{"title":"Crew interviews","url":"","note":null}]}""",
                body.RootElement[body.RootElement.GetArrayLength() - 1].GetRawText());
        }
        // The upload without alt text was answered 422 (Chrome logs it); nothing else went wrong.
        Assert.Equal(1, watched.ConsoleErrors.RemoveAll(e => e.Contains("status of 422", StringComparison.Ordinal)));
        watched.AssertClean();
    }

    [Fact]
    public async Task Without_javascript_the_form_still_saves_and_publishing_past_the_checklist_takes_a_confirmation()
    {
        var user = await NewsroomSession.CreateUserAsync(site.App, NewsroomRoles.Editor, displayName: "Nora Noscript");
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = site.BaseAddress.ToString(), JavaScriptEnabled = false });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync("/newsroom/signin");
        await page.GetByLabel("Email").FillAsync(user.Email!);
        await page.GetByLabel("Password").FillAsync(NewsroomSession.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArriveAsync(new Regex("/newsroom/?$"), timeout: 90_000);
        await page.GotoAsync("/newsroom/articles/new");
        await Assertions.Expect(page.Locator("#block-editor")).ToBeHiddenAsync();
        await page.GetByLabel("Headline").FillAsync("Short one");
        await page.GetByLabel("Section").SelectOptionAsync(JourneySite.Section);
        await page.Locator("textarea[name='Form.Blocks[0].Text']").FillAsync("One sentence, no byline, no picture.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish now" }).ClickAsync();
        var confirm = page.Locator(".publish-confirm");
        await Assertions.Expect(confirm).ToContainTextAsync("Publish with these warnings?");
        await Assertions.Expect(confirm).ToContainTextAsync("Byline: no one is named");
        var id = int.Parse(Regex.Match(page.Url, @"/newsroom/articles/(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(ArticleStatus.Draft, (await site.ArticleAsync(id)).Status);
        Assert.Equal("One sentence, no byline, no picture.", await page.Locator("textarea[name='Form.Blocks[0].Text']").InputValueAsync());
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Publish anyway" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status")).ToContainTextAsync("Published past the checklist's warnings.");
        Assert.Equal(ArticleStatus.Published, (await site.ArticleAsync(id)).Status);
    }

    /// <summary>Where <paramref name="page"/> scrolls sideways at 320, 390 and 1280 px, with text at 100% and 200%.</summary>
    private static async Task<List<string>> SidewaysScrollAsync(IPage page, string what)
    {
        var failures = new List<string>();
        foreach (var width in new[] { 320, 390, 1280 })
        {
            foreach (var text in new[] { "100%", "200%" })
            {
                await page.SetViewportSizeAsync(width, 800);
                await page.EvaluateAsync("size => document.documentElement.style.fontSize = size", text);
                var wider = await page.EvaluateAsync<string?>("""
                    () => {
                      const root = document.documentElement;
                      if (root.scrollWidth <= root.clientWidth) return null;
                      const names = [...document.body.querySelectorAll('*')]
                        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1
                          || (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible'))
                        .slice(-3).map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/\s+/g, '.') : ''));
                      return names.join(', ');
                    }
                    """);
                if (wider is not null)
                {
                    failures.Add($"{what} at {width} px, {text} text: scrolls sideways ({wider})");
                }
            }
        }
        await page.EvaluateAsync("() => document.documentElement.style.fontSize = ''");
        return failures;
    }

    private static async Task<List<JsonElement>> BlocksAsync(IPage page) =>
        [.. JsonDocument.Parse(await page.Locator("input[name='Form.BodyJson']").InputValueAsync()).RootElement.EnumerateArray()];

    private async Task<string> ContributorAsync(string name)
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<Broadsheet.Articles.Contributors.ContributorWriter>().CreateAsync(new() { Name = name }, Ct);
        return created.Value!.Slug;
    }

    private async Task<List<string>> BylineAsync(int id)
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Broadsheet.Data.BroadsheetDb>();
        return await db.Set<BylineEntry>().Where(b => b.ArticleId == id).OrderBy(b => b.Position).Select(b => b.Contributor.Name).ToListAsync(Ct);
    }

    private async Task<Guid> LibraryImageAsync(string alt)
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<ImageWriter>();
        await using var content = new MemoryStream(Jpeg(800, 533));
        var uploaded = await writer.UploadAsync(new ImageUpload { Content = content, FileName = "gulls.jpg", Alt = alt }, ct: Ct);
        return uploaded.Value!.Id;
    }
}
