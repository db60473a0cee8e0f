using System.Net.Mail;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Feedback;

/// <summary>A report as the reader's form sends it, before validation.</summary>
public sealed record ErrorReportInput(int ArticleId, string? Details, string? Email);

/// <summary>
/// Told of each report once it is stored, to pass the word on (the newsroom emails its corrections desk). It only
/// queues: the reader's answer does not wait for what follows.
/// </summary>
public interface IErrorReportFollower
{
    void Received(ErrorReport report);
}

/// <summary>
/// The one write path for readers' error reports (submitted from the article page, resolved in the newsroom) and the
/// queries the newsroom's queue and dashboard read. Reports change no reader page, so no save here evicts anything.
/// </summary>
public sealed class ErrorReports(BroadsheetDb db, PublishedArticles published, TimeProvider clock, IEnumerable<IErrorReportFollower> followers)
{
    public const int MaxDetails = 2000;
    public const int MaxEmail = 254;
    public const int MaxNote = 1000;
    public const int PageSize = 50;

    /// <summary>Stores a report about a published article; errors are keyed <c>details</c>, <c>email</c>, <c>articleId</c>.</summary>
    public async Task<WriteResult<ErrorReport>> SubmitAsync(ErrorReportInput input, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (await published.FindAsync(input.ArticleId, ct) is null)
        {
            errors.Add("articleId", "No published article with this id.");
        }
        if (!errors.IsEmpty)
        {
            return WriteResult.Invalid<ErrorReport>(errors);
        }
        var report = new ErrorReport
        {
            ArticleId = input.ArticleId,
            Details = InputText.Trimmed(input.Details)!,
            Email = InputText.Trimmed(input.Email),
            ReceivedAt = clock.GetUtcNow(),
        };
        db.Add(report);
        await db.SaveChangesAsync(ct);
        foreach (var follower in followers)
        {
            follower.Received(report);
        }
        return WriteResult.Created(report);
    }

    /// <summary>The field checks alone, so a form can show them without touching the database.</summary>
    public static ValidationErrors Validate(ErrorReportInput input)
    {
        var errors = new ValidationErrors();
        var details = InputText.Trimmed(input.Details);
        if (details is null)
        {
            errors.Add("details", "Tell us what is wrong.");
        }
        else
        {
            errors.CheckLength(details, "details", MaxDetails, $"Must be at most {MaxDetails} characters.");
        }
        var email = InputText.Trimmed(input.Email);
        if (email is not null && (email.Length > MaxEmail || !MailAddress.TryCreate(email, out var address) || address.Address != email))
        {
            errors.Add("email", "Must be an email address such as name@example.com, or left empty.");
        }
        return errors;
    }

    /// <summary>Marks a report resolved with what was done; resolving one already resolved keeps the first resolution.</summary>
    public async Task<WriteResult<ErrorReport>> ResolveAsync(int id, string? note, string resolvedBy, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var trimmed = InputText.Trimmed(note);
        if (trimmed is null)
        {
            errors.Add("note", "Say what was done: corrected, no error found, replied to the reader.");
        }
        else
        {
            errors.CheckLength(trimmed, "note", MaxNote, $"Must be at most {MaxNote} characters.");
        }
        var report = await db.Set<ErrorReport>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return WriteResult.NotFound<ErrorReport>("No error report with this id.");
        }
        if (!errors.IsEmpty)
        {
            return WriteResult.Invalid<ErrorReport>(errors);
        }
        if (report.IsOpen)
        {
            report.ResolvedAt = clock.GetUtcNow();
            report.ResolvedBy = resolvedBy;
            report.ResolutionNote = trimmed;
            await db.SaveChangesAsync(ct);
        }
        return WriteResult.Ok(report);
    }

    /// <summary>Open reports waiting for an editor: the figure the newsroom dashboard shows.</summary>
    public Task<int> CountOpenAsync(CancellationToken ct = default) =>
        db.Set<ErrorReport>().CountAsync(r => r.ResolvedAt == null, ct);

    /// <summary>One page of the queue (<paramref name="size"/> reports: a full page, or the desk's few), with each report's article (headline, section for its address): open or resolved, newest first.</summary>
    public Task<List<ErrorReport>> ListAsync(bool open, int page, int size, CancellationToken ct = default) =>
        db.Set<ErrorReport>().AsNoTracking()
            .Where(r => open ? r.ResolvedAt == null : r.ResolvedAt != null)
            .OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id)
            .Skip(PageOffset.Of(page, size)).Take(size)
            .Include(r => r.Article).ThenInclude(a => a.Section)
            .ToListAsync(ct);
}
