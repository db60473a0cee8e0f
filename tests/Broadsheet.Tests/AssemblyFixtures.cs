using Broadsheet.Tests.Infrastructure;
using Broadsheet.Tests.Reader;

// One app per provider for the integration tests that can share one (see SharedApps), and one seeded reader site
// per provider for the read-only reader tests: starting apps and seeding them is most of what the suite costs.
[assembly: AssemblyFixture(typeof(SharedApps))]
[assembly: AssemblyFixture(typeof(ReaderSite))]

namespace Broadsheet.Tests;

/// <summary>
/// The test classes on <see cref="SharedApps"/>. They run one at a time: some check that a refused write leaves every
/// table's row count as it was, which another class writing at the same moment would upset.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedAppsCollection
{
    public const string Name = "Shared apps";
}
