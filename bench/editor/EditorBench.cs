#:package Microsoft.Playwright
#:property PublishAot=false
// Drives Chromium (Debian's /usr/bin/chromium) through the same 12-block article in both editors and prints the
// wall time and the full page loads of each round. Run by bench/editor.sh, which starts the server.
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

var (baseUrl, email, password, rounds) = (args[0], args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ["--no-sandbox", "--disable-gpu"] });

async Task<IPage> SignInAsync(bool javaScript)
{
    var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, JavaScriptEnabled = javaScript, ViewportSize = new() { Width = 1280, Height = 900 } });
    var page = await context.NewPageAsync();
    page.SetDefaultTimeout(60_000);
    await page.GotoAsync("/newsroom/signin");
    await page.GetByLabel("Email").FillAsync(email);
    await page.GetByLabel("Password").FillAsync(password);
    await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    await page.WaitForURLAsync(new Regex("/newsroom/?$"));
    return page;
}

// One picture in the library for the hero and the body.
var setup = await SignInAsync(true);
await setup.GotoAsync("/newsroom/images");
var png = Convert.FromBase64String(await setup.EvaluateAsync<string>("""
    () => {
      const canvas = document.createElement('canvas');
      canvas.width = 800; canvas.height = 500;
      const g = canvas.getContext('2d');
      g.fillStyle = '#2a5a8c'; g.fillRect(0, 0, 800, 500); g.fillStyle = '#e0c070'; g.fillRect(200, 150, 400, 200);
      return canvas.toDataURL('image/png').split(',')[1];
    }
    """));
await setup.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "bench.png", MimeType = "image/png", Buffer = png });
await setup.GetByLabel("Alt text", new() { Exact = true }).FillAsync("Benchmark harbour picture");
await setup.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
await setup.WaitForURLAsync(new Regex("/newsroom/images/[0-9a-f-]{36}$"));
var imageId = setup.Url[(setup.Url.LastIndexOf('/') + 1)..];
await setup.Context.CloseAsync();

string Paragraph(int i) => $"Paragraph {i} of the benchmark story, with enough words to be a real paragraph of news.";

async Task Fields(IPage page, string headline)
{
    await page.GetByLabel("Headline").FillAsync(headline);
    var section = await page.Locator("select[name='Form.Section'] option:not([value=''])").First.GetAttributeAsync("value");
    await page.GetByLabel("Section").SelectOptionAsync(section!);
    await page.Locator("input[name='Form.Byline[0].Name']").FillAsync("Bench Editor");
    await page.GetByLabel("Summary points").FillAsync("A benchmark story.");
    await page.Locator("select[name='Form.HeroImageId']").SelectOptionAsync(imageId);
}

async Task<(double Seconds, int Loads)> FormEditorAsync(int round)
{
    var page = await SignInAsync(false);
    await page.GotoAsync("/newsroom/articles/new");
    var loads = 0;
    page.Load += (_, _) => loads++;
    var clock = Stopwatch.StartNew();
    await Fields(page, $"Form editor benchmark story number {round}");
    async Task Post(string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
    await page.Locator("textarea[name='Form.Blocks[0].Text']").FillAsync(Paragraph(1));
    for (var i = 1; i < 10; i++)
    {
        await Post("Add paragraph");
        await page.Locator($"textarea[name='Form.Blocks[{i}].Text']").FillAsync(Paragraph(i + 1));
    }
    // The heading goes after paragraph 5: added at the end, then moved up five times.
    await Post("Add heading");
    await page.Locator("input[name='Form.Blocks[10].Text']").FillAsync("What changes for travellers");
    for (var i = 10; i > 5; i--)
    {
        await Post($"Move up block {i + 1}");
    }
    // The picture goes after paragraph 7 (block 8): added at the end, then moved up three times.
    await Post("Add image");
    await page.Locator("select[name='Form.Blocks[11].ImageId']").SelectOptionAsync(imageId);
    for (var i = 11; i > 8; i--)
    {
        await Post($"Move up block {i + 1}");
    }
    // The last paragraph moves up twice.
    await Post("Move up block 12");
    await Post("Move up block 11");
    await Post("Save and publish now");
    await page.Locator(".status").WaitForAsync();
    var seconds = clock.Elapsed.TotalSeconds;
    await page.Context.CloseAsync();
    return (seconds, loads);
}

async Task<(double Seconds, int Loads)> BlockEditorAsync(int round)
{
    var page = await SignInAsync(true);
    await page.GotoAsync("/newsroom/articles/new");
    var loads = 0;
    page.Load += (_, _) => loads++;
    var clock = Stopwatch.StartNew();
    await Fields(page, $"Block editor benchmark story number {round}");
    var body = page.Locator("#block-editor .pm-editor");
    await body.Locator("p").First.ClickAsync();
    for (var i = 1; i <= 10; i++)
    {
        await page.Keyboard.InsertTextAsync(Paragraph(i));
        if (i < 10)
        {
            await page.Keyboard.PressAsync("Enter");
        }
    }
    await body.Locator("p", new() { HasText = "Paragraph 5 of" }).ClickAsync();
    await page.Keyboard.PressAsync("End");
    await page.Keyboard.PressAsync("Enter");
    await page.Keyboard.PressAsync("/");
    await page.Keyboard.PressAsync("ArrowDown");
    await page.Keyboard.PressAsync("Enter");
    await page.Keyboard.InsertTextAsync("What changes for travellers");
    await body.Locator("p", new() { HasText = "Paragraph 7 of" }).ClickAsync();
    await page.GetByRole(AriaRole.Button, new() { Name = "Picture from library" }).ClickAsync();
    await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Benchmark harbour picture" }).First.ClickAsync();
    await body.Locator("p", new() { HasText = "Paragraph 10 of" }).ClickAsync();
    await page.Keyboard.PressAsync("Alt+Shift+ArrowUp");
    await page.Keyboard.PressAsync("Alt+Shift+ArrowUp");
    await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish now" }).ClickAsync();
    await page.Locator("#autosave-state", new() { HasText = "Saved and published." }).WaitForAsync();
    var seconds = clock.Elapsed.TotalSeconds;
    await page.Context.CloseAsync();
    return (seconds, loads);
}

Console.WriteLine("| round | form editor s | form editor page loads | block editor s | block editor page loads |");
Console.WriteLine("|---|---|---|---|---|");
for (var round = 1; round <= rounds; round++)
{
    var form = await FormEditorAsync(round);
    var blocks = await BlockEditorAsync(round);
    Console.WriteLine($"| {round} | {form.Seconds:0.00} | {form.Loads} | {blocks.Seconds:0.00} | {blocks.Loads} |");
}
