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
