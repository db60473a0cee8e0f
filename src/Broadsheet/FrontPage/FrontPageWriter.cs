using System.Text.Json;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.FrontPage;

/// <summary>A story's place on the front page: which article, and when it starts and stops showing (null: at once, until replaced).</summary>
public sealed record SlotInput(int ArticleId, DateTimeOffset? StartsAt = null, DateTimeOffset? ExpiresAt = null);

/// <summary>The whole curation: the lead (or none) and the top stories in order.</summary>
public sealed record FrontPageInput(SlotInput? Lead, IReadOnlyList<SlotInput> Top);

/// <summary>
/// The one way the front page's curation is written. A save replaces the whole curation in one transaction, with a
/// <see cref="FrontPageRevision"/> saying who did it; the home page is evicted by <see cref="ContentChanges"/> (the
/// slots' rule, registered by <see cref="FrontPageExtensions"/>). Errors are keyed <c>lead.articleId</c>,
/// <c>top[2].expiresAt</c> and so on, and <c>top</c> for the list itself.
/// </summary>
public sealed class FrontPageWriter(BroadsheetDb db, TimeProvider clock)
{
    public const int LeadPosition = 0;
    public const int MaxTopStories = 12;

    /// <summary>
    /// The latest saved curation's revision (who saved it, when; its <c>Id</c> is what a save starts from); null before
    /// the first save, which is revision 0.
    /// </summary>
    public Task<FrontPageRevision?> LatestAsync(CancellationToken ct = default) =>
        db.Set<FrontPageRevision>().AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    /// <param name="basedOn">
    /// The revision the caller's curation started from (<see cref="LatestAsync"/>'s id when it read the front page): the save
    /// is refused (<see cref="WriteStatus.VersionMismatch"/>) when someone saved since, so that one editor's arrangement
    /// does not silently replace another's. Null saves whatever is there.
    /// </param>
    public async Task<WriteResult<List<FrontPageSlot>>> SaveAsync(FrontPageInput input, ChangedBy by, long? basedOn = null, CancellationToken ct = default)
    {
        var now = ArticleWriter.Now(clock);
        if (basedOn is { } expected && await LatestAsync(ct) is var last && (last?.Id ?? 0) != expected)
        {
            return Stale(last, expected);
        }
        var errors = new ValidationErrors();
        if (input.Top.Count > MaxTopStories)
        {
            errors.Add("top", $"Choose at most {MaxTopStories} top stories.");
        }
        var places = new List<(string Field, int Position, SlotInput Slot)>();
        if (input.Lead is { } lead)
        {
            places.Add(("lead", LeadPosition, lead));
        }
        places.AddRange(input.Top.Select((slot, i) => ($"top[{i}]", i + 1, slot)));

        var ids = places.Select(p => p.Slot.ArticleId).Distinct().ToList();
        var articles = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Headline, a.Status })
            .ToDictionaryAsync(a => a.Id, ct);
        var seen = new Dictionary<int, string>();
        foreach (var (field, position, slot) in places)
        {
            if (!articles.TryGetValue(slot.ArticleId, out var article))
            {
                errors.Add($"{field}.articleId", $"There is no article {slot.ArticleId}.");
            }
            else if (article.Status != ArticleStatus.Published)
            {
                errors.Add($"{field}.articleId", $"\"{article.Headline}\" is not published: only published stories can go on the front page.");
            }
            if (!seen.TryAdd(slot.ArticleId, field))
            {
                errors.Add($"{field}.articleId", $"This story is on the front page already ({Describe(seen[slot.ArticleId])}): a story appears once.");
            }
            if (slot.ExpiresAt is { } expires)
            {
                if (slot.StartsAt is { } starts && expires <= starts)
                {
                    errors.Add($"{field}.expiresAt", "The expiry must be after the start.");
                }
                else if (expires <= now)
                {
                    errors.Add($"{field}.expiresAt", "The expiry is in the past.");
                }
            }
        }
        if (!errors.IsEmpty)
        {
            return WriteResult.Invalid<List<FrontPageSlot>>(errors);
        }

        var slots = places.Select(p => new FrontPageSlot
        {
            Position = p.Position,
            ArticleId = p.Slot.ArticleId,
            // Cut to the microsecond, as PostgreSQL stores times: what a save answers is what is read back on either provider.
            StartsAt = p.Slot.StartsAt is { } starts ? ArticleWriter.ToMicrosecond(starts) : null,
            ExpiresAt = p.Slot.ExpiresAt is { } expires ? ArticleWriter.ToMicrosecond(expires) : null,
        }).ToList();
        db.Set<FrontPageSlot>().RemoveRange(await db.Set<FrontPageSlot>().ToListAsync(ct));
        db.Set<FrontPageSlot>().AddRange(slots);
        db.Set<FrontPageRevision>().Add(new FrontPageRevision
        {
            BasedOn = basedOn,
            At = now,
            UserId = by.UserId,
            UserName = by.Name,
            Summary = Summarise(input, articles.ToDictionary(a => a.Key, a => a.Value.Headline)),
            Snapshot = JsonSerializer.Serialize(places.Select(p => new
            {
                p.Position,
                p.Slot.ArticleId,
                Headline = articles[p.Slot.ArticleId].Headline,
                p.Slot.StartsAt,
                p.Slot.ExpiresAt,
            }), BroadsheetDb.Json),
        });
        // One SaveChanges is one transaction: readers see the old curation or the new one, never half of each.
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (basedOn is not null)
        {
            db.ChangeTracker.Clear();
            // Another save from the same revision was stored between the check above and this one (the unique BasedOn).
            if (await LatestAsync(ct) is var stored && (stored?.Id ?? 0) != basedOn)
            {
                return Stale(stored, basedOn.Value);
            }
            throw;
        }
        return WriteResult.Ok(slots);
    }

    /// <summary>The refusal of a save that started from <paramref name="expected"/> when <paramref name="last"/> is the latest revision.</summary>
    private static WriteResult<List<FrontPageSlot>> Stale(FrontPageRevision? last, long expected) =>
        WriteResult.VersionMismatch<List<FrontPageSlot>>(last is null
            ? $"The front page has never been saved, so there is no revision {expected} to start from: read it again and make the change to it."
            : $"{last.UserName} saved the front page (revision {last.Id}) after the revision {expected} this change started from: read it again and make the change to it.");

    private static string Describe(string field) => field == "lead" ? "the lead" : $"top story {int.Parse(field[4..^1], System.Globalization.CultureInfo.InvariantCulture) + 1}";

    private static string Summarise(FrontPageInput input, Dictionary<int, string> headlines)
    {
        var lead = input.Lead is { } l ? $"Lead: {headlines[l.ArticleId]}" : "No lead chosen";
        var summary = $"{lead}; {input.Top.Count} top {(input.Top.Count == 1 ? "story" : "stories")}";
        return summary.Length <= 300 ? summary : summary[..299] + "…";
    }
}
