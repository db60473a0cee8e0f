using Broadsheet.Tests.Infrastructure;

namespace Broadsheet.BrowserTests;

/// <summary>Broadsheet on real Kestrel with the demo publication seeded, shared by a test class.</summary>
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
