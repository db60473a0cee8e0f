using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Broadsheet.Articles;
using Broadsheet.Listen;
using Broadsheet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Broadsheet.Tests.Listen;

/// <summary>
/// One app per provider for the listen tests; each test publishes its own articles, so they do not interfere. Two jobs
/// at a time, so the concurrency test really runs syntheses side by side.
/// </summary>
public sealed class ListenApps : ProviderApps<ListenApp>
{
    protected override ListenApp Create(DatabaseProvider provider) => new ListenApp(provider, new Dictionary<string, string> { ["Broadsheet:Listen:Concurrency"] = "2" });
}

public sealed class ListenHttpTests(ListenApps apps) : IClassFixture<ListenApps>
{
    private const string Story = """
The harbour council voted on Tuesday to approve a £12m budget for a new ferry. "We waited long enough," said the mayor.

## What happens next

- Tenders open in March.
- Building starts in May.

The ferry will carry 300 passengers and run every half hour.
""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Published_article_gets_audio_whose_files_serve_with_range_etag_and_long_caching(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var id = await ListenSteps.PublishAsync(app, "Harbour council approves ferry budget", Story);
        using var client = app.Client();
        var status = await ListenSteps.WaitReadyAsync(client, id);
        Assert.Equal("espeak-en-gb", status["voice"]!.GetValue<string>());
        Assert.True(status["durationMs"]!.GetValue<int>() > 5000);

        var mp3Url = status["mp3"]!.GetValue<string>();
        Assert.Matches($"^/listen/{id}/espeak-en-gb/[0-9a-f]{{12}}\\.mp3$", mp3Url);
        var full = await client.GetAsync(mp3Url, Ct);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("audio/mpeg", full.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", full.Headers.CacheControl!.ToString());
        Assert.Equal("bytes", full.Headers.AcceptRanges.Single());
        var bytes = await full.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(status["mp3Bytes"]!.GetValue<long>(), bytes.LongLength);
        Assert.Equal(0xFF, bytes[0]); // an MPEG frame, the LAME tag frame (gapless lengths), comes first
        Assert.Equal(0xE0, bytes[1] & 0xE0);
        Assert.Matches("Xing|Info", Encoding.ASCII.GetString(bytes, 0, 200));

        using var range = new HttpRequestMessage(HttpMethod.Get, mp3Url);
        range.Headers.Range = new RangeHeaderValue(100, 199);
        var partial = await client.SendAsync(range, Ct);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal($"bytes 100-199/{bytes.Length}", partial.Content.Headers.ContentRange!.ToString());
        Assert.Equal(bytes[100..200], await partial.Content.ReadAsByteArrayAsync(Ct));

        var etag = full.Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, mp3Url);
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional, Ct)).StatusCode);

        using var head = new HttpRequestMessage(HttpMethod.Head, mp3Url);
        var headResponse = await client.SendAsync(head, Ct);
        Assert.Equal(HttpStatusCode.OK, headResponse.StatusCode);
        Assert.Equal(bytes.Length, headResponse.Content.Headers.ContentLength);

        var vtt = await client.GetStringAsync(status["vtt"]!.GetValue<string>(), Ct);
        Assert.StartsWith("WEBVTT\n\n1\n00:00:00.000 --> ", vtt, StringComparison.Ordinal);
        Assert.Contains("council", vtt);

        // Every timed word names a page element and a range of its text that is a word of the article.
        var timings = JsonNode.Parse(await client.GetStringAsync(status["timings"]!.GetValue<string>(), Ct))!;
        var page = await ListenSteps.ArticlePageAsync(client, id);
        var document = new HtmlParser().ParseDocument(page);
        var places = timings["places"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        var words = timings["words"]!.AsArray().Select(w => w!.AsArray().Select(n => n!.GetValue<int>()).ToArray()).ToList();
        Assert.True(words.Count > 40);
        var spoken = new List<string>();
        var previousStart = -1;
        foreach (var w in words)
        {
            Assert.True(w[0] >= previousStart && w[1] >= w[0], "words are in time order");
            previousStart = w[0];
            var element = document.QuerySelector($"[data-listen-place='{places[w[2]]}']");
            Assert.NotNull(element);
            var text = element.TextContent[w[3]..w[4]];
            // A word, or a short pair the engine reads as one ("for the").
            Assert.Matches(@"^[\p{L}\p{N}£][\p{L}\p{N}'’.£-]*( [\p{L}\p{N}'’.£-]+)?$", text);
            spoken.Add(text);
        }
        Assert.StartsWith("Harbour council approves ferry budget A short summary", string.Join(" ", spoken), StringComparison.Ordinal);
        Assert.Contains("£12m", spoken);
        Assert.Contains("Tenders", spoken);
        Assert.True(timings["durationMs"]!.GetValue<int>() >= words[^1][1]);
        // A test app makes no Opus file (ListenApp), and the status names none; the shipped settings' test checks Opus.
        Assert.Null(status["opus"]);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/listen/{id}/espeak-en-gb/000000000000.mp3", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/listen/{id}/espeak-en-gb/..%2F..%2Fbroadsheet.db", Ct)).StatusCode);
    }

    /// <summary>
    /// With the shipped <see cref="ListenOptions.VoicesAhead"/> (the demo as <c>./run.sh</c> starts it), a published
    /// article gets audio in the first voices of its language without any listener asking: the voices queued ahead,
    /// and no other. The browser tests' demo site makes one voice ahead (its whole demo in every voice would cost the
    /// run a minute of CPU); its test checks that every demo article is spoken.
    /// </summary>
    [Fact]
    public async Task With_the_shipped_settings_each_article_gets_its_languages_first_voices_unasked()
    {
        var shipped = new ListenOptions();
        var voicesAhead = shipped.VoicesAhead;
        Assert.True(voicesAhead >= 2);
        Assert.True(shipped.Opus);
        await using var app = new ListenApp(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["Broadsheet:Listen:VoicesAhead"] = voicesAhead.ToString(CultureInfo.InvariantCulture),
            ["Broadsheet:Listen:Opus"] = "true",
        });
        var catalog = app.Services.GetRequiredService<SpeechVoices>().Current;
        var articles = new[]
        {
            (Id: await ListenSteps.PublishAsync(app, "Ferry budget approved ahead of the tenders", Story), Language: "en"),
            (Id: await ListenSteps.PublishAsync(app, "渡輪預算獲批", "港務委員會週二通過新渡輪的預算。招標將於三月開始，五月動工。", language: "zh-Hant", summary: ["委員會通過預算"]), Language: "zh-Hant"),
        };

        foreach (var (id, language) in articles)
        {
            var expected = catalog.VoicesFor(language).Take(voicesAhead).Select(v => v.Id).Order().ToList();
            Assert.Equal(voicesAhead, expected.Count);
            // Read the queue itself: asking the status endpoint for a voice would queue that voice.
            var deadline = DateTime.UtcNow.AddSeconds(90);
            List<ArticleAudio> rows;
            while ((rows = await app.AudioRowsAsync(id)).Count(r => r.Status == AudioStatus.Ready) < voicesAhead && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, Ct);
            }
            Assert.Empty(rows.Where(r => r.LastError is not null).Select(r => $"{r.VoiceId}: {r.LastError}"));
            Assert.Equal(expected, rows.Where(r => r.Status == AudioStatus.Ready).Select(r => r.VoiceId).Order());
            Assert.Equal(expected, rows.Select(r => r.VoiceId).Order());
        }

        // The shipped settings add an Opus file after each MP3, served as Ogg Opus (the status answers for voices that
        // are ready, so asking queues nothing).
        using var client = app.Client();
        var oldFiles = new List<string>();
        foreach (var (id, language) in articles)
        {
            foreach (var voice in catalog.VoicesFor(language).Take(voicesAhead).Select(v => v.Id))
            {
                var deadline = DateTime.UtcNow.AddSeconds(90);
                while ((await app.AudioRowsAsync(id)).Single(r => r.VoiceId == voice).OpusBytes == 0 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(200, Ct);
                }
                var status = await ListenSteps.StatusAsync(client, id, voice);
                Assert.Equal(ListenStatus.Ready, status["status"]!.GetValue<string>());
                Assert.True(status["opus"] is not null, $"no Opus file for article {id} in {voice}");
                var opus = await client.GetAsync(status["opus"]!.GetValue<string>(), Ct);
                Assert.Equal(HttpStatusCode.OK, opus.StatusCode);
                Assert.Equal("audio/ogg", opus.Content.Headers.ContentType!.MediaType);
                var ogg = await opus.Content.ReadAsByteArrayAsync(Ct);
                Assert.Equal("OggS", Encoding.ASCII.GetString(ogg, 0, 4));
                Assert.Equal("OpusHead", Encoding.ASCII.GetString(ogg, 28, 8));
                if (language == "zh-Hant")
                {
                    var mp3 = Path.Combine(app.AudioRoot, id.ToString(CultureInfo.InvariantCulture), voice, status["fingerprint"]!.GetValue<string>() + ".mp3");
                    oldFiles.AddRange([mp3, Path.ChangeExtension(mp3, ".json"), Path.ChangeExtension(mp3, ".vtt"), Path.ChangeExtension(mp3, ".opus")]);
                }
            }
        }

        // Changing the text removes every file of the old text, its Opus file too (the short Chinese article: the
        // edit makes its voices again).
        Assert.All(oldFiles, f => Assert.True(File.Exists(f), $"{f} is missing before the edit"));
        var chinese = articles.Single(a => a.Language == "zh-Hant").Id;
        await ListenSteps.UpdateBodyAsync(app, chinese, "渡輪預算獲批", "港務委員會週二通過新渡輪的預算。首航定於明年夏天。", language: "zh-Hant", summary: ["委員會通過預算"]);
        var removed = DateTime.UtcNow.AddSeconds(90);
        while (oldFiles.Any(File.Exists) && DateTime.UtcNow < removed)
        {
            await Task.Delay(200, Ct);
        }
        Assert.All(oldFiles, f => Assert.False(File.Exists(f), $"{Path.GetFileName(f)} of the old text is still there"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_second_voice_is_pending_on_first_request_then_ready(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var id = await ListenSteps.PublishAsync(app, "Second voice for the ferry story", Story);
        using var client = app.Client();
        var first = await ListenSteps.WaitReadyAsync(client, id);

        var pending = await ListenSteps.StatusAsync(client, id, "flite-slt");
        Assert.Equal(ListenStatus.Pending, pending["status"]!.GetValue<string>());
        var second = await ListenSteps.WaitReadyAsync(client, id, "flite-slt");
        Assert.Equal("flite-slt", second["voice"]!.GetValue<string>());
        Assert.Equal(first["fingerprint"]!.GetValue<string>(), second["fingerprint"]!.GetValue<string>());
        Assert.NotEqual(first["mp3Bytes"]!.GetValue<long>(), second["mp3Bytes"]!.GetValue<long>());
        var mp3 = await client.GetByteArrayAsync(second["mp3"]!.GetValue<string>(), Ct);
        Assert.Equal(second["mp3Bytes"]!.GetValue<long>(), mp3.LongLength);

        var rows = await app.AudioRowsAsync(id);
        Assert.Equal(["espeak-en-gb", "flite-slt"], rows.Where(r => r.Status == AudioStatus.Ready).Select(r => r.VoiceId).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/listen/{id}/no-such-voice", Ct)).StatusCode);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Changing_the_text_makes_new_audio_and_removes_the_old_files(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var id = await ListenSteps.PublishAsync(app, "Ferry story before the edit", Story);
        using var client = app.Client();
        var before = await ListenSteps.WaitReadyAsync(client, id);
        var oldFingerprint = before["fingerprint"]!.GetValue<string>();
        var oldMp3 = Path.Combine(app.AudioRoot, id.ToString(CultureInfo.InvariantCulture), "espeak-en-gb", oldFingerprint + ".mp3");
        Assert.True(File.Exists(oldMp3));

        await ListenSteps.UpdateBodyAsync(app, id, "Ferry story before the edit", Story + "\n\nThe first sailing is planned for next summer.");
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonNode after;
        while ((after = await ListenSteps.WaitAsync(client, id))["fingerprint"]?.GetValue<string>() is not { } fp || fp == oldFingerprint)
        {
            Assert.True(DateTime.UtcNow < deadline, "new audio was not made");
            await Task.Delay(250, Ct);
        }
        Assert.Equal(ListenStatus.Ready, after["status"]!.GetValue<string>());
        Assert.True(after["durationMs"]!.GetValue<int>() > before["durationMs"]!.GetValue<int>());
        var timings = await client.GetStringAsync(after["timings"]!.GetValue<string>(), Ct);
        Assert.Contains("\"b4.0\"", timings); // the new paragraph is read

        // The worker deletes the old row, then its files one after another: wait for all of them, not only the first
        // (a test app makes no Opus file; the shipped settings' test checks that an edit removes that one too).
        string[] oldFiles = [oldMp3, Path.ChangeExtension(oldMp3, ".json"), Path.ChangeExtension(oldMp3, ".vtt")];
        deadline = DateTime.UtcNow.AddSeconds(10);
        while (oldFiles.Any(File.Exists) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }
        Assert.All(oldFiles, f => Assert.False(File.Exists(f), $"{Path.GetFileName(f)} of the old text is still there"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(before["mp3"]!.GetValue<string>(), Ct)).StatusCode);
        Assert.DoesNotContain(await app.AudioRowsAsync(id), r => r.Fingerprint.StartsWith(oldFingerprint, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Several_articles_and_voices_at_once_all_get_complete_files(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await ListenSteps.PublishAsync(app, $"Concurrent story number {i + 1}", $"Paragraph {i + 1} of a story read in three voices at once.\n\n" + Story));
        }
        using var client = app.Client();
        string[] voices = ["espeak-en-gb", "espeak-en-us", "flite-kal"];
        var requests = ids.SelectMany(id => voices.Select(voice => (id, voice))).ToList();
        await Task.WhenAll(requests.Select(r => ListenSteps.StatusAsync(client, r.id, r.voice)));
        var results = await Task.WhenAll(requests.Select(r => ListenSteps.WaitReadyAsync(client, r.id, r.voice, seconds: 180)));

        var lengths = new HashSet<long>();
        foreach (var status in results)
        {
            var mp3 = await client.GetByteArrayAsync(status["mp3"]!.GetValue<string>(), Ct);
            Assert.Equal(status["mp3Bytes"]!.GetValue<long>(), mp3.LongLength);
            Assert.Equal(0xFF, mp3[0]);
            var timings = JsonNode.Parse(await client.GetStringAsync(status["timings"]!.GetValue<string>(), Ct))!;
            var words = timings["words"]!.AsArray();
            Assert.True(words.Count > 40);
            Assert.True(timings["durationMs"]!.GetValue<int>() >= words[^1]![1]!.GetValue<int>());
            lengths.Add(mp3.LongLength);
        }
        Assert.True(lengths.Count >= 6, "different texts and voices give different files");
        foreach (var id in ids)
        {
            var rows = await app.AudioRowsAsync(id);
            Assert.All(rows.Where(r => voices.Contains(r.VoiceId)), r => Assert.Equal((AudioStatus.Ready, 1), (r.Status, r.Attempts)));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_language_without_a_voice_gets_no_audio_and_says_so(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var id = await ListenSteps.PublishAsync(app, "Sawubona", "Izulu liyana namuhla.", language: "zu", summary: ["Yebo"]);
        using var client = app.Client();
        var status = await ListenSteps.StatusAsync(client, id);
        Assert.Equal(ListenStatus.Unavailable, status["status"]!.GetValue<string>());
        Assert.Equal("Audio isn't available in this language yet.", status["reason"]!.GetValue<string>());

        var document = new HtmlParser().ParseDocument(await ListenSteps.ArticlePageAsync(client, id));
        Assert.Null(document.QuerySelector(".listen"));
        Assert.Equal("Audio isn't available in this language yet.", document.QuerySelector(".listen-none")!.TextContent);
        await Task.Delay(1000, Ct); // several worker passes
        Assert.Empty(await app.AudioRowsAsync(id));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Podcast_feeds_list_ready_audio_with_every_element_apple_requires(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = "podcast-" + Guid.NewGuid().ToString("N")[..6];
        var cache = app.Services.GetRequiredService<ContentCache>();
        var id = await ListenSteps.PublishAsync(app, "Ferry story for the podcast", Story, section: section);
        var generation = cache.Generation;
        using var client = app.Client();
        // A feed cached before the audio is ready is evicted when it is (checked below: the episode shows).
        using (var early = await client.GetAsync($"/feeds/podcast/{section}.xml", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        }
        var status = await ListenSteps.WaitReadyAsync(client, id);
        var fingerprint = status["fingerprint"]!.GetValue<string>();
        // Making audio evicts the feeds alone: the site's snapshots (sections, ads) stay valid and are not rebuilt.
        Assert.Equal(generation, cache.Generation);

        // Podcast apps and feed readers find the feed from any page.
        var page = new HtmlParser().ParseDocument(await ListenSteps.ArticlePageAsync(client, id, section));
        var discovery = Assert.Single(page.QuerySelectorAll("head link[rel=alternate][type='application/rss+xml']"));
        Assert.Equal("/feeds/podcast.xml", discovery.GetAttribute("href"));

        foreach (var path in new[] { "/feeds/podcast.xml", $"/feeds/podcast/{section}.xml" })
        {
            XElement? item = null;
            XElement channel = null!;
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (item is null)
            {
                var response = await client.GetAsync(path, Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
                var rss = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
                Assert.Equal("2.0", rss.Root!.Attribute("version")!.Value);
                channel = rss.Root.Element("channel")!;
                item = channel.Elements("item").FirstOrDefault(i => i.Element("guid")!.Value == $"broadsheet-audio:{id}:{fingerprint}");
                Assert.True(item is not null || DateTime.UtcNow < deadline, $"{path} does not list article {id}");
                await Task.Delay(item is null ? 200 : 0, Ct);
            }

            XNamespace itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
            foreach (var name in new[] { "title", "link", "description", "language" })
            {
                Assert.False(string.IsNullOrWhiteSpace(channel.Element(name)?.Value), $"channel {name}");
            }
            Assert.StartsWith("http", channel.Element("link")!.Value, StringComparison.Ordinal);
            Assert.Equal("en", channel.Element("language")!.Value);
            Assert.Equal("News", channel.Element(itunes + "category")!.Attribute("text")!.Value);
            Assert.Contains(channel.Element(itunes + "explicit")!.Value, new[] { "true", "false" });
            Assert.False(string.IsNullOrWhiteSpace(channel.Element(itunes + "author")!.Value));
            var owner = channel.Element(itunes + "owner")!;
            Assert.False(string.IsNullOrWhiteSpace(owner.Element(itunes + "name")!.Value));
            Assert.Contains("@", owner.Element(itunes + "email")!.Value);

            var image = new Uri(channel.Element(itunes + "image")!.Attribute("href")!.Value);
            Assert.True(image.IsAbsoluteUri);
            var png = await client.GetByteArrayAsync(image.PathAndQuery, Ct);
            using (var bitmap = SKBitmap.Decode(png))
            {
                Assert.Equal(bitmap.Width, bitmap.Height);
                Assert.InRange(bitmap.Width, 1400, 3000);
            }

            Assert.Equal("Ferry story for the podcast", item.Element("title")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(item.Element("description")!.Value));
            Assert.Equal("false", item.Element("guid")!.Attribute("isPermaLink")!.Value);
            var enclosure = item.Element("enclosure")!;
            Assert.Equal("audio/mpeg", enclosure.Attribute("type")!.Value);
            var url = new Uri(enclosure.Attribute("url")!.Value);
            Assert.True(url.IsAbsoluteUri);
            Assert.Equal(status["mp3"]!.GetValue<string>(), url.AbsolutePath);
            Assert.Equal(status["mp3Bytes"]!.GetValue<long>(), long.Parse(enclosure.Attribute("length")!.Value, CultureInfo.InvariantCulture));
            Assert.True(DateTimeOffset.TryParseExact(item.Element("pubDate")!.Value, "r", null, System.Globalization.DateTimeStyles.None, out _));
            Assert.Matches(@"^\d{2}:\d{2}:\d{2}$", item.Element(itunes + "duration")!.Value);
        }

        // A reader response: output-cached (a hit carries Age) with an ETag that podcast apps revalidate against.
        var feedPath = $"/feeds/podcast/{section}.xml";
        var first = await client.GetAsync(feedPath, Ct);
        var etag = first.Headers.ETag!;
        Assert.Contains("public", first.Headers.CacheControl!.ToString());
        var hit = await client.GetAsync(feedPath, Ct);
        Assert.NotNull(hit.Headers.Age);
        Assert.Equal(etag, hit.Headers.ETag);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, feedPath);
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/feeds/podcast/no-such-section.xml", Ct)).StatusCode);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Status_page_lists_engines_voices_and_the_queue(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        using var editor = await NewsroomSession.SignInAsync(app, "Editor", Ct);
        var response = await editor.GetAsync("/newsroom/status", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Audio status", document.QuerySelector("h1")!.TextContent);
        // A page of the newsroom: its layout, with "Audio" the current item of the newsroom's navigation.
        Assert.Equal("Audio status | Newsroom", document.Title);
        Assert.Equal("/newsroom/status", document.QuerySelector("nav[aria-label=Newsroom] a[aria-current=page]")!.GetAttribute("href"));
        Assert.DoesNotContain("will move behind", document.Body!.TextContent, StringComparison.Ordinal);
        var engines = document.QuerySelectorAll("table")[0].TextContent;
        Assert.Contains("espeak-ng", engines);
        Assert.Contains("flite", engines);
        Assert.Contains("available", engines);
        Assert.Contains("Slt, US English, female", document.Body!.TextContent);
    }

    [Fact]
    public async Task Status_page_is_for_editors_only()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        using var anonymous = app.Client();
        var response = await anonymous.GetAsync("/newsroom/status", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/newsroom/signin?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var writer = await NewsroomSession.SignInAsync(app, "Writer", Ct);
        var refused = await writer.GetAsync("/newsroom/status", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("espeak-ng", await refused.Content.ReadAsStringAsync(Ct));
    }
}
