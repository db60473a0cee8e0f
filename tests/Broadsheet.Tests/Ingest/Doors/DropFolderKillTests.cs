using System.Text.Json.Nodes;
using Broadsheet.Ingest.Doors;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Faults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Ingest.Doors;

/// <summary>
/// kill -9 of the real server in the middle of a drop-folder burst, then a restart on the same folder and database:
/// every file ends filed, each good one as exactly one article, each broken one in quarantine with its reason; none lost.
/// </summary>
public class DropFolderKillTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const int Files = 200;
    private const int Broken = 10;

    [Fact]
    public async Task A_burst_of_dropped_files_survives_sigkill_each_file_an_article_or_in_quarantine()
    {
        await using var database = await FaultDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        var folder = Path.Combine(Path.GetTempPath(), "broadsheet-tests", "kill-drop-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var prefix = "killdrop" + Guid.NewGuid().ToString("N")[..6];
        var settings = new Dictionary<string, string>(database.Settings)
        {
            ["Broadsheet__Ingest__Sources__0__Name"] = "Kill wire",
            ["Broadsheet__Ingest__Sources__0__Folder"] = folder,
            ["Broadsheet__Ingest__Sources__0__AutoPublish"] = "true",
            ["Broadsheet__Ingest__Sources__0__Section"] = prefix,
            ["Broadsheet__Ingest__Doors__StableSeconds"] = "0",
            ["Broadsheet__Ingest__Doors__SweepSeconds"] = "0.2",
            // The restart is a new instance: it takes over the dead one's claims once they are a second old.
            ["Broadsheet__Ingest__Doors__ClaimStaleSeconds"] = "1",
        };
        try
        {
            await using (var first = await AppProcess.StartAsync(settings, Ct))
            {
                using (var admin = first.AdminClient())
                {
                    await admin.PutSectionAsync(prefix, "Kill wire");
                }
                for (var n = 0; n < Files; n++)
                {
                    var name = $"{prefix}-{n:D3}.json";
                    var body = n % (Files / Broken) == 7 ? "{\"uri\": \"broken" : Ninjs(prefix, n);
                    // As an FTP client set up for it: a temporary name, renamed when complete.
                    await File.WriteAllTextAsync(Path.Combine(folder, "." + name + ".part"), body, Ct);
                    File.Move(Path.Combine(folder, "." + name + ".part"), Path.Combine(folder, name));
                }
                await AppProcess.WaitUntilAsync(() => Task.FromResult(Filed(folder).Count >= 20), TimeSpan.FromSeconds(60), "20 files were filed", Ct);
                await first.KillAsync();
            }
            var beforeRestart = Filed(folder).Count;
            Assert.InRange(beforeRestart, 20, Files - 1);

            // The restart, a new instance on the folder and database the killed process left, in the test's own
            // process (its code compiled already): what it must cope with is the dead instance's claims and half-done
            // files, which it finds the same there as in a process of its own.
            await using var second = database.InProcessApp(settings);
            _ = second.BaseAddress;
            await AppProcess.WaitUntilAsync(() => Task.FromResult(Filed(folder).Count == Files), TimeSpan.FromSeconds(90), $"all {Files} files were filed", Ct);

            Assert.DoesNotContain(Directory.EnumerateFiles(folder), f => !DropFolder.IsTemporaryName(Path.GetFileName(f)));
            Assert.DoesNotContain(Directory.EnumerateDirectories(Path.Combine(folder, DropFolder.ProcessingFolder)).SelectMany(Directory.EnumerateFiles), f => !Path.GetFileName(f).StartsWith('.'));
            var quarantined = Listed(folder, DropFolder.QuarantineFolder);
            var done = Listed(folder, DropFolder.DoneFolder);
            Assert.Equal(Enumerable.Range(0, Files).Where(n => n % (Files / Broken) == 7).Select(n => $"{prefix}-{n:D3}.json"), quarantined);
            Assert.Equal(Files - Broken, done.Count);
            Assert.All(quarantined, q => Assert.True(File.Exists(Path.Combine(folder, DropFolder.QuarantineFolder, q + DropFolder.ReasonSuffix))));

            // Each good file is exactly one article: a file the dead process had handed to the desk came back a duplicate.
            await using var db = database.Open();
            var headlines = await db.Articles.Where(a => a.Headline.StartsWith("Kill drop " + prefix)).Select(a => a.Headline).ToListAsync(Ct);
            Assert.Equal(Files - Broken, headlines.Count);
            Assert.Equal(Files - Broken, headlines.Distinct().Count());
            using var client = second.Client();
            var listed = await client.GetAsync("/api/v1/articles?pageSize=1", Ct);
            Assert.True(listed.IsSuccessStatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Ninjs(string prefix, int n) => new JsonObject
    {
        ["uri"] = $"urn:killdrop:{prefix}:{n}",
        ["version"] = "1",
        ["type"] = "text",
        ["pubstatus"] = "usable",
        ["language"] = "en",
        ["headline"] = $"Kill drop {prefix} story {n}",
        ["body_html"] = $"<p>Story {n} of the burst, filed before or after the crash.</p>",
    }.ToJsonString();

    private static List<string> Filed(string folder) =>
        [.. Listed(folder, DropFolder.DoneFolder), .. Listed(folder, DropFolder.QuarantineFolder)];

    private static List<string> Listed(string folder, string sub)
    {
        var path = Path.Combine(folder, sub);
        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Select(f => Path.GetFileName(f)).Where(f => !f.EndsWith(DropFolder.ReasonSuffix, StringComparison.Ordinal) && !f.StartsWith('.')).Order(StringComparer.Ordinal).ToList()
            : [];
    }
}
