using Broadsheet.Accounts;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Broadsheet.Feedback;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.ErrorReports;

/// <summary>
/// Readers' error reports (from the "Report an error" form on every article): open ones first, newest first, each linked
/// to its article in the newsroom and on the site; an editor marks one resolved with a note of what was done.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Editor)]
public sealed class ErrorReportsModel(BroadsheetDb db, Feedback.ErrorReports reports) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Resolved { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public List<ErrorReport> Reports { get; private set; } = [];

    public bool HasNext { get; private set; }

    public int OpenCount { get; private set; }

    public PublicationTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    /// <summary>The report whose resolution was refused, with what the editor wrote, so nothing is lost.</summary>
    public int? FailedId { get; private set; }

    public string? FailedNote { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostResolveAsync(int id, string? note, CancellationToken ct)
    {
        var result = await reports.ResolveAsync(id, note, User.Identity?.Name ?? "editor", ct);
        if (result.Status == WriteStatus.NotFound)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            foreach (var (_, messages) in result.Errors)
            {
                ModelState.AddModelError($"note-{id}", string.Join(" ", messages));
            }
            FailedId = id;
            FailedNote = note;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }
        StatusMessage.Set(TempData, $"Report {id} marked resolved.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        PageNumber = Math.Max(1, PageNumber);
        Time = PublicationTime.Of(await db.Publications.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct));
        OpenCount = await reports.CountOpenAsync(ct);
        var page = await reports.ListAsync(open: !Resolved, PageNumber, Feedback.ErrorReports.PageSize, ct);
        HasNext = page.Count == Feedback.ErrorReports.PageSize;
        Reports = page;
    }
}
