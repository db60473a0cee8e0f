using System.Globalization;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles.Workflow;

/// <summary>
/// One thing that happened to an article, as its history lists it: a save (with its <see cref="Revision"/>, to compare
/// or restore) or an editorial decision from the audit log (submitted, scheduled, published, unpublished, a note).
/// </summary>
public sealed record HistoryEntry(DateTimeOffset At, string By, string What, string? Detail, ArticleRevision? Revision);

/// <summary>
/// An article's whole history: every revision and every audit entry in one list, newest first, so each step of the
/// workflow (which moves the version on without a new revision) is there with who did it and when.
/// </summary>
public sealed class ArticleHistory(BroadsheetDb db)
{
    public async Task<List<HistoryEntry>> ListAsync(int articleId, PublicationTime time, CancellationToken ct = default)
    {
        var revisions = await new ArticleRevisions(db).ListAsync(articleId, ct);
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.ArticleId == articleId).ToListAsync(ct);
        return Merge(revisions, audit, time);
    }

    /// <summary>
    /// Newest first. A decision made in the same instant as a save (publishing right after saving) comes after it in
    /// time, so on a tie it is listed above the save.
    /// </summary>
    public static List<HistoryEntry> Merge(IEnumerable<ArticleRevision> revisions, IEnumerable<AuditEntry> audit, PublicationTime time) =>
    [
        .. revisions.Select(r => (Entry: new HistoryEntry(r.At, r.UserName, r.Summary, null, r), Order: 0, r.Id))
            .Concat(audit.Select(a => (Entry: new HistoryEntry(a.At, a.UserName, AuditText.Describe(a.Action), AuditText.Detail(a, time), null), Order: 1, a.Id)))
            .OrderByDescending(x => x.Entry.At).ThenByDescending(x => x.Order).ThenByDescending(x => x.Id)
            .Select(x => x.Entry),
    ];
}

/// <summary>How the newsroom words an audit entry: the action, and its detail with any time in the publication's zone.</summary>
public static class AuditText
{
    public static string Describe(AuditAction action) => action switch
    {
        AuditAction.Submitted => "Submitted for review",
        AuditAction.ReturnedToDraft => "Returned to draft",
        AuditAction.Correction => "Correction added",
        AuditAction.Update => "Update added",
        _ => action.ToString(),
    };

    private static readonly string[] TimePrefixes = ["For ", "As scheduled for "];

    /// <summary>The detail as stored, except that a scheduled time ("For 2026-…Z") reads in <paramref name="time"/>'s zone.</summary>
    public static string? Detail(AuditEntry entry, PublicationTime time)
    {
        if (entry.Detail is not { } detail || entry.Action is not (AuditAction.Scheduled or AuditAction.Published))
        {
            return entry.Detail;
        }
        foreach (var prefix in TimePrefixes)
        {
            if (detail.StartsWith(prefix, StringComparison.Ordinal)
                && DateTimeOffset.TryParse(detail[prefix.Length..], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when))
            {
                return prefix + time.Format(when);
            }
        }
        return detail;
    }
}
