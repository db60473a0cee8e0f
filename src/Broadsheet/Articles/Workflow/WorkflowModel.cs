namespace Broadsheet.Articles.Workflow;

/// <summary>
/// One saved state of an article's editable content: who saved it, when, and a full snapshot (JSON of
/// <see cref="ArticleSnapshot"/>), so any two can be compared and any one restored.
/// </summary>
public sealed class ArticleRevision
{
    public long Id { get; set; }
    public int ArticleId { get; set; }

    /// <summary>The article's <see cref="Articles.Article.Version"/> right after this save.</summary>
    public int Version { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }

    /// <summary>The display name at the time, kept so the history reads the same after an account is renamed or removed.</summary>
    public required string UserName { get; set; }

    /// <summary>What the save was: created, saved, restored from version N.</summary>
    public required string Summary { get; set; }
    public required string Snapshot { get; set; }
}

public enum AuditAction
{
    Submitted,
    ReturnedToDraft,
    Scheduled,
    Published,
    Unpublished,
    Correction,
    Update,
    Deleted,
}

/// <summary>One editorial decision on an article: publishing, unpublishing, scheduling, review, corrections.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public AuditAction Action { get; set; }
    public int ArticleId { get; set; }

    /// <summary>The headline at the time, so the log still reads after the article changes or is deleted.</summary>
    public required string Headline { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public string? Detail { get; set; }
}

/// <summary>
/// A user's unsaved editor state for one article (<see cref="ArticleId"/> 0 for a new one), saved every few
/// seconds by the editor's script: a buffer, not content. It never touches the article, its version or its
/// revisions, and no reader, feed or API reads it; the writer drops it in the save that keeps the text
/// (<see cref="ArticleWriter"/>) and with the article.
/// </summary>
public sealed class ArticleAutosave
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public int ArticleId { get; set; }

    /// <summary>The article version the user was editing, to tell them when someone saved since.</summary>
    public int BaseVersion { get; set; }
    public required string Form { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}

/// <summary>Makes audit entries; tracked by the caller's context so they are saved with the change they record.</summary>
public static class AuditLog
{
    public static AuditEntry Entry(Article article, AuditAction action, ChangedBy by, DateTimeOffset at, string? detail = null) => new()
    {
        At = at,
        Action = action,
        ArticleId = article.Id,
        Headline = article.Headline,
        UserId = by.UserId,
        UserName = by.Name,
        Detail = detail,
    };
}
