using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

/// <summary>
/// Puts articles in front of readers and takes them away, and adds corrections and updates. Each change
/// is recorded in the audit log (who: a newsroom user, or
/// the admin API), in the same save.
/// </summary>
public sealed class Publishing(BroadsheetDb db, ArticleWriter writer, TimeProvider clock)
{
    public const int MaxNoteText = 2000;

    /// <summary>
    /// Publishes the article. The first time sets <see cref="Article.FirstPublishedAt"/>; republishing content
    /// changed since readers last saw it sets <see cref="Article.LastUpdatedAt"/>. Publishing a published
    /// article changes nothing.
    /// </summary>
    public Task<WriteResult<Article>> PublishAsync(int id, int? expectedVersion = null, CancellationToken ct = default) =>
        PublishAsync(id, expectedVersion, ChangedBy.Api, ct);

    public async Task<WriteResult<Article>> PublishAsync(int id, int? expectedVersion, ChangedBy by, CancellationToken ct = default)
    {
        var (article, failure) = await LoadAsync(id, expectedVersion, ct);
        if (article is null)
        {
            return failure!;
        }
        if (article.Status == ArticleStatus.Published)
        {
            return WriteResult.Ok(article);
        }
        var now = ArticleWriter.Now(clock);
        if (article.FirstPublishedAt is null)
        {
            article.FirstPublishedAt = now;
        }
        else if (article.ModifiedAt > (article.LastUpdatedAt ?? article.FirstPublishedAt))
        {
            article.LastUpdatedAt = now;
        }
        var early = article.Status == ArticleStatus.Scheduled ? "Published before its scheduled time." : null;
        article.Status = ArticleStatus.Published;
        article.ScheduledFor = null;
        return await SaveAsync(article, AuditLog.Entry(article, AuditAction.Published, by, now, early), ct);
    }

    /// <summary>Takes a published article away from readers; it stays in the newsroom and can be republished.</summary>
    public Task<WriteResult<Article>> UnpublishAsync(int id, int? expectedVersion = null, CancellationToken ct = default) =>
        UnpublishAsync(id, expectedVersion, ChangedBy.Api, ct);

    public Task<WriteResult<Article>> UnpublishAsync(int id, int? expectedVersion, ChangedBy by, CancellationToken ct = default) =>
        UnpublishAsync(id, expectedVersion, by, null, ct);

    /// <summary>As <see cref="UnpublishAsync(int, int?, ChangedBy, CancellationToken)"/>, with why in the audit log (an agency's kill).</summary>
    public async Task<WriteResult<Article>> UnpublishAsync(int id, int? expectedVersion, ChangedBy by, string? detail, CancellationToken ct = default)
    {
        var (article, failure) = await LoadAsync(id, expectedVersion, ct);
        if (article is null)
        {
            return failure!;
        }
        if (article.Status == ArticleStatus.Unpublished)
        {
            return WriteResult.Ok(article);
        }
        if (article.Status != ArticleStatus.Published)
        {
            return WriteResult.Conflict<Article>($"Article {id} is {ContentNames.Of(article.Status)}, not published.");
        }
        article.Status = ArticleStatus.Unpublished;
        return await SaveAsync(article, AuditLog.Entry(article, AuditAction.Unpublished, by, ArticleWriter.Now(clock), detail), ct);
    }

    /// <summary>Adds a correction or update note to a published article and marks it updated.</summary>
    public Task<WriteResult<ArticleNote>> AddNoteAsync(int id, NoteInput input, int? expectedVersion = null, CancellationToken ct = default) =>
        AddNoteAsync(id, input, expectedVersion, ChangedBy.Api, ct);

    public async Task<WriteResult<ArticleNote>> AddNoteAsync(int id, NoteInput input, int? expectedVersion, ChangedBy by, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var kind = NoteKind.Correction;
        if (input.Kind is null)
        {
            errors.Add("kind", $"Required: one of {ContentNames.List<NoteKind>()}.");
        }
        else if (!ContentNames.TryParse(input.Kind, out kind))
        {
            errors.Add("kind", $"Must be one of {ContentNames.List<NoteKind>()}.");
        }
        var text = InputText.Trimmed(input.Text);
        if (text is null)
        {
            errors.Add("text", "Required.");
        }
        ArticleWriter.CheckLength(text, "text", MaxNoteText, errors);
        errors.Name(field => field == "text" ? "The note's text" : "The note's kind");

        var article = await ArticleWriter.Load(db, id, ct);
        if (article is null)
        {
            return WriteResult.NotFound<ArticleNote>($"No article {id}.");
        }
        if (!errors.IsEmpty)
        {
            return WriteResult.Invalid<ArticleNote>(errors);
        }
        if (expectedVersion is { } expected && expected != article.Version)
        {
            return WriteResult.VersionMismatch<ArticleNote>($"Article {id} is at version {article.Version}, not {expected}.");
        }
        if (article.Status != ArticleStatus.Published)
        {
            return WriteResult.Conflict<ArticleNote>($"Notes tell readers what changed, so only published articles take them; article {id} is {ContentNames.Of(article.Status)}.");
        }
        var now = ArticleWriter.Now(clock);
        var note = new ArticleNote { ArticleId = id, Kind = kind, Text = text!, At = now };
        article.Notes.Add(note);
        article.LastUpdatedAt = now;
        var saved = await SaveAsync(article, AuditLog.Entry(article, kind == NoteKind.Correction ? AuditAction.Correction : AuditAction.Update, by, now, text), ct);
        return saved.Succeeded ? WriteResult.Created(note) : WriteResult.VersionMismatch<ArticleNote>(saved.Message!);
    }

    private async Task<(Article? Article, WriteResult<Article>? Failure)> LoadAsync(int id, int? expectedVersion, CancellationToken ct)
    {
        // An article this context tracks already (written just before in the same unit of work) is the instance a
        // tracking query would return anyway: it is not read again.
        var article = db.Articles.Local.FindEntry(id) is { State: not (EntityState.Deleted or EntityState.Detached) } tracked
            ? tracked.Entity
            : await ArticleWriter.Load(db, id, ct);
        if (article is null)
        {
            return (null, WriteResult.NotFound<Article>($"No article {id}."));
        }
        if (expectedVersion is { } expected && expected != article.Version)
        {
            return (null, WriteResult.VersionMismatch<Article>($"Article {id} is at version {article.Version}, not {expected}."));
        }
        return (article, null);
    }

    private async Task<WriteResult<Article>> SaveAsync(Article article, AuditEntry entry, CancellationToken ct)
    {
        article.Version++;
        db.AuditEntries.Add(entry);
        if (!await writer.TrySaveAsync(ct))
        {
            db.Entry(entry).State = EntityState.Detached;
            return WriteResult.VersionMismatch<Article>($"Article {article.Id} was changed by someone else meanwhile: reload it and try again.");
        }
        return WriteResult.Ok(article);
    }
}
