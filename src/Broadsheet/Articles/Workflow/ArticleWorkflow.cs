using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles.Workflow;

public enum WorkflowOutcome
{
    Done,
    NotFound,

    /// <summary>This user may not make this change (a writer publishing, a writer touching someone else's draft).</summary>
    Forbidden,

    /// <summary>The article is not in a state this change starts from.</summary>
    NotNow,

    /// <summary>The article changed since the user loaded it.</summary>
    VersionMismatch,
    Invalid,
}

public sealed record WorkflowResult(WorkflowOutcome Outcome, Article? Article = null, string? Message = null, string? Field = null)
{
    public bool Succeeded => Outcome == WorkflowOutcome.Done;
}

/// <summary>
/// Moves articles through Draft → In review → Scheduled/Published → Unpublished, checking who may, and records
/// each editorial decision in the audit log in the same save as the change itself.
/// </summary>
public sealed class ArticleWorkflow(BroadsheetDb db, Publishing publishing, TimeProvider clock)
{
    public async Task<WorkflowResult> ApplyAsync(int id, Transition transition, int expectedVersion, NewsroomActor actor, DateTimeOffset? scheduleFor = null, CancellationToken ct = default)
    {
        var article = await ArticleWriter.Load(db, id, ct);
        if (article is null)
        {
            return new(WorkflowOutcome.NotFound, Message: $"No article {id}.");
        }
        if (!WorkflowRules.CanView(article, actor) || (!actor.IsEditor && transition != Transition.Submit))
        {
            return new(WorkflowOutcome.Forbidden, article, "Only editors can do that.");
        }
        if (article.Version != expectedVersion)
        {
            return new(WorkflowOutcome.VersionMismatch, article, $"Someone saved this article since you opened it (version {article.Version}, you had {expectedVersion}).");
        }
        if (!WorkflowRules.Allows(article, actor, transition))
        {
            return new(WorkflowOutcome.NotNow, article, $"A {WorkflowRules.Describe(article.Status).ToLowerInvariant()} article cannot be {Past(transition)}.");
        }
        var now = ArticleWriter.Now(clock);
        switch (transition)
        {
            case Transition.Publish:
                var published = await publishing.PublishAsync(id, expectedVersion, actor.Changing(), ct);
                return published.Succeeded ? new(WorkflowOutcome.Done, published.Value) : Failed(published.Status, published.Message);
            case Transition.Unpublish:
                var unpublished = await publishing.UnpublishAsync(id, expectedVersion, actor.Changing(), ct);
                return unpublished.Succeeded ? new(WorkflowOutcome.Done, unpublished.Value) : Failed(unpublished.Status, unpublished.Message);
            case Transition.Schedule:
                // To the microsecond, as now is: on SQLite, which keeps every tick, a time between two microseconds
                // would otherwise still be ahead of now when it comes, and publish a poll later than on PostgreSQL.
                if (scheduleFor is not { } requested || ArticleWriter.ToMicrosecond(requested) <= now)
                {
                    return new(WorkflowOutcome.Invalid, article, "Choose a time in the future.", "scheduleFor");
                }
                var when = ArticleWriter.ToMicrosecond(requested);
                article.ScheduledFor = when;
                article.Status = ArticleStatus.Scheduled;
                return await SaveAsync(article, Audit(article, AuditAction.Scheduled, actor, now, $"For {when:O}"), ct);
            case Transition.Submit:
                article.Status = ArticleStatus.InReview;
                return await SaveAsync(article, Audit(article, AuditAction.Submitted, actor, now, null), ct);
            case Transition.ReturnToDraft:
                article.Status = ArticleStatus.Draft;
                article.ScheduledFor = null;
                return await SaveAsync(article, Audit(article, AuditAction.ReturnedToDraft, actor, now, null), ct);
            default:
                throw new ArgumentOutOfRangeException(nameof(transition));
        }
    }

    /// <summary>Adds a correction or update to a published article (editors only) and logs it.</summary>
    public async Task<WorkflowResult> AddNoteAsync(int id, NoteInput input, int? expectedVersion, NewsroomActor actor, CancellationToken ct = default)
    {
        if (!actor.IsEditor)
        {
            return new(WorkflowOutcome.Forbidden, Message: "Only editors add corrections and updates.");
        }
        var article = await ArticleWriter.Load(db, id, ct);
        if (article is null)
        {
            return new(WorkflowOutcome.NotFound, Message: $"No article {id}.");
        }
        var added = await publishing.AddNoteAsync(id, input, expectedVersion, actor.Changing(), ct);
        if (added.Succeeded)
        {
            return new(WorkflowOutcome.Done, article);
        }
        return added.Status == WriteStatus.Invalid
            ? new(WorkflowOutcome.Invalid, article, added.Errors.First().Value[0], added.Errors.First().Key)
            : Failed(added.Status, added.Message) with { Article = article };
    }

    private AuditEntry Audit(Article article, AuditAction action, NewsroomActor actor, DateTimeOffset at, string? detail)
    {
        var entry = AuditLog.Entry(article, action, actor.Changing(), at, detail);
        // Tracked now, so the workflow's own save writes it in the same transaction as the change.
        db.AuditEntries.Add(entry);
        return entry;
    }

    private async Task<WorkflowResult> SaveAsync(Article article, AuditEntry entry, CancellationToken ct)
    {
        // Only changes between unpublished states are saved here (publishing goes through Publishing), so no reader page is stale.
        article.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(entry).State = EntityState.Detached;
            return new(WorkflowOutcome.VersionMismatch, article, "Someone else changed this article meanwhile: reload it and try again.");
        }
        return new(WorkflowOutcome.Done, article);
    }

    private static WorkflowResult Failed(WriteStatus status, string? message) => status switch
    {
        WriteStatus.NotFound => new(WorkflowOutcome.NotFound, Message: message),
        WriteStatus.VersionMismatch => new(WorkflowOutcome.VersionMismatch, Message: message),
        WriteStatus.Conflict => new(WorkflowOutcome.NotNow, Message: message),
        _ => new(WorkflowOutcome.Invalid, Message: message),
    };

    private static string Past(Transition transition) => transition switch
    {
        Transition.Submit => "submitted for review",
        Transition.ReturnToDraft => "returned to draft",
        Transition.Schedule => "scheduled",
        Transition.Publish => "published",
        Transition.Unpublish => "unpublished",
        _ => transition.ToString(),
    };
}
