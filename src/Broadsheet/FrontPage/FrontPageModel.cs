using Broadsheet.Articles;

namespace Broadsheet.FrontPage;

/// <summary>
/// One place on the front page an editor gave a story: <see cref="Position"/> 0 is the lead, 1.. the top stories in
/// order. It shows from <see cref="StartsAt"/> (at once when null) until <see cref="ExpiresAt"/> (until replaced when null).
/// </summary>
public sealed class FrontPageSlot
{
    public int Id { get; set; }
    public int Position { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }

    public bool IsLead => Position == FrontPageWriter.LeadPosition;

    public bool ShowsAt(DateTimeOffset now) => (StartsAt is null || StartsAt <= now) && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>One saved curation of the front page: who saved it, when, and the slots as saved (JSON), for the history.</summary>
public sealed class FrontPageRevision
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public required string Summary { get; set; }
    public required string Snapshot { get; set; }

    /// <summary>The revision the save started from, when the caller said (<see cref="FrontPageWriter.SaveAsync"/>); unique.</summary>
    public long? BasedOn { get; set; }
}

/// <summary>
/// How many times an article was read in one hour (UTC, truncated): the only record of reading, with no reader in it.
/// <see cref="ReadCounter"/> adds to it in batches.
/// </summary>
public sealed class ArticleReadCount
{
    public int ArticleId { get; set; }
    public DateTimeOffset Hour { get; set; }
    public long Count { get; set; }
}
