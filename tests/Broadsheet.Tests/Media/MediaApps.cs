using Broadsheet.Tests.Infrastructure;

namespace Broadsheet.Tests.Media;

/// <summary>One running app per provider, started on first use and shared by a test class's tests (which run one at a time).</summary>
public sealed class MediaApps : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, BroadsheetApp> apps = [];
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<BroadsheetApp> On(DatabaseProvider provider)
    {
        await gate.WaitAsync();
        try
        {
            if (!apps.TryGetValue(provider, out var app))
            {
                app = new BroadsheetApp(provider);
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
    }
}
