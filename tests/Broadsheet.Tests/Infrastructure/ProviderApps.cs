namespace Broadsheet.Tests.Infrastructure;

/// <summary>
/// A class fixture holding one running app per database provider, started on first use (by <see cref="Create"/>)
/// and shared by the test class's tests; disposed with the fixture.
/// </summary>
public abstract class ProviderApps<TApp> : IAsyncDisposable
    where TApp : BroadsheetApp
{
    private readonly Dictionary<DatabaseProvider, TApp> apps = [];
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<TApp> On(DatabaseProvider provider)
    {
        await gate.WaitAsync();
        try
        {
            if (!apps.TryGetValue(provider, out var app))
            {
                app = Create(provider);
                _ = app.BaseAddress;
                apps[provider] = app;
            }
            return app;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps.Values)
        {
            await app.DisposeAsync();
        }
        gate.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract TApp Create(DatabaseProvider provider);
}

/// <summary>
/// Shared apps: one running app per database provider with default settings, started on first use and stopped after
/// the last test of the collection that holds them (a collection fixture: <c>SharedAppsCollection</c> and
/// <c>NewsroomCollection</c> in <c>AssemblyFixtures.cs</c> each have their own). Most integration tests run on them, so
/// each test isolates itself by names and ids of its own (<c>Api.Unique</c>, fresh users) instead of by a fresh
/// database. A test that needs other settings, an empty database or a stopped app makes its own <see cref="BroadsheetApp"/>.
/// </summary>
public sealed class SharedApps : ProviderApps<BroadsheetApp>
{
    protected override BroadsheetApp Create(DatabaseProvider provider) => new(provider);
}

/// <summary>A class fixture handing a test class its collection's <see cref="SharedApps"/> (it starts and stops none itself).</summary>
public abstract class SharedProviderApps(SharedApps shared)
{
    public Task<BroadsheetApp> On(DatabaseProvider provider) => shared.On(provider);
}
