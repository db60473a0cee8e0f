using System.Text.Json;
using Broadsheet.Tests.Infrastructure;

namespace Broadsheet.BrowserTests;

/// <summary>
/// An app that makes Opus as shipped (the demo site makes MP3 alone), for the player's choice of Opus: a site of its
/// own without the demo, so its audio worker makes only this class's short article.
/// </summary>
public sealed class OpusSite : IAsyncLifetime
{
    public BroadsheetApp App { get; } = new BroadsheetApp(DatabaseProvider.Sqlite, seedDemoContent: false, audioWorker: true);

    public ValueTask InitializeAsync()
    {
        _ = App.BaseAddress;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// Chromium offered an Opus recording picks it over the MP3 and plays it through: the Ogg container Broadsheet writes
/// itself (pre-skip, granule positions, the end-of-stream page) decodes in a real browser, its duration is the one the
/// player was told, and the words are highlighted in step.
/// </summary>
public sealed class ListenOpusTests(Chromium chromium, OpusSite site) : IClassFixture<OpusSite>
{
    private const string Body = """
The lighthouse on the north pier was lit again on Friday after a winter of repairs to its lantern.

Volunteers painted the tower and replaced the stairs, the harbour trust said.
""";

    [Fact]
    public async Task Chromium_plays_the_Opus_recording_to_its_stated_length_with_the_words_in_step()
    {
        var (path, answer) = await PublishWithOpusAsync();
        var opus = answer.GetProperty("opus").GetString()!;
        Assert.Matches("/listen/\\d+/[a-z0-9-]+/[0-9a-f]{12}\\.opus$", opus);
        var durationMs = answer.GetProperty("durationMs").GetInt32();

        await using var watched = await chromium.NewPageAsync(site.App.BaseAddress);
        var page = watched.Page;
        Assert.Equal(200, (await watched.GotoAsync(path)).Status);
        Assert.Equal("probably", await page.EvaluateAsync<string>("() => document.querySelector('.listen audio').canPlayType('audio/ogg; codecs=opus')"));
        await page.WaitForFunctionAsync("() => document.querySelector('.listen-total').textContent !== '-:--'");

        await page.Locator(".listen-play").ClickAsync();
        await page.WaitForFunctionAsync("() => { const a = document.querySelector('.listen audio'); return !a.paused && a.currentTime > 0.5; }");
        Assert.EndsWith(opus, await page.EvaluateAsync<string>("() => document.querySelector('.listen audio').currentSrc"), StringComparison.Ordinal);
        await page.WaitForFunctionAsync("() => Number(document.querySelector('.listen').dataset.word) >= 3");

        // The decoded length is the recording's (rounded to the millisecond in the answer) if the last page's granule
        // position is right. Chromium's Ogg demuxer counts the pre-skip in (the encoder's 6.5 ms lookahead, which the
        // decoder then drops), so it may say up to that much more; a granule position of whole 20 ms frames, or of the
        // wrong sample rate, would be further off.
        var decoded = await page.EvaluateAsync<double>("() => document.querySelector('.listen audio').duration");
        Assert.InRange(decoded * 1000, durationMs - 1.5, durationMs + 6.5 + 1.5);

        // Played through to its end, the player says it can play again.
        await page.EvaluateAsync($"() => {{ document.querySelector('.listen audio').currentTime = {((durationMs - 800) / 1000.0).ToString(System.Globalization.CultureInfo.InvariantCulture)}; }}");
        await page.WaitForFunctionAsync("() => document.querySelector('.listen audio').ended && document.querySelector('.listen-play').textContent.trim() === 'Play'");

        Assert.Empty(watched.ConsoleErrors);
        Assert.Empty(watched.ThirdPartyRequests);
        // A media element cancels its own range requests (after the metadata, or on a seek), which Chromium reports.
        var failed = watched.FailedRequests.Where(r => !System.Text.RegularExpressions.Regex.IsMatch(r, @"/listen/\d+/[a-z0-9-]+/[0-9a-f]{12}\.opus: net::ERR_ABORTED$")).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed));
    }

    /// <summary>Publishes the article and waits for its default voice's Opus file, the pass after the MP3.</summary>
    private Task<(string Path, JsonElement Answer)> PublishWithOpusAsync() =>
        SpokenArticle.PublishAsync(site.App, "coast", "North pier lighthouse lit again", "Repairs to the lantern are finished", Body,
            answer => answer.TryGetProperty("opus", out var opus) && opus.ValueKind == JsonValueKind.String);
}
