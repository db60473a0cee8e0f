using System.Net;
using System.Text.Json.Nodes;
using Broadsheet.Listen;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Broadsheet.Tests.Listen;

/// <summary>
/// Fault injection: a speech engine that hangs or crashes. The job times out (watchdog) or fails, is retried with
/// exponential backoff up to the attempt limit, the failure is recorded and shown on the status page, and the article
/// page is unaffected throughout.
/// </summary>
public sealed class ListenFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ListenApp FaultyApp(DatabaseProvider provider, FaultyEngine engine, TimeProvider? clock = null) => new(
        provider,
        new Dictionary<string, string>
        {
            // Long enough for the real engines' jobs beside the faulty one on a loaded machine, short for the hang.
            ["Broadsheet:Listen:JobTimeoutSeconds"] = "3",
            ["Broadsheet:Listen:RetryBaseSeconds"] = "0.3",
            ["Broadsheet:Listen:MaxAttempts"] = "3",
        },
        [engine])
    {
        Clock = clock,
    };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_hanging_engine_times_out_is_retried_with_backoff_then_fails_and_the_page_is_unaffected(DatabaseProvider provider)
    {
        using var engine = new FaultyEngine();
        // Only the faulty voice reads this article, so moving the clock on hurries no real engine's job.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = FaultyApp(provider, engine, clock);
        var id = await ListenSteps.PublishAsync(app, "Molo, wethu", "Imvula iyana namhlanje.", language: "xh", summary: ["Sawubona"]);
        using var client = app.Client();

        // While the engine hangs, the page still renders with its player.
        var page = await ListenSteps.ArticlePageAsync(client, id);
        Assert.Contains("Hangs forever", page);

        // The watchdog's limits and the backoff between attempts run on the app's clock: move it on while polling.
        JsonNode status;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((status = await ListenSteps.StatusAsync(client, id))["status"]!.GetValue<string>() == ListenStatus.Pending && DateTime.UtcNow < deadline)
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(20, Ct);
        }
        Assert.Equal(ListenStatus.Unavailable, status["status"]!.GetValue<string>());
        Assert.Equal("Audio for this article couldn't be made. Please try again later.", status["reason"]!.GetValue<string>());

        var job = Assert.Single(await app.AudioRowsAsync(id));
        Assert.Equal(("fault-hang", AudioStatus.Failed, 3), (job.VoiceId, job.Status, job.Attempts));
        Assert.Contains("did not finish within 3 s", job.LastError);
        Assert.Equal(3, engine.Calls);
        // Backoff: 0.3 s then 0.6 s between attempts, on top of the timeouts.
        Assert.True(job.LastAttemptAt - job.RequestedAt >= TimeSpan.FromSeconds(3 + 0.3 + 3 + 0.6));
        Assert.Null(job.ClaimedUntil);

        using var editor = await NewsroomSession.SignInAsync(app, "Editor", Ct);
        var statusPage = await editor.GetPageAsync("/newsroom/status", Ct);
        Assert.Contains("did not finish within 3 s", statusPage);
        Assert.Contains($"<a href=\"/newsroom/articles/{id}\">{id}</a>", statusPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_crashing_engine_is_retried_and_its_error_recorded_while_other_voices_still_work(DatabaseProvider provider)
    {
        using var engine = new FaultyEngine();
        await using var app = FaultyApp(provider, engine);
        var xhosa = await ListenSteps.PublishAsync(app, "Molo, wethu", "Imvula iyana namhlanje.", language: "xh", summary: ["Sawubona"]);
        var english = await ListenSteps.PublishAsync(app, "An English story beside a broken engine", "This one is read by a working engine.");
        using var client = app.Client();

        var crash = await ListenSteps.WaitAsync(client, xhosa, "fault-crash", seconds: 60);
        Assert.Equal(ListenStatus.Unavailable, crash["status"]!.GetValue<string>());
        var job = Assert.Single(await app.AudioRowsAsync(xhosa), r => r.VoiceId == "fault-crash");
        Assert.Equal((AudioStatus.Failed, 3), (job.Status, job.Attempts));
        Assert.Contains(FaultyEngine.CrashMessage, job.LastError);
        Assert.True(job.LastAttemptAt - job.RequestedAt >= TimeSpan.FromSeconds(0.3 + 0.6));

        await ListenSteps.WaitReadyAsync(client, english);
        using var editor = await NewsroomSession.SignInAsync(app, "Editor", Ct);
        Assert.Contains(FaultyEngine.CrashMessage, await editor.GetPageAsync("/newsroom/status", Ct));
        var failed = await app.InDbAsync(db => db.ArticleAudio.CountAsync(a => a.Status == AudioStatus.Failed, Ct));
        Assert.True(failed >= 1);
    }
}
