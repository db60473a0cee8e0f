using System.Globalization;
using System.Text.Json;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Media;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Ingest;

/// <summary>
/// Handles one item version in one transaction (scoped: one per attempt, so a retry starts from a clean context):
/// the entry, the story, the article written through <see cref="ArticleWriter"/> and <see cref="Publishing"/>, and the
/// picture through <see cref="ImageWriter"/> are committed together or not at all.
/// </summary>
public sealed class WireItemHandler(BroadsheetDb db, ArticleWriter writer, Publishing publishing, ImageWriter images)
{
    public sealed record Request(
        long ArrivalId, string Source, WireItem Item, DateTimeOffset ReceivedAt, DateTimeOffset Now, string VersionKey, long? EntryId, WireStatus? Claim, bool Use, WireFetched Fetched);

    /// <summary>The outcome, or the reason to quarantine the item (everything written for it rolled back).</summary>
    public sealed record Result(WireOutcome? Outcome, string? Quarantine = null, int? ArticleId = null);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct)
    {
        var item = request.Item;
        var now = request.Now;
        Image? picture = null;
        // Every failure inside the item's transaction ends it (the desk retries the whole item in a new one), so the
        // savepoint EF Core sets around each save for a failure to roll back to is never used: on PostgreSQL it is two
        // round trips per save.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var entry = await ClaimAsync(request, now, ct);
            if (entry is null)
            {
                // Handled already, by an earlier delivery of this version or by another instance releasing it.
                var done = await db.WireEntries.AsNoTracking().FirstAsync(e => request.EntryId != null ? e.Id == request.EntryId : e.VersionKey == request.VersionKey, ct);
                await transaction.CommitAsync(ct);
                return new Result(request.EntryId is null
                    ? new WireOutcome(item.ItemId, item.Version, WireOutcome.Duplicate, done.ArticleId,
                        $"Version {item.Version} of this item arrived before, on {done.ReceivedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)} ({Name(done.Status)}); nothing changed.")
                    : Outcome(done));
            }

            var by = new ChangedBy(null, $"wire: {request.Source}");
            var rules = await RulesAsync(request.Source, ct);
            var story = await db.WireStories.FirstOrDefaultAsync(s => s.Source == request.Source && s.ItemId == item.ItemId, ct);
            var again = entry.Id != 0;
            if (story is not null && (item.Version < story.Version || (item.Version == story.Version && !again)))
            {
                return await DoneAsync(entry, WireStatus.Duplicate, story.ArticleId,
                    $"Version {item.Version} is not newer than version {story.Version}, already handled; ignored.", transaction, ct);
            }
            if (request.Use && story?.ArticleId is { } used && await db.Articles.AnyAsync(a => a.Id == used, ct))
            {
                return await DoneAsync(entry, WireStatus.Created, used, "Already in use as an article.", transaction, ct);
            }
            if (item.PubStatus != WirePubStatus.Canceled && item.Embargoed is { } until && until > now)
            {
                entry.EmbargoedUntil = until;
                return await DoneAsync(entry, WireStatus.Held, story?.ArticleId, $"Embargoed until {until.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}.", transaction, ct);
            }

            // A new story is tracked once it is to be saved (Keep), like a new entry: with its article when it has one.
            story ??= new WireStory { Source = request.Source, ItemId = item.ItemId };
            story.Version = Math.Max(story.Version, item.Version);
            var article = story.ArticleId is { } linked ? await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == linked, ct) : null;
            var published = article?.Status == ArticleStatus.Published;
            switch (item.PubStatus)
            {
                case WirePubStatus.Canceled:
                    story.KillNotice = $"{request.Source} has withdrawn this story; it is no longer available.";
                    if (published)
                    {
                        await MustAsync(publishing.UnpublishAsync(article!.Id, null, by with { Summary = "Killed" }, $"Killed by {request.Source} (item {item.ItemId}, version {item.Version})", ct));
                    }
                    return await DoneAsync(entry, WireStatus.Killed, article?.Id,
                        published ? $"Killed by {request.Source}: the article was unpublished at once." : $"Killed by {request.Source}; it was not on the site.", transaction, ct, story);
                case WirePubStatus.Withheld:
                    if (published)
                    {
                        await MustAsync(publishing.UnpublishAsync(article!.Id, null, by with { Summary = "Withheld" }, $"Withheld by {request.Source} (item {item.ItemId}, version {item.Version})", ct));
                    }
                    return await DoneAsync(entry, WireStatus.Held, article?.Id,
                        $"Withheld by {request.Source}{(published ? ": taken off the site" : "")} until a new version releases it.", transaction, ct, story);
            }

            if (article is null && !rules.AutoPublish && !request.Use)
            {
                return await DoneAsync(entry, WireStatus.Held, null,
                    $"Waiting for an editor: {request.Source} is not published automatically; Use makes it a draft.", transaction, ct, story);
            }
            var notes = new List<string>();
            var body = request.Fetched.Body ?? item.BodyHtml;
            if (request.Fetched.Problem is { } problem)
            {
                notes.Add(problem);
            }

            HeroImageInput? hero = null;
            if (article?.HeroImageId is { } heroId)
            {
                hero = new HeroImageInput { Id = heroId, Caption = article.HeroCaption, Credit = article.HeroCredit, Alt = article.HeroAlt };
            }
            else if (request.Fetched.Picture is { } file)
            {
                var prepared = await images.PrepareAsync(new ImageUpload
                {
                    Content = new MemoryStream(file.Bytes, writable: false),
                    FileName = file.FileName,
                    Alt = WireMapping.Shorten(file.Picture.Alt ?? file.Picture.Caption ?? item.Headline, ImageLibrary.MaxAltLength),
                    Caption = WireMapping.Shorten(file.Picture.Caption, ImageLibrary.MaxCaptionLength),
                    Credit = WireMapping.Shorten(file.Picture.Credit ?? item.Credit ?? request.Source, ImageLibrary.MaxCreditLength),
                }, null, ct);
                if (prepared.Succeeded)
                {
                    picture = prepared.Value!;
                    db.Images.Add(picture);
                    await db.SaveChangesAsync(ct);
                    hero = new HeroImageInput { Id = picture.Id };
                }
                else
                {
                    notes.Add("The picture was not added: " + Messages(prepared.Errors));
                }
            }

            var input = WireMapping.ToArticle(item, rules, body, hero);
            var reason = notes.Count == 0 ? null : string.Join(" ", notes);
            WireStatus status;
            if (article is null)
            {
                var created = await writer.CreateAsync(input, by with { Summary = $"Created from {request.Source} item {item.ItemId}, version {item.Version}" }, ct);
                if (!created.Succeeded)
                {
                    return await FailAsync(picture, "The article could not be written: " + Messages(created.Errors), null, transaction);
                }
                story.ArticleId = created.Value!.Id;
                status = WireStatus.Created;
                if (rules.AutoPublish && !request.Use)
                {
                    // The entry and the story are saved with the publication, not in a save of their own.
                    Mark(entry, status, story.ArticleId, reason);
                    Keep(entry, story);
                    await MustAsync(publishing.PublishAsync(story.ArticleId.Value, null, by with { Summary = "Published" }, ct));
                    await transaction.CommitAsync(ct);
                    return new Result(Outcome(entry));
                }
            }
            else
            {
                var updated = await writer.UpdateAsync(article.Id, input, null, by with { Summary = $"Version {item.Version} from {request.Source}" }, ct);
                if (updated.Status == WriteStatus.Invalid)
                {
                    return await FailAsync(picture, "The article could not be updated: " + Messages(updated.Errors), article.Id, transaction);
                }
                await MustAsync(updated);
                if (item.IsCorrection && published)
                {
                    var note = await publishing.AddNoteAsync(article.Id, new NoteInput
                    {
                        Kind = "correction",
                        Text = $"This story was corrected by {request.Source} on {now.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.",
                    }, null, by with { Summary = "Correction" }, ct);
                    if (!note.Succeeded)
                    {
                        throw new DbUpdateConcurrencyException(note.Message ?? "The correction note could not be saved.");
                    }
                }
                status = WireStatus.Updated;
            }
            return await DoneAsync(entry, status, story.ArticleId, reason, transaction, ct, story);
        }
        catch
        {
            Discard(picture);
            throw;
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }
    }

    /// <summary>
    /// The entry this attempt owns: a new one for a new version, or the existing one when it is handled again (an
    /// embargo released, a retry, a use, a quarantined version delivered again), claimed with a conditional update so
    /// that only one delivery or instance handles it. Null when another already did.
    /// </summary>
    private async Task<WireEntry?> ClaimAsync(Request request, DateTimeOffset now, CancellationToken ct)
    {
        long? id = request.EntryId;
        var claim = request.Claim;
        if (id is null && await db.WireEntries.AsNoTracking().Where(e => e.VersionKey == request.VersionKey).Select(e => new { e.Id, e.Status }).FirstOrDefaultAsync(ct) is { } seen)
        {
            if (seen.Status != WireStatus.Quarantined)
            {
                return null;
            }
            (id, claim) = (seen.Id, WireStatus.Quarantined);
        }
        WireEntry entry;
        if (id is { } existing)
        {
            var claimed = await db.WireEntries.Where(e => e.Id == existing && e.Status == claim)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ProcessedAt, now), ct);
            if (claimed == 0)
            {
                return null;
            }
            entry = await db.WireEntries.FirstAsync(e => e.Id == existing, ct);
        }
        else
        {
            // Tracked once it is to be saved (Keep): inserted with its article's id, not inserted and then updated with it.
            entry = new WireEntry { ArrivalId = request.ArrivalId, Source = request.Source, ReceivedAt = request.ReceivedAt, VersionKey = request.VersionKey };
        }
        var item = request.Item;
        entry.ItemId = item.ItemId;
        entry.Version = item.Version;
        entry.Format = item.Format;
        entry.Urgency = item.Urgency;
        entry.Headline = WireMapping.Shorten(item.Headline ?? item.Slugline, 500);
        entry.ItemJson = JsonSerializer.Serialize(item, WireDesk.ItemJson);
        entry.VersionKey = request.VersionKey;
        entry.EmbargoedUntil = null;
        entry.ProcessedAt = now;
        return entry;
    }

    private async Task<WireRules> RulesAsync(string source, CancellationToken ct) =>
        await db.WireSources.AsNoTracking().FirstOrDefaultAsync(s => s.Name == source, ct) is { } rules ? WireRules.From(rules) : WireRules.Default(source);

    private async Task<Result> DoneAsync(WireEntry entry, WireStatus status, int? articleId, string? reason,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken ct, WireStory? story = null)
    {
        Mark(entry, status, articleId, reason);
        Keep(entry, story);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Result(Outcome(entry));
    }

    /// <summary>Tracks a new entry and a new story for the next save (those read from the database are tracked already).</summary>
    private void Keep(WireEntry entry, WireStory? story)
    {
        if (db.Entry(entry).State == EntityState.Detached)
        {
            db.WireEntries.Add(entry);
        }
        if (story is not null && db.Entry(story).State == EntityState.Detached)
        {
            db.WireStories.Add(story);
        }
    }

    private static void Mark(WireEntry entry, WireStatus status, int? articleId, string? reason)
    {
        entry.Status = status;
        entry.ArticleId = articleId;
        entry.Reason = WireMapping.Shorten(reason, 4000);
    }

    private async Task<Result> FailAsync(Image? picture, string reason, int? articleId, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        await transaction.RollbackAsync(CancellationToken.None);
        Discard(picture);
        return new Result(null, reason, articleId);
    }

    private void Discard(Image? picture)
    {
        if (picture is not null)
        {
            images.Discard(picture);
        }
    }

    /// <summary>A write that fails for a reason other than its input lost a race: the desk retries the whole item.</summary>
    private static async Task MustAsync<T>(Task<WriteResult<T>> write)
        where T : class => await MustAsync(await write);

    private static Task MustAsync<T>(WriteResult<T> result)
        where T : class => result.Succeeded
            ? Task.CompletedTask
            : throw new DbUpdateConcurrencyException(result.Message ?? "The article changed meanwhile.");

    internal static WireOutcome Outcome(WireEntry entry) => new(entry.ItemId, entry.Version, Name(entry.Status), entry.ArticleId, entry.Reason);

    internal static string Name(WireStatus status) => status.ToString().ToLowerInvariant();

    private static string Messages(IDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}
