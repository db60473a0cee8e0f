using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(Broadsheet.Tests.LongestFirst))]

namespace Broadsheet.Tests;

/// <summary>
/// Starts the longest test collections first. Two run at a time (xunit.runner.json); in xunit's default random order a
/// long one that happens to start last runs on alone at the end, with one of the two cores idle, for as long as it
/// takes. The rest follow in a stable order (by name). A new class that runs for more than about ten seconds belongs in
/// <see cref="Longest"/>.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    /// <summary>The longest collections, longest first (measured with <c>--report-xunit-trx</c>): a collection name, or a class's full name.</summary>
    private static readonly string[] Longest =
    [
        SharedAppsCollection.Name,
        NewsroomCollection.Name,
        typeof(Faults.KillDuringWritesTests).FullName!,
        typeof(Listen.ListenHttpTests).FullName!,
        typeof(Faults.DatabaseOutageTests).FullName!,
        typeof(Faults.RedisOutageTests).FullName!,
        typeof(Reader.CacheEvictionTests).FullName!,
        typeof(Reader.SiteSnapshotTests).FullName!,
        typeof(Ingest.Doors.DropFolderKillTests).FullName!,
        typeof(Operations.ScaleOutTests).FullName!,
        typeof(Demo.DemoContentTests).FullName!,
        typeof(Newsroom.WorkflowSchedulerTests).FullName!,
        typeof(Reader.ContentChangesTests).FullName!,
        typeof(Demo.DemoSeedingSwitchTests).FullName!,
        typeof(Listen.ListenFaultTests).FullName!,
        typeof(Hardening.AudioWorkerOutageTests).FullName!,
        typeof(Ads.AdCountingTests).FullName!,
        typeof(Hardening.ImageDecodeBoundTests).FullName!,
        typeof(Reader.HttpBehaviourTests).FullName!,
        typeof(Hardening.RateLimitTests).FullName!,
        typeof(Newsroom.AccountsSetupTests).FullName!,
        typeof(Newsroom.PermissionMatrixTests).FullName!,
        typeof(Newsroom.HandlerlessPostTests).FullName!,
    ];

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        [.. testCollections.OrderBy(c => Rank(c)).ThenBy(c => c.TestCollectionDisplayName, StringComparer.Ordinal)];

    private static int Rank(ITestCollection collection)
    {
        var name = collection.TestCollectionDisplayName;
        var id = name.IndexOf(" (id: ", StringComparison.Ordinal);
        name = id < 0 ? name : name[..id];
        for (var i = 0; i < Longest.Length; i++)
        {
            // A defined collection shows its name; a class's own is "Test collection for" the class's full name (and an id).
            if (name == Longest[i] || name.EndsWith(" " + Longest[i], StringComparison.Ordinal))
            {
                return i;
            }
        }
        return Longest.Length;
    }
}
