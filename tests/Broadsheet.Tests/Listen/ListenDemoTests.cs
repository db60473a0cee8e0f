using Broadsheet.Articles;
using Broadsheet.Listen;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Listen;

/// <summary>
/// The demo publication as <c>./run.sh</c> starts it: every published article gets audio in the first two voices of its
/// language (<see cref="ListenOptions.VoicesAhead"/>) without any listener asking.
/// </summary>
public sealed class ListenDemoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_published_demo_article_gets_audio_in_two_voices_unasked()
    {
        var voicesAhead = new ListenOptions().VoicesAhead;
        Assert.True(voicesAhead >= 2);
        await using var app = new ListenApp(DatabaseProvider.Sqlite,
            new Dictionary<string, string> { ["Broadsheet:Listen:VoicesAhead"] = voicesAhead.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            seedDemoContent: true);
        using var client = app.Client();
        var published = await app.InDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published)
            .Select(a => new { a.Id, a.Language }).ToListAsync(Ct));
        Assert.True(published.Count >= 10, $"Only {published.Count} published demo articles.");

        var deadline = DateTime.UtcNow.AddMinutes(4);
        Dictionary<int, List<string>> ready;
        while (true)
        {
            // Read the queue itself: asking the status endpoint for a voice would queue that voice.
            var rows = await app.InDbAsync(db => db.ArticleAudio.AsNoTracking()
                .Where(a => a.Status == AudioStatus.Ready).Select(a => new { a.ArticleId, a.VoiceId }).ToListAsync(Ct));
            ready = rows.GroupBy(r => r.ArticleId).ToDictionary(g => g.Key, g => g.Select(r => r.VoiceId).Distinct().ToList());
            if (published.All(a => ready.GetValueOrDefault(a.Id)?.Count >= 2) || DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(500, Ct);
        }

        var failed = await app.InDbAsync(db => db.ArticleAudio.AsNoTracking().Where(a => a.LastError != null)
            .Select(a => a.ArticleId + "/" + a.VoiceId + ": " + a.LastError).ToListAsync(Ct));
        Assert.Empty(failed);
        foreach (var article in published)
        {
            var voices = ready.GetValueOrDefault(article.Id) ?? [];
            Assert.True(voices.Count >= 2, $"Article {article.Id} ({article.Language}) has audio in {voices.Count} voices.");
            foreach (var voice in voices)
            {
                var status = await ListenSteps.StatusAsync(client, article.Id, voice);
                Assert.Equal(ListenStatus.Ready, status["status"]!.GetValue<string>());
            }
        }
    }
}
