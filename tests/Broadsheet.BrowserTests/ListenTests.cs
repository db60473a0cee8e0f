using System.Text.Json;
using System.Text.Json.Nodes;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The listen player in Chromium: play, speed, voice, the highlighted word advancing, selecting a paragraph to listen
/// from there, keyboard shortcuts, remembered choices, and axe on the article page with the player.
/// </summary>
public sealed class ListenTests(Chromium chromium, DemoSite site)
{
    private const string Body = """
The harbour council voted on Tuesday to approve a budget for a new ferry, ending a debate that had lasted most of the year.

Councillors said the vessel would carry three hundred passengers and run every half hour between the two towns.

## What happens next

Tenders open in March and building starts in May, the council said in a statement after the vote.

The first sailing is planned for the following summer, weather and shipyards permitting.
""";

    [Fact]
    public async Task Player_plays_changes_speed_and_voice_highlights_words_and_seeks_to_a_selected_paragraph()
    {
        var path = await ArticleAsync();
        await using var watched = await chromium.NewPageAsync(site.BaseAddress);
        var page = watched.Page;
        var audioRequests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (request.ResourceType == "media" || System.Text.RegularExpressions.Regex.IsMatch(request.Url, @"\.(mp3|opus)(\?|$)"))
            {
                audioRequests.Enqueue(request.Url);
            }
        };
        Assert.Equal(200, (await watched.GotoAsync(path)).Status);

        var player = page.Locator("section.listen");
        var speed = page.GetByLabel("Select Speed");
        var voice = page.GetByLabel("Select Voice");
        Assert.Equal("1.00x", (await speed.Locator("option:checked").InnerTextAsync()).Trim());
        Assert.Equal(["0.50x", "0.75x", "1.00x", "1.25x", "1.50x", "1.75x", "2.00x"], (await speed.Locator("option").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.True(await voice.Locator("option").CountAsync() >= 2);
        await page.WaitForFunctionAsync("() => document.querySelector('.listen-total').textContent !== '-:--'");
        Assert.Empty(await Axe.ViolationsAsync(page));
        // The player knows the duration from the audio's data: no audio is fetched before Play.
        Assert.Empty(audioRequests);

        // Play: the button says what it does next, time runs, and the highlighted word advances through the headline.
        var play = page.Locator(".listen-play");
        Assert.Equal("Play", (await play.InnerTextAsync()).Trim());
        var scrolledBefore = await page.EvaluateAsync<double>("() => scrollY");
        await play.ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('.listen-play').textContent.trim() === 'Pause'");
        await page.WaitForFunctionAsync("() => Number(document.querySelector('.listen').dataset.word) >= 1");
        var firstWord = await HighlightedAsync(page, "listen-word");
        Assert.Equal(scrolledBefore, await page.EvaluateAsync<double>("() => scrollY"));
        Assert.Equal("h", firstWord.Place);
        await page.WaitForFunctionAsync("() => Number(document.querySelector('.listen').dataset.word) >= 3");
        var laterWord = await HighlightedAsync(page, "listen-word");
        Assert.NotEqual(firstWord.Text, laterWord.Text);
        Assert.Contains(laterWord.Text, await page.Locator("h1").InnerTextAsync());
        // The sentence read is highlighted too; between two sentences none is, so the highlight is waited for while the
        // audio plays on (read at one moment, a loaded machine can catch the pause after the headline).
        await page.WaitForFunctionAsync("() => { const h = CSS.highlights.get('listen-sentence'); return !!h && [...h].some(r => r.toString() !== ''); }");
        Assert.False(await page.EvaluateAsync<bool>("() => document.querySelector('.listen audio').paused"));

        // 1.5x, with pitch kept.
        await speed.SelectOptionAsync("1.5");
        Assert.Equal(1.5, await page.EvaluateAsync<double>("() => document.querySelector('.listen audio').playbackRate"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.listen audio').preservesPitch"));

        // Selecting a paragraph plays from its first word.
        var paragraph = page.Locator("[data-listen-place='b3.0']");
        var timings = await TimingsAsync(page);
        var place = timings["places"]!.AsArray().Select(p => p!.GetValue<string>()).ToList().IndexOf("b3.0");
        var paragraphStart = timings["words"]!.AsArray().First(w => w![2]!.GetValue<int>() == place)![0]!.GetValue<int>() / 1000.0;
        await paragraph.ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await page.WaitForFunctionAsync($"() => document.querySelector('.listen audio').currentTime >= {paragraphStart.ToString(System.Globalization.CultureInfo.InvariantCulture)} - 0.05");
        await page.WaitForFunctionAsync("() => { const h = CSS.highlights.get('listen-word'); if (!h) return false; const r = [...h][0]; return r.startContainer.parentElement.closest('[data-listen-place]')?.dataset.listenPlace === 'b3.0'; }");
        Assert.StartsWith("Tenders", (await HighlightedAsync(page, "listen-sentence")).Text, StringComparison.Ordinal);

        // Keyboard: k pauses, l jumps ahead 10 s (from a known place, so the end of the recording is never in the way).
        await play.FocusAsync();
        await page.Keyboard.PressAsync("k");
        // The button follows the audio's pause event, so it is waited for with it, not read the moment the audio pauses.
        await page.WaitForFunctionAsync("() => document.querySelector('.listen audio').paused && document.querySelector('.listen-play').textContent.trim() === 'Play'");
        Assert.Equal("Play", (await play.InnerTextAsync()).Trim());
        await page.EvaluateAsync("() => { document.querySelector('.listen audio').currentTime = 1; }");
        await page.Keyboard.PressAsync("l");
        await page.WaitForFunctionAsync("() => Math.abs(document.querySelector('.listen audio').currentTime - 11) < 0.5");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.listen audio').paused"));

        // Another voice: generated on request, the player says so, then plays it.
        await voice.SelectOptionAsync("flite-slt");
        await page.WaitForFunctionAsync("() => (document.querySelector('.listen audio').currentSrc || '').includes('/flite-slt/')", null, new() { Timeout = 120_000 });
        await play.ClickAsync();
        // The new voice's file loads before it plays: slow on a loaded machine, so a longer wait than Playwright's 30 s.
        await page.WaitForFunctionAsync("() => !document.querySelector('.listen audio').paused && Number(document.querySelector('.listen').dataset.word) >= 0", null, new() { Timeout = 90_000 });
        Assert.Equal(1.5, await page.EvaluateAsync<double>("() => document.querySelector('.listen audio').playbackRate"));
        var download = page.GetByRole(AriaRole.Link, new() { Name = "Download MP3" });
        Assert.Matches("/listen/\\d+/flite-slt/[0-9a-f]{12}\\.mp3$", await download.GetAttributeAsync("href"));

        // The choices are remembered.
        await page.ReloadAsync();
        Assert.Equal("flite-slt", await voice.InputValueAsync());
        Assert.Equal("1.5", await speed.InputValueAsync());
        AssertClean(watched);
        _ = player;
    }

    [Fact]
    public async Task A_keyboard_listener_starts_from_the_third_paragraph_and_the_docked_player_stays_in_view()
    {
        var path = await ArticleAsync();
        await using var watched = await chromium.NewPageAsync(site.BaseAddress, 390, 640);
        var page = watched.Page;
        var audioRequests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (request.ResourceType == "media" || System.Text.RegularExpressions.Regex.IsMatch(request.Url, @"\.(mp3|opus)(\?|$)"))
            {
                audioRequests.Enqueue(request.Url);
            }
        };
        await watched.GotoAsync(path);
        await page.WaitForFunctionAsync("() => document.querySelector('.listen-total').textContent !== '-:--'");

        // Tab, never the mouse, to the button before the third paragraph; Enter plays from there, before any Play.
        const string third = "() => document.querySelectorAll('.body p[data-listen-place]')[2]";
        var place = await page.EvaluateAsync<string>($"() => ({third})().dataset.listenPlace");
        for (var presses = 0; ; presses++)
        {
            Assert.True(presses < 80, "Tab never reached the third paragraph's listen button");
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => document.activeElement.matches('.listen-from') && document.activeElement.nextElementSibling === ({third})()"))
            {
                break;
            }
        }
        Assert.Equal("Listen from this paragraph", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        Assert.Empty(audioRequests);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync($$"""
            () => { const a = document.querySelector('.listen audio'); const h = CSS.highlights.get('listen-word');
                    return !a.paused && h && [...h][0].startContainer.parentElement.closest('[data-listen-place]')?.dataset.listenPlace === '{{place}}'; }
            """);

        // Reading on to the end: the player's bar docks at the bottom of the screen, in view, and playing.
        await page.EvaluateAsync("() => scrollTo(0, document.documentElement.scrollHeight)");
        await page.WaitForFunctionAsync("() => document.querySelector('.listen').classList.contains('docked')");
        var inView = await page.EvaluateAsync<bool>("() => { const r = document.querySelector('.listen-bar').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.height > 0; }");
        Assert.True(inView, "the docked player is on screen");
        Assert.Equal("Pause", (await page.Locator(".listen-bar .listen-play").InnerTextAsync()).Trim());
        Assert.Empty(await Axe.ViolationsAsync(page));
        AssertClean(watched);
    }

    [Fact]
    public async Task Player_says_audio_is_being_prepared_until_it_is_ready()
    {
        var path = await ArticleAsync();
        await using var watched = await chromium.NewPageAsync(site.BaseAddress);
        var page = watched.Page;
        // A voice nobody has asked for yet: the first answer is "pending".
        await page.AddInitScriptAsync("localStorage.setItem('listen.voice', 'espeak-en-us')");
        await watched.GotoAsync(path);
        await page.WaitForFunctionAsync("() => document.querySelector('.listen-status').textContent === 'Preparing audio…'");
        await page.WaitForFunctionAsync("() => document.querySelector('.listen-total').textContent !== '-:--'", null, new() { Timeout = 120_000 });
        Assert.Equal("", await page.Locator(".listen-status").InnerTextAsync());
        Assert.Equal("status", await page.Locator(".listen-status").GetAttributeAsync("role"));
        AssertClean(watched);
    }

    /// <summary>
    /// Clean, except that a media element cancels its own range requests (after reading the metadata, or when its
    /// source changes), which Chromium reports as aborted.
    /// </summary>
    private static void AssertClean(WatchedPage watched)
    {
        Assert.Empty(watched.ConsoleErrors);
        Assert.Empty(watched.ThirdPartyRequests);
        var failed = watched.FailedRequests.Where(r => !System.Text.RegularExpressions.Regex.IsMatch(r, @"/listen/\d+/[a-z0-9-]+/[0-9a-f]{12}\.(mp3|opus): net::ERR_ABORTED$")).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed));
    }

    private static async Task<(string Place, string Text)> HighlightedAsync(IPage page, string name)
    {
        var result = await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const h = CSS.highlights.get('{{name}}');
              if (!h) return { place: '', text: '' };
              const r = [...h][0];
              return { place: r.startContainer.parentElement.closest('[data-listen-place]')?.dataset.listenPlace ?? '', text: r.toString() };
            }
            """);
        return (result.GetProperty("place").GetString()!, result.GetProperty("text").GetString()!);
    }

    private static async Task<JsonNode> TimingsAsync(IPage page)
    {
        var src = await page.EvaluateAsync<string>("() => document.querySelector('.listen audio').currentSrc");
        var url = new Uri(src);
        var json = url.AbsolutePath[..url.AbsolutePath.LastIndexOf('.')] + ".json";
        return JsonNode.Parse(await page.EvaluateAsync<string>($"async () => (await fetch('{json}')).text()"))!;
    }

    private static readonly SharedSetup<string> Article = new();

    /// <summary>
    /// The address of this class's article, published once for its three tests with its audio in the default voice
    /// ready: each test asks only for voices the others do not (the player test another voice, the pending test a third).
    /// </summary>
    private Task<string> ArticleAsync() => Article.GetAsync(() => PublishAsync(site));

    private static async Task<string> PublishAsync(DemoSite site) =>
        (await SpokenArticle.PublishAsync(site.App, "local", "Harbour council approves ferry budget", "Councillors voted after a year of debate", Body)).Path;
}
