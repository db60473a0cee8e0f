using Broadsheet.Accounts;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Broadsheet.Ingest;
using Broadsheet.Ingest.Doors;
using Broadsheet.Listen;
using Broadsheet.Speech;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsroom.Audio;

/// <summary>
/// The editors' view of audio: the speech engines and voices found at start-up, what was missing, and the job queue
/// with its recent failures and recently made files.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Editor)]
public sealed class StatusModel(BroadsheetDb db, VoiceCatalog catalog, IOptions<IngestOptions> ingestOptions, DoorStatus doorStatus) : PageModel
{
    public VoiceCatalog Catalog => catalog;

    public IReadOnlyDictionary<AudioStatus, int> Counts { get; private set; } = new Dictionary<AudioStatus, int>();

    public IReadOnlyList<ArticleAudio> Failures { get; private set; } = [];

    public IReadOnlyList<ArticleAudio> Recent { get; private set; } = [];

    public PublicationTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    /// <summary>The wire desk's drop folders and feeds (Ingest/Doors).</summary>
    public DoorsReport Doors { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Time = PublicationTime.Of(await db.Publications.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct));
        Counts = (await db.ArticleAudio.AsNoTracking().GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => g.Count);
        Failures = await db.ArticleAudio.AsNoTracking().Where(a => a.LastError != null)
            .OrderByDescending(a => a.LastAttemptAt).Take(50).ToListAsync(ct);
        Recent = await db.ArticleAudio.AsNoTracking().Where(a => a.Status == AudioStatus.Ready)
            .OrderByDescending(a => a.CompletedAt).Take(20).ToListAsync(ct);
        Doors = await DoorsReport.LoadAsync(db, ingestOptions.Value, doorStatus, ct);
    }

    public string When(DateTimeOffset? at) => at is { } value ? Time.Format(value) : "";

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " KB";

    public static string Seconds(long milliseconds) => (milliseconds / 1000.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s";
}
