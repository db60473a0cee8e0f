using System.Net.Http.Json;
using System.Text.Json;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Demo;
using Broadsheet.Listen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The demo publication as <c>./run.sh</c> starts it (the <see cref="DemoSite"/>): every published demo article is
/// spoken, in the default voice of its language, without any listener asking, and no engine fails on its text. It runs
/// here, on the site whose audio the player tests need anyway, so that the suite makes the demo's audio once. The site
/// makes one voice ahead; that the shipped settings make more is tested on short articles (ListenHttpTests).
/// </summary>
public sealed class DemoAudioTests(DemoSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_published_demo_article_gets_audio_in_its_default_voice_unasked()
    {
        var app = site.App;
        var voices = app.Services.GetRequiredService<SpeechVoices>().Current;
        using var client = app.Client();
        // The demo's own articles (the other tests on this site publish theirs): those the demo seeding wrote.
        var published = await InDbAsync(db => db.Articles
            .Where(a => a.Status == ArticleStatus.Published && db.ArticleRevisions.Any(r => r.ArticleId == a.Id && r.UserName == DemoContent.By.Name))
            .Select(a => new { a.Id, a.Language }).ToListAsync(Ct));
        Assert.True(published.Count >= 10, $"Only {published.Count} published demo articles.");

        var deadline = DateTime.UtcNow.AddMinutes(4);
        Dictionary<int, List<string>> ready;
        while (true)
        {
            // Read the queue itself: asking the status endpoint for a voice would queue that voice.
            var rows = await InDbAsync(db => db.ArticleAudio.AsNoTracking()
                .Where(a => a.Status == AudioStatus.Ready).Select(a => new { a.ArticleId, a.VoiceId }).ToListAsync(Ct));
            ready = rows.GroupBy(r => r.ArticleId).ToDictionary(g => g.Key, g => g.Select(r => r.VoiceId).Distinct().ToList());
            if (published.All(a => ready.GetValueOrDefault(a.Id)?.Contains(voices.DefaultFor(a.Language)!.Id) == true) || DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(500, Ct);
        }

        var ids = published.Select(a => a.Id).ToList();
        var failed = await InDbAsync(db => db.ArticleAudio.AsNoTracking().Where(a => a.LastError != null && ids.Contains(a.ArticleId))
            .Select(a => a.ArticleId + "/" + a.VoiceId + ": " + a.LastError).ToListAsync(Ct));
        Assert.Empty(failed);
        foreach (var article in published)
        {
            var made = ready.GetValueOrDefault(article.Id) ?? [];
            var expected = voices.DefaultFor(article.Language)!.Id;
            Assert.True(made.Contains(expected), $"Article {article.Id} ({article.Language}) has no audio in {expected}: {string.Join(", ", made)}.");
            foreach (var voice in made)
            {
                var status = await client.GetFromJsonAsync<JsonElement>($"/listen/{article.Id}/{voice}", Ct);
                Assert.Equal(ListenStatus.Ready, status.GetProperty("status").GetString());
            }
        }
    }

    private async Task<T> InDbAsync<T>(Func<BroadsheetDb, Task<T>> query)
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BroadsheetDb>());
    }
}
