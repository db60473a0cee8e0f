using System.Globalization;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Broadsheet.FrontPage;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.FrontPage;

/// <summary>
/// Editors run the front page: the lead and the top stories in order, each with an optional start and expiry, picked
/// from published articles. Every button (add, move up or down, remove, save) posts the whole list, which is saved
/// through <see cref="FrontPageWriter"/>; so it all works by keyboard and without a script.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Editor)]
public sealed class FrontPageCurationModel(BroadsheetDb db, FrontPageWriter writer, PublishedArticles published, FrontPageStories stories) : PageModel
{
    public const int SearchResults = 20;

    public sealed class SlotForm
    {
        public int ArticleId { get; set; }
        public string? StartsAt { get; set; }
        public string? ExpiresAt { get; set; }
    }

    [BindProperty]
    public List<SlotForm> Slots { get; set; } = [];

    /// <summary>No chosen lead: every row is a top story and the automatic order picks the lead.</summary>
    [BindProperty]
    public bool AutomaticLead { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The revision the form shows (the id of <see cref="FrontPageWriter.LatestAsync"/>), posted back with every button.</summary>
    [BindProperty]
    public long BasedOn { get; set; }

    public Dictionary<int, string> Headlines { get; private set; } = [];

    public List<Article> Found { get; private set; } = [];

    public FrontPageView Showing { get; private set; } = new(null, [], [], [], null);

    public List<FrontPageRevision> History { get; private set; } = [];

    public PublicationTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    public bool HasLead => !AutomaticLead && Slots.Count > 0;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadTimeAsync(ct);
        await LoadCurrentAsync(ct);
        await LoadViewAsync(ct);
    }

    /// <summary>The saved curation into the form, with its revision.</summary>
    private async Task LoadCurrentAsync(CancellationToken ct)
    {
        BasedOn = (await writer.LatestAsync(ct))?.Id ?? 0;
        var slots = await db.Set<FrontPageSlot>().AsNoTracking().OrderBy(s => s.Position).ToListAsync(ct);
        AutomaticLead = slots.Count > 0 && slots[0].Position != FrontPageWriter.LeadPosition;
        Slots = [.. slots.Select(s => new SlotForm
        {
            ArticleId = s.ArticleId,
            StartsAt = s.StartsAt is { } start ? Time.ToInput(start) : null,
            ExpiresAt = s.ExpiresAt is { } end ? Time.ToInput(end) : null,
        })];
    }

    /// <param name="move">"row:up" or "row:down".</param>
    /// <param name="remove">The row to take off.</param>
    /// <param name="add">An article to add as the last top story.</param>
    /// <param name="lead">An article to make the lead (the current lead becomes the first top story).</param>
    public async Task<IActionResult> OnPostAsync(string? move, int? remove, int? add, int? lead, CancellationToken ct)
    {
        await LoadTimeAsync(ct);
        // The rows move below: the form shows them from the model, not from the values as posted in the old order.
        ModelState.Clear();
        var focus = Apply(move, remove, add, lead);
        var input = ToInput();
        if (input is not null)
        {
            var result = await writer.SaveAsync(input, NewsroomClaims.Actor(User).Changing("Front page"), BasedOn, ct);
            if (result.Succeeded)
            {
                StatusMessage.Set(TempData, "Front page saved.");
                return Redirect(Url.Page("/Newsroom/FrontPage/Index", new { q = Q })! + (focus is null ? "" : "#" + focus));
            }
            if (result.Status == WriteStatus.VersionMismatch)
            {
                // Another editor saved meanwhile: show the front page as it is now, with what happened, and nothing of
                // theirs replaced. The change was one button's; it is made again on the list as it stands.
                await LoadCurrentAsync(ct);
                ModelState.AddModelError("", "Not saved: " + result.Message + " The list below is the front page as it is now.");
                await LoadViewAsync(ct);
                return Page();
            }
            foreach (var (field, messages) in result.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(FormKey(field), message);
                }
            }
        }
        await LoadViewAsync(ct);
        return Page();
    }

    /// <summary>Applies the button pressed to the posted rows; the id of the control to return to.</summary>
    private string? Apply(string? move, int? remove, int? add, int? lead)
    {
        if (move?.Split(':') is [var rowText, var direction] && int.TryParse(rowText, CultureInfo.InvariantCulture, out var row) && row >= 0 && row < Slots.Count)
        {
            var to = direction == "up" ? row - 1 : row + 1;
            if (to >= 0 && to < Slots.Count)
            {
                (Slots[row], Slots[to]) = (Slots[to], Slots[row]);
                return $"move-{to}-{direction}";
            }
            return $"move-{row}-{direction}";
        }
        if (remove is { } gone && gone >= 0 && gone < Slots.Count)
        {
            Slots.RemoveAt(gone);
            return "slots";
        }
        if (lead is { } leadId)
        {
            var existing = Slots.FindIndex(s => s.ArticleId == leadId);
            var slot = existing >= 0 ? Slots[existing] : new SlotForm { ArticleId = leadId };
            if (existing >= 0)
            {
                Slots.RemoveAt(existing);
            }
            Slots.Insert(0, slot);
            AutomaticLead = false;
            return "slots";
        }
        if (add is { } addId && Slots.All(s => s.ArticleId != addId))
        {
            Slots.Add(new SlotForm { ArticleId = addId });
            if (Slots.Count == 1)
            {
                AutomaticLead = true;
            }
            return "slots";
        }
        return null;
    }

    /// <summary>The rows as the writer takes them; null when a time cannot be read (the errors are on its field).</summary>
    private FrontPageInput? ToInput()
    {
        var slots = new List<SlotInput>();
        var valid = true;
        for (var i = 0; i < Slots.Count; i++)
        {
            var starts = ReadTime(Slots[i].StartsAt, $"Slots[{i}].StartsAt", ref valid);
            var expires = ReadTime(Slots[i].ExpiresAt, $"Slots[{i}].ExpiresAt", ref valid);
            slots.Add(new SlotInput(Slots[i].ArticleId, starts, expires));
        }
        if (!valid)
        {
            return null;
        }
        return HasLead ? new FrontPageInput(slots[0], slots[1..]) : new FrontPageInput(null, slots);
    }

    private DateTimeOffset? ReadTime(string? text, string key, ref bool valid)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Time.TryParse(text, out var utc, out var error))
        {
            return utc;
        }
        ModelState.AddModelError(key, error!);
        valid = false;
        return null;
    }

    /// <summary><c>lead.expiresAt</c> or <c>top[2].startsAt</c> to the row's form field; list errors to the page.</summary>
    private string FormKey(string field)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return "";
        }
        var place = field[..dot];
        var row = place == "lead" ? 0 : int.Parse(place[4..^1], CultureInfo.InvariantCulture) + (HasLead ? 1 : 0);
        var name = field[(dot + 1)..];
        return $"Slots[{row}].{char.ToUpperInvariant(name[0])}{name[1..]}";
    }

    private async Task LoadTimeAsync(CancellationToken ct) =>
        Time = PublicationTime.Of(await db.Publications.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct));

    private async Task LoadViewAsync(CancellationToken ct)
    {
        var ids = Slots.Select(s => s.ArticleId).ToList();
        Headlines = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Headline, ct);
        var found = published.Visible();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            if (int.TryParse(Q.Trim(), CultureInfo.InvariantCulture, out var id))
            {
                found = found.Where(a => a.Id == id);
            }
            foreach (var word in id > 0 ? [] : Q.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8))
            {
#pragma warning disable CA1862 // Translated to SQL lower(…) LIKE: case-insensitive on both providers, which StringComparison is not.
                found = found.Where(a => a.Headline.ToLower().Contains(word));
#pragma warning restore CA1862
            }
        }
        Found = await found.Include(a => a.Section)
            .OrderByDescending(a => a.FirstPublishedAt).ThenByDescending(a => a.Id)
            .Take(SearchResults).ToListAsync(ct);
        Showing = await stories.LoadAsync([], ct);
        History = await db.Set<FrontPageRevision>().AsNoTracking().OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(10).ToListAsync(ct);
    }
}
