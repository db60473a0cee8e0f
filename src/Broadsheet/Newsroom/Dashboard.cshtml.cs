using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Broadsheet.Feedback;
using Broadsheet.Ingest;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom;

/// <summary>
/// The desk, the newsroom's front page: what waits for the signed-in person (for editors the review queue, scheduled
/// stories and the wire; for everyone their own drafts and what was published lately), each list short with its count
/// and a link to the whole list, then the areas this user may open.
/// </summary>
public sealed class DashboardModel(IAuthorizationService authorization, BroadsheetDb db, Feedback.ErrorReports reports) : PageModel
{
    /// <summary>How many rows each list on the desk shows; the count and the link give the rest.</summary>
    public const int Shown = 5;

    public sealed record Area(string Title, string Path, string Description, string Policy);

    /// <summary>One article on the desk with the time that matters for its list (changed, scheduled for, published).</summary>
    public sealed record Item(int Id, string Headline, ArticleStatus Status, DateTimeOffset At, string? By);

    /// <summary>A list on the desk: its first <see cref="Shown"/> rows, how many there are in all, and where the whole list is.</summary>
    public sealed record Queue(string Id, string Title, string Empty, string FullList, int Count, IReadOnlyList<Item> Items);

    public sealed record WireWaiting(long Id, string Source, string Headline, WireStatus Status, DateTimeOffset ReceivedAt);

    private static readonly Area[] All =
    [
        new("Articles", "/newsroom/articles", "Write and edit articles, send them for review, publish, schedule and correct them.", NewsroomPolicies.Writer),
        new("Image library", "/newsroom/images", "Upload images, write their alt text, captions and credits, set focal points.", NewsroomPolicies.Writer),
        new("Wire", "/newsroom/wire", "Agency copy as it arrives: held items to use, the quarantine, each delivery's raw bytes.", NewsroomPolicies.Editor),
        new("Audit log", "/newsroom/audit", "Who published, unpublished, scheduled or corrected what, and when.", NewsroomPolicies.Editor),
        new("Audio", "/newsroom/status", "Speech engines and voices, the audio queue, what failed and why.", NewsroomPolicies.Editor),
        new("Your account", "/newsroom/account", "Change your password, turn on two-factor sign-in.", NewsroomPolicies.Writer),
        new("Admin", "/newsroom/admin", "Users, sections, topics, contributors, standards pages, ads and API keys.", NewsroomPolicies.Admin),
    ];

    public string DisplayName => User.FindFirst(NewsroomClaims.DisplayName)?.Value ?? User.Identity?.Name ?? "";

    public string Role => NewsroomRoles.All.LastOrDefault(User.IsInRole) ?? "";

    public List<Area> Areas { get; } = [];

    public List<Queue> Queues { get; } = [];

    public bool IsEditor { get; private set; }

    /// <summary>Wire items an editor has to act on (held or quarantined), for editors only.</summary>
    public int WireCount { get; private set; }

    public List<WireWaiting> Wire { get; private set; } = [];

    /// <summary>Readers' error reports no editor has resolved yet, for editors only.</summary>
    public int ReportCount { get; private set; }

    public List<ErrorReport> Reports { get; private set; } = [];

    public PublicationTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    public async Task OnGetAsync(CancellationToken ct)
    {
        foreach (var area in All)
        {
            if ((await authorization.AuthorizeAsync(User, area.Policy)).Succeeded)
            {
                Areas.Add(area);
            }
        }
        var actor = NewsroomClaims.Actor(User);
        IsEditor = actor.IsEditor;
        Time = PublicationTime.Of(await db.Publications.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct));
        var articles = db.Articles.AsNoTracking();
        var mine = articles.Where(a => a.CreatedById == actor.UserId);

        Queues.Add(await QueueAsync("review", IsEditor ? "Waiting for review" : "Your stories in review",
            IsEditor ? "Nothing is waiting for review." : "None of your stories is with the editors.",
            IsEditor ? "/newsroom/articles?status=inReview" : "/newsroom/articles?status=inReview&mine=true",
            (IsEditor ? articles : mine).Where(a => a.Status == ArticleStatus.InReview), a => a.ModifiedAt, false, ct));
        Queues.Add(await QueueAsync("drafts", "Your drafts", "You have no drafts.", "/newsroom/articles?status=draft&mine=true",
            mine.Where(a => a.Status == ArticleStatus.Draft), a => a.ModifiedAt, false, ct));
        if (IsEditor)
        {
            Queues.Add(await QueueAsync("scheduled", "Scheduled", "Nothing is scheduled.", "/newsroom/articles?status=scheduled",
                articles.Where(a => a.Status == ArticleStatus.Scheduled && a.ScheduledFor != null), a => a.ScheduledFor!.Value, true, ct));
        }
        Queues.Add(await QueueAsync("published", IsEditor ? "Recently published" : "Your stories recently published", "Nothing has been published yet.",
            IsEditor ? "/newsroom/articles?status=published" : "/newsroom/articles?status=published&mine=true",
            (IsEditor ? articles : mine).Where(a => a.Status == ArticleStatus.Published && a.FirstPublishedAt != null), a => a.FirstPublishedAt!.Value, false, ct));

        if (IsEditor)
        {
            var waiting = db.WireEntries.AsNoTracking().Where(e => (e.Status == WireStatus.Held && e.ArticleId == null) || e.Status == WireStatus.Quarantined);
            WireCount = await waiting.CountAsync(ct);
            Wire = await waiting.OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Id).Take(Shown)
                .Select(e => new WireWaiting(e.Id, e.Source, e.Headline ?? "(no headline)", e.Status, e.ReceivedAt)).ToListAsync(ct);
            ReportCount = await reports.CountOpenAsync(ct);
            Reports = ReportCount == 0 ? [] : await reports.ListAsync(open: true, page: 1, Shown, ct);
        }
    }

    /// <summary>
    /// The first rows of one list, by <paramref name="at"/> (soonest first when <paramref name="ascending"/>, for what is
    /// scheduled; newest first otherwise), and how many there are.
    /// </summary>
    private static async Task<Queue> QueueAsync(string id, string title, string empty, string fullList, IQueryable<Article> query,
        System.Linq.Expressions.Expression<Func<Article, DateTimeOffset>> at, bool ascending, CancellationToken ct)
    {
        var count = await query.CountAsync(ct);
        var ordered = ascending ? query.OrderBy(at) : query.OrderByDescending(at);
        var rows = count == 0 ? [] : await ordered.ThenByDescending(a => a.Id).Take(Shown)
            .Select(a => new { a.Id, a.Headline, a.Status, a.ModifiedAt, a.ScheduledFor, a.FirstPublishedAt, a.ModifiedBy })
            .ToListAsync(ct);
        return new Queue(id, title, empty, fullList, count, [.. rows.Select(r => new Item(r.Id, r.Headline, r.Status,
            r.Status switch
            {
                ArticleStatus.Scheduled => r.ScheduledFor ?? r.ModifiedAt,
                ArticleStatus.Published => r.FirstPublishedAt ?? r.ModifiedAt,
                _ => r.ModifiedAt,
            }, r.ModifiedBy))]);
    }
}
