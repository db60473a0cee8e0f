using Broadsheet.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

[assembly: AssemblyFixture(typeof(Broadsheet.BrowserTests.DemoSite))]

namespace Broadsheet.BrowserTests;

/// <summary>
/// Broadsheet on real Kestrel with the demo publication seeded, shared by every test class that shows the demo (an
/// assembly fixture: seeding it and making its audio is the costliest start-up of the run). Tests that add content
/// give it names of their own, so the classes sharing the site do not see each other's changes.
/// </summary>
public sealed class DemoSite : IAsyncLifetime
{
    // The demo as ./run.sh starts it, audio worker included (the player tests play its audio), making one voice ahead.
    public BroadsheetApp App { get; } = new DemoApp();

    public Uri BaseAddress => App.BaseAddress;

    public ValueTask InitializeAsync()
    {
        _ = App.BaseAddress;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private sealed class DemoApp() : BroadsheetApp(DatabaseProvider.Sqlite, seedDemoContent: true, audioWorker: true)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // The machine is shared with the other test projects: at normal priority the demo's audio is made early in
            // the run, so the test that waits for all of it (DemoAudioTests) holds a test slot for a short while.
            builder.UseSetting("Broadsheet:Listen:WorkerNiceness", "0");
            // One voice made ahead instead of the shipped two: every demo article in a second voice would cost the run
            // about half a minute of CPU (the Opus pass above all). Voices made ahead as shipped are tested on short
            // articles (Broadsheet.Tests, ListenHttpTests); the player tests ask for their other voices, as listeners do.
            builder.UseSetting("Broadsheet:Listen:VoicesAhead", "1");
            // MP3 alone: it is what makes audio ready, which is all DemoAudioTests asks of the demo's articles, and the
            // player plays it as it does where a browser has no Opus. The Opus pass would be about 80% of the audio's CPU
            // (some 30 s of the run for the demo's articles); it is tested in Broadsheet.Tests (encoder, files, status) and, in
            // Chromium, by ListenOpusTests on a site of its own.
            builder.UseSetting("Broadsheet:Listen:Opus", "false");
        }
    }
}
