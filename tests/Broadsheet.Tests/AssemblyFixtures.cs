using Broadsheet.Tests.Infrastructure;
using Broadsheet.Tests.Reader;

// One seeded reader site per provider for the read-only reader tests (starting apps and seeding them is most of what
// the suite costs); the integration tests that can share an app share those of a collection below.
[assembly: AssemblyFixture(typeof(ReaderSite))]

namespace Broadsheet.Tests;

/// <summary>
/// The API, media and writer test classes on one <see cref="SharedApps"/> of their own. They run one at a time: some
/// check that a refused write leaves every table's row count as it was, which another class writing to the same app at
/// the same moment would upset. The classes of <see cref="NewsroomCollection"/> run beside them on other apps.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedAppsCollection : ICollectionFixture<SharedApps>
{
    public const string Name = "Shared apps";
}

/// <summary>
/// The newsroom's page, account and workflow test classes on one <see cref="SharedApps"/> of their own, one class at a
/// time (they count rows too), side by side with <see cref="SharedAppsCollection"/>: two chains instead of one long one.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NewsroomCollection : ICollectionFixture<SharedApps>
{
    public const string Name = "Newsroom shared apps";
}
