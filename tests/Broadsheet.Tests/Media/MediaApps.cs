using Broadsheet.Tests.Infrastructure;

namespace Broadsheet.Tests.Media;

/// <summary>One running app per provider, started on first use and shared by a test class's tests (which run one at a time).</summary>
public sealed class MediaApps : ProviderApps<BroadsheetApp>
{
    protected override BroadsheetApp Create(DatabaseProvider provider) => new BroadsheetApp(provider);
}
