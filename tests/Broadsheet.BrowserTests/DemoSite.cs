using Broadsheet.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(Broadsheet.BrowserTests.DemoSite))]

namespace Broadsheet.BrowserTests;

/// <summary>
/// Broadsheet on real Kestrel with the demo publication seeded, shared by every test class that shows the demo (an
/// assembly fixture: seeding it and making its audio is the costliest start-up of the run). Tests that add content
/// give it names of their own, so the classes sharing the site do not see each other's changes.
/// </summary>
public sealed class DemoSite : IAsyncLifetime
{
    // The demo as ./run.sh starts it, audio worker included (the player tests play its audio).
    public BroadsheetApp App { get; } = new(DatabaseProvider.Sqlite, seedDemoContent: true, audioWorker: true);

    public Uri BaseAddress => App.BaseAddress;

    public ValueTask InitializeAsync()
    {
        _ = App.BaseAddress;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
