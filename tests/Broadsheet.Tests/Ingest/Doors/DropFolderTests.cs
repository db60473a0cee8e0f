using System.Collections.Concurrent;
using System.Text;
using Broadsheet.Ingest;
using Broadsheet.Ingest.Doors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Broadsheet.Tests.Ingest.Doors;

/// <summary>
/// The drop folder's mechanics on a real folder, with the clock moved by hand: when a file is taken, where it goes, how
/// claims are shared and taken over. The desk behind it answers as told (the desk itself is tested with its own door).
/// </summary>
public sealed class DropFolderTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string root = Path.Combine(Path.GetTempPath(), "broadsheet-tests", "drop-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly ScriptedDesk desk = new();
    private readonly DoorStatus status = new();

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private DropFolder Folder(string instance = "a", double stableSeconds = 2, double staleSeconds = 60) => new(
        "Agency", root,
        new DoorSettings { StableSeconds = stableSeconds, ClaimStaleSeconds = staleSeconds, SweepSeconds = 1 },
        instance, desk, clock, status, NullLogger.Instance);

    private string Drop(string name, string text = "{\"uri\":\"x\"}")
    {
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, name);
        File.WriteAllText(path, text);
        return path;
    }

    private List<string> Files(string folder) =>
        Directory.Exists(Path.Combine(root, folder)) ? Directory.EnumerateFiles(Path.Combine(root, folder)).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList() : [];

    [Fact]
    public async Task A_file_is_taken_only_once_its_size_and_time_held_still_and_temporary_names_never()
    {
        var folder = Folder(stableSeconds: 2);
        folder.Prepare();
        var growing = Drop("story.xml", "<newsItem>");
        Drop("story2.xml.part");
        Drop(".hidden.xml");
        Drop("upload.tmp");

        Assert.Equal(0, await folder.SweepAsync(Ct));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(2), folder.NextStableAt);

        clock.Advance(TimeSpan.FromSeconds(1.5));
        await File.AppendAllTextAsync(growing, "<more/>", Ct);
        Assert.Equal(0, await folder.SweepAsync(Ct));

        // Two seconds after the first sighting, but only 0.5 s after the last change: still not taken.
        clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(0, await folder.SweepAsync(Ct));
        Assert.Empty(desk.Received);

        clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(1, await folder.SweepAsync(Ct));
        var delivery = Assert.Single(desk.Received);
        Assert.Equal("<newsItem><more/>", Encoding.UTF8.GetString(delivery.Body));
        Assert.Equal(("folder", "Agency", "story.xml", "application/xml"), (delivery.Origin, delivery.SourceName, delivery.FileName, delivery.ContentType));
        Assert.Equal(["story.xml"], Files("done"));
        Assert.Equal([".hidden.xml", "story2.xml.part", "upload.tmp"], Files(""));

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await folder.SweepAsync(Ct));
        Assert.Single(desk.Received);
    }

    [Fact]
    public async Task Files_are_filed_by_what_the_desk_made_of_them_with_the_reason_beside_quarantined_ones()
    {
        var folder = Folder(stableSeconds: 0);
        desk.Answer = d => d.FileName switch
        {
            "good.json" => new WireReceipt([new WireOutcome("urn:a", 1, WireOutcome.Created, 7)]),
            "garbage.json" => new WireReceipt([], "The file is not well-formed JSON (line 1).") ,
            "headless.json" => new WireReceipt([new WireOutcome("urn:b", 2, WireOutcome.Quarantined, Reason: "The item has no headline.")]),
            "mixed.json" => new WireReceipt([new WireOutcome("urn:c", 1, WireOutcome.Duplicate, 8), new WireOutcome("urn:d", 1, WireOutcome.Quarantined, Reason: "The item has no body.")]),
            _ => throw new InvalidOperationException(d.FileName),
        };
        foreach (var name in new[] { "good.json", "garbage.json", "headless.json", "mixed.json" })
        {
            Drop(name);
        }

        Assert.Equal(4, await folder.SweepAsync(Ct));

        Assert.Equal(["good.json", "mixed.json", "mixed.json.reason.txt"], Files("done"));
        Assert.Equal(["garbage.json", "garbage.json.reason.txt", "headless.json", "headless.json.reason.txt"], Files("quarantine"));
        Assert.Equal("The file is not well-formed JSON (line 1).\n", await File.ReadAllTextAsync(Path.Combine(root, "quarantine", "garbage.json.reason.txt"), Ct));
        Assert.Equal("urn:b v2: The item has no headline.\n", await File.ReadAllTextAsync(Path.Combine(root, "quarantine", "headless.json.reason.txt"), Ct));
        Assert.Contains("urn:d v1: The item has no body.", await File.ReadAllTextAsync(Path.Combine(root, "done", "mixed.json.reason.txt"), Ct));
        Assert.Empty(Files(""));
        Assert.Equal(2, status.For("Agency").DoneCount);
        Assert.Equal(2, status.For("Agency").QuarantinedCount);

        // An agency reusing a file name: the earlier file stays, the new one is filed beside it.
        Drop("good.json", "{\"second\":true}");
        Assert.Equal(1, await folder.SweepAsync(Ct));
        Assert.Equal(["good.2.json", "good.json", "mixed.json", "mixed.json.reason.txt"], Files("done"));
        Assert.Equal("{\"second\":true}", await File.ReadAllTextAsync(Path.Combine(root, "done", "good.2.json"), Ct));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_quarantined_unread()
    {
        var folder = new DropFolder("Agency", root, new DoorSettings { StableSeconds = 0, MaxFileBytes = 10 }, "a", desk, clock, status, NullLogger.Instance);
        Drop("huge.xml", new string('x', 11));
        Assert.Equal(1, await folder.SweepAsync(Ct));
        Assert.Empty(desk.Received);
        Assert.Contains("over the limit of 10", await File.ReadAllTextAsync(Path.Combine(root, "quarantine", "huge.xml.reason.txt"), Ct));
    }

    [Fact]
    public async Task While_the_database_is_down_a_file_waits_in_its_claim_and_other_failures_end_in_quarantine()
    {
        var folder = Folder(stableSeconds: 0);
        var outage = true;
        desk.Answer = d => d.FileName == "bug.xml"
            ? throw new InvalidOperationException("desk bug")
            : outage ? throw new SqliteException("database is locked", 6) : new WireReceipt([new WireOutcome("urn:a", 1, WireOutcome.Created, 1)]);
        Drop("story.xml");
        Drop("bug.xml");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(i < 2 ? 0 : i == 2 ? 1 : 0, await folder.SweepAsync(Ct));
            clock.Advance(TimeSpan.FromMinutes(5));
        }
        Assert.Equal(["story.xml"], Files("processing/a").Where(f => !f.StartsWith('.')));
        Assert.Equal(["bug.xml", "bug.xml.reason.txt"], Files("quarantine"));
        Assert.Contains("The desk failed on this file 3 times: InvalidOperationException: desk bug", await File.ReadAllTextAsync(Path.Combine(root, "quarantine", "bug.xml.reason.txt"), Ct));
        Assert.Contains("database is locked", status.For("Agency").LastError);

        outage = false;
        Assert.Equal(1, await folder.SweepAsync(Ct));
        Assert.Equal(["story.xml"], Files("done"));
    }

    [Fact]
    public async Task Two_instances_sweeping_one_folder_hand_each_file_to_the_desk_once()
    {
        const int count = 60;
        for (var i = 0; i < count; i++)
        {
            Drop($"item{i:D3}.json");
        }
        var a = Folder("a", stableSeconds: 0);
        var b = Folder("b", stableSeconds: 0);
        var sweeps = await Task.WhenAll(Task.Run(() => a.SweepAsync(Ct), Ct), Task.Run(() => b.SweepAsync(Ct), Ct));

        Assert.Equal(count, sweeps.Sum());
        Assert.Equal(count, desk.Received.Count);
        Assert.Equal(count, desk.Received.Select(d => d.FileName).Distinct().Count());
        Assert.Equal(count, Files("done").Count);
    }

    [Fact]
    public async Task The_claims_of_an_instance_that_stopped_showing_signs_of_life_are_taken_over()
    {
        // Instance "dead" claimed a file and was killed before the desk answered.
        var dead = Folder("dead", stableSeconds: 0);
        using var kill = new CancellationTokenSource();
        desk.Answer = _ =>
        {
            kill.Cancel();
            kill.Token.ThrowIfCancellationRequested();
            return null!;
        };
        Drop("story.xml");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dead.SweepAsync(kill.Token));
        Assert.Equal(["story.xml"], Files("processing/dead").Where(f => !f.StartsWith('.')));

        desk.Answer = _ => new WireReceipt([new WireOutcome("urn:a", 1, WireOutcome.Duplicate, 1)]);
        var alive = Folder("alive", stableSeconds: 0, staleSeconds: 30);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await alive.SweepAsync(Ct));
        Assert.Equal(["story.xml"], Files("processing/dead").Where(f => !f.StartsWith('.')));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await alive.SweepAsync(Ct));
        Assert.Equal(["story.xml"], Files("done"));
        Assert.False(Directory.Exists(Path.Combine(root, "processing", "dead")));
        Assert.Equal(2, desk.Received.Count);
    }

    [Theory]
    [InlineData("story.xml", false)]
    [InlineData("STORY.JSON", false)]
    [InlineData(".story.xml", true)]
    [InlineData("story.xml.part", true)]
    [InlineData("story.xml.filepart", true)]
    [InlineData("story.tmp", true)]
    [InlineData("story.xml~", true)]
    [InlineData("~story.xml", true)]
    public void Temporary_names_are_recognised(string name, bool temporary) => Assert.Equal(temporary, DropFolder.IsTemporaryName(name));

    /// <summary>Answers as the test says and remembers every delivery.</summary>
    private sealed class ScriptedDesk : IWireIntake
    {
        public ConcurrentQueue<WireDelivery> Received { get; } = new();

        public Func<WireDelivery, WireReceipt> Answer { get; set; } = _ => new WireReceipt([new WireOutcome("urn:x", 1, WireOutcome.Created, 1)]);

        public Task<WireReceipt> ReceiveAsync(WireDelivery delivery, CancellationToken ct)
        {
            Received.Enqueue(delivery);
            return Task.FromResult(Answer(delivery));
        }
    }
}
