using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SkiaSharp;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The whole journey of the reference page: an article created and published through the admin API with
/// the reference page's fields, then read in Chromium.
/// </summary>
public sealed class ArticlePageTests(Chromium chromium, DemoSite site)
{
    private const string Body = """
Officials in Seoul said on Tuesday that a long-delayed study of a rail link across the demilitarised zone had been shelved again, after Pyongyang failed to answer three written proposals sent since the spring.

The study, first agreed in principle years ago, would have mapped the condition of track and bridges on the northern side of the border and estimated the cost of modernising them for freight.

"We kept the door open and we kept the paperwork ready," a senior unification ministry official told reporters at a briefing. "What we did not get was a reply."

The official, who asked not to be named because the talks were never formally announced, said the ministry would keep a small team of engineers assigned to the project so that work could resume quickly if the North changed course.

## Why the railway matters

Analysts say the line carries symbolic weight far beyond its commercial value. A working connection would let goods travel overland from the southern port of Busan toward China and Russia, a route that planners in both capitals once described as a corridor for peace.

- Freight by rail could cut shipping times to northern China by several days.
- Engineers estimate that dozens of bridges on the northern section need repair.
- Neither government has published a budget for the work.

Researchers at a Seoul think tank said the pause fitted a wider pattern of silence from the North on practical cooperation, even as it continued weapons tests throughout the year.

"Infrastructure talks are usually the last thing to go and the first thing to come back," said one researcher. "That they have stopped tells you how cold things are."

The ministry said it would publish a summary of the preparatory work early next year.
""";

    /// <summary>
    /// One reader's visit in one browser page: on a phone, the page loads and is read to the end without a layout shift
    /// (the ad slots hold their space); on a desktop's width, every element of the reference page is there in reading order.
    /// </summary>
    [Fact]
    public async Task Article_published_through_the_api_has_no_layout_shift_and_shows_every_element_in_reading_order()
    {
        var path = await PublishReferenceArticleAsync();
        await using var watched = await chromium.NewPageAsync(site.BaseAddress, width: 390, height: 844);
        var page = watched.Page;
        await page.AddInitScriptAsync(
            """
            window.__shifts = [];
            new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value); })
              .observe({ type: 'layout-shift', buffered: true });
            """);
        var response = await watched.GotoAsync(path);
        Assert.Equal(200, response.Status);
        await watched.SettleAsync();
        // Scroll through the article so lazy images and every ad slot load.
        var height = await page.EvaluateAsync<int>("document.body.scrollHeight");
        for (var y = 0; y < height; y += 400)
        {
            await page.EvaluateAsync($"window.scrollTo(0, {y})");
            await watched.SettleAsync();
        }
        // The frames after the last picture arrived, where a shift it caused would be recorded.
        await watched.SettleAsync();
        var ads = await page.Locator("main").GetByText("Advertisement", new() { Exact = true }).CountAsync();
        Assert.True(ads >= 2, $"the article should carry a top and an in-article ad slot, found {ads}");
        var shift = await page.EvaluateAsync<double>("window.__shifts.reduce((a, b) => a + b, 0)");
        Assert.True(shift < 0.001, $"cumulative layout shift {shift}");

        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.SetViewportSizeAsync(1280, 900);
        await watched.SettleAsync();
        var main = page.Locator("main");
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.Equal("Rail link study shelved as Pyongyang stays silent, Seoul says", (await main.Locator("h1").InnerTextAsync()).Trim());

        // Each element, found by what a reader sees, then checked to stand in the reference page's order.
        var elements = new (string Name, ILocator Locator)[]
        {
            ("top ad slot", main.GetByText("Advertisement", new() { Exact = true }).First),
            ("primary topic", main.Locator("a[href='/topics/north-korea']").First),
            ("section breadcrumb Asia", main.Locator("a[href='/news/asia']").First),
            ("section breadcrumb East Asia", main.Locator("a[href='/news/asia/east-asia']").First),
            ("headline", main.Locator("h1")),
            ("summary points", main.Locator("ul li", new() { HasText = "no reply to three written proposals" }).First),
            ("reading time", main.GetByText("Reading Time: 2 minutes")),
            // The house promo in an ad slot may say the same words; the article's own link is outside the slots.
            ("standards link", main.Locator("a[href='/standards']:not(.ad a)", new() { HasText = "Why you can trust" })),
            ("hero figure", main.Locator("figure", new() { HasText = "Photo: TNS" }).First),
            ("byline", main.GetByText("Reuters", new() { Exact = true }).First),
            ("first body paragraph", main.GetByText("Officials in Seoul said on Tuesday")),
            ("in-article ad slot", main.GetByText("Advertisement", new() { Exact = true }).Nth(1)),
            ("last body paragraph", main.GetByText("The ministry said it would publish a summary")),
        };
        var tops = new List<double>();
        foreach (var (name, locator) in elements)
        {
            Assert.True(await locator.CountAsync() > 0, $"{name} is missing");
            tops.Add(await DocumentOrderAsync(locator));
        }
        for (var i = 1; i < elements.Length; i++)
        {
            Assert.True(tops[i] > tops[i - 1], $"{elements[i].Name} should come after {elements[i - 1].Name}");
        }

        var credit = await main.Locator("figure figcaption").First.InnerTextAsync();
        Assert.Contains("Kim Jong-un's motorcade", credit, StringComparison.Ordinal);
        Assert.Contains("Photo: TNS", credit, StringComparison.Ordinal);
        Assert.Equal("/authors/reuters", await main.Locator(".byline a", new() { HasText = "Reuters" }).GetAttributeAsync("href"));
        var hero = main.Locator("figure img").First;
        Assert.Equal("high", await hero.GetAttributeAsync("fetchpriority"));
        Assert.NotNull(await hero.GetAttributeAsync("width"));
        watched.AssertClean();
    }

    private static Task<double> DocumentOrderAsync(ILocator locator) =>
        locator.EvaluateAsync<double>(
            """
            el => { let n = 0; const w = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
                    while (w.nextNode()) { n++; if (w.currentNode === el) return n; } return -1; }
            """);

    private Task<string> PublishReferenceArticleAsync() => ReferenceArticleAsync(site);

    private static readonly SharedSetup<string> Reference = new();

    /// <summary>
    /// The address of the reference page's article (368 words of body), published once for the run: the tests here and in
    /// other classes (print, error report) only read it.
    /// </summary>
    internal static Task<string> ReferenceArticleAsync(DemoSite site) => Reference.GetAsync(() => PublishReferenceArticleAsync(site));

    private static async Task<string> PublishReferenceArticleAsync(DemoSite site)
    {
        var ct = CancellationToken.None;
        using var admin = site.App.AdminClient();
        (await admin.PutAsJsonAsync("/api/admin/sections/asia", new { name = "Asia" }, ct)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/admin/sections/asia/east-asia", new { name = "East Asia" }, ct)).EnsureSuccessStatusCode();

        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(Jpeg(1600, 900));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        upload.Add(file, "file", "motorcade.jpg");
        upload.Add(new StringContent("A line of black cars on a wide avenue"), "alt");
        upload.Add(new StringContent("Library picture"), "caption");
        upload.Add(new StringContent("TNS"), "credit");
        var image = await (await admin.PostAsync("/api/admin/images", upload, ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(ct);

        var created = await admin.PostAsJsonAsync("/api/admin/articles", new
        {
            headline = "Rail link study shelved as Pyongyang stays silent, Seoul says",
            summary = new[]
            {
                "Seoul says there has been no reply to three written proposals to survey the cross-border line",
                "A small team of engineers will stay on the project in case talks resume",
            },
            section = "asia/east-asia",
            topics = new[] { "North Korea", "Diplomacy" },
            byline = new[] { new { name = "Reuters", kind = "agency" } },
            heroImage = new { id = image.GetProperty("id").GetString(), caption = "Kim Jong-un's motorcade in Pyongyang in a library picture.", credit = "TNS" },
            body = new { markdown = Body },
            language = "en",
            type = "news",
        }, ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var article = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("draft", article.GetProperty("status").GetString());
        var published = await admin.PostAsync($"/api/admin/articles/{article.GetProperty("id")}/publish", null, ct);
        published.EnsureSuccessStatusCode();
        return (await published.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("url").GetString()!;
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new(0, 0), new(width, height), [SKColors.SlateGray, SKColors.Black], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, width, height, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
