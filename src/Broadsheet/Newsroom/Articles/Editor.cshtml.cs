using System.Globalization;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Articles;

public sealed class NoteFormInput
{
    public string Kind { get; set; } = "correction";

    public string? Text { get; set; }

    public int Version { get; set; }
}

/// <summary>The other person's save that the user's form collided with, and how the two differ.</summary>
public sealed record ConflictView(string By, DateTimeOffset At, int Version, IReadOnlyList<FieldDiff> Differences);

/// <summary>
/// Writes and edits one article (<c>/newsroom/articles/new</c> or <c>/newsroom/articles/{id}</c>). Every button
/// posts the whole form, so moving a block or adding one never loses what was typed; saves, workflow steps,
/// autosave and corrections each go through the same services as the admin API.
/// </summary>
public sealed partial class EditorModel(BroadsheetDb db, ArticleWriter writer, ArticleWorkflow workflow, Autosaves autosaves, ArticleRevisions revisions, TimeProvider clock, LinkChecker links) : PageModel
{
    public const string New = "new";

    [BindProperty]
    public EditorForm Form { get; set; } = new();

    [BindProperty]
    public NoteFormInput Note { get; set; } = new();

    public Article? Article { get; private set; }

    public NewsroomActor Actor { get; private set; } = null!;

    public PublicationTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    public bool CanEdit { get; private set; }

    public IReadOnlyList<Transition> Transitions { get; private set; } = [];

    public string? Notice { get; private set; }

    /// <summary>This page follows a successful save (its confirmation is waiting), so the browser's copy is no longer needed.</summary>
    public bool JustSaved { get; private set; }

    public ConflictView? Conflict { get; private set; }

    /// <summary>The page answers the form's own post (errors, a conflict, a rearranged form): it shows the text posted.</summary>
    public bool AnswersPost => HttpMethods.IsPost(Request.Method);

    public List<SelectListItem> Sections { get; private set; } = [];

    public List<SelectListItem> Images { get; private set; } = [];

    public List<string> ContributorNames { get; private set; } = [];

    public List<string> TopicNames { get; private set; } = [];

    public Media.Image? HeroImage { get; private set; }

    public int Words { get; private set; }

    public int ReadingMinutes { get; private set; }

    public string ArticleKey => Article is null ? New : Article.Id.ToString(CultureInfo.InvariantCulture);

    public static readonly IReadOnlyList<SelectListItem> Types =
        [.. Enum.GetValues<ArticleType>().Select(t => new SelectListItem(t.ToString(), ContentNames.Of(t)))];

    public static readonly IReadOnlyList<SelectListItem> Kinds = [new("Person", "person"), new("Agency", "agency")];

    public static readonly IReadOnlyList<SelectListItem> NoteKinds = [new("Correction", "correction"), new("Update", "update")];

    public IEnumerable<SelectListItem> HeroChoices => Images.Prepend(new SelectListItem("(none)", ""));

    public IEnumerable<SelectListItem> BlockImageChoices => Images.Prepend(new SelectListItem("(choose an image)", ""));

    public DiffView? ConflictDiff => Conflict is null ? null : new($"Their version ({Conflict.Version})", "Your text", Conflict.Differences);

    public static readonly IReadOnlyList<SelectListItem> Levels = [new("Level 2 (section)", "2"), new("Level 3", "3"), new("Level 4", "4")];

    public async Task<IActionResult> OnGetAsync(string id, long? restore, string? confirm, string? at, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }
        var confirming = EditorState.TransitionOf(confirm);
        Confirming = confirming is Transition.Publish or Transition.Schedule && Article is not null && Transitions.Contains(confirming.Value) ? confirming : null;
        ConfirmingAt = Confirming == Transition.Schedule ? at : null;
        JustSaved = TempData.Peek(StatusMessage.Key) is string;
        var articleId = Article?.Id ?? 0;
        if (Article is null)
        {
            Form = EditorForm.Blank(null);
            if (await BylineSuggestions.OwnContributorAsync(db, User, ct) is { } own)
            {
                Form.Byline = [new BylineRow { Name = own.Name, Kind = ContentNames.Of(own.Kind) }];
            }
        }
        else
        {
            Form = EditorForm.From(ArticleSnapshot.From(Article), Article.Version);
            Form.ScheduleFor = ConfirmingAt ?? Form.ScheduleFor;
        }
        if (restore is { } revisionId && Article is not null && CanEdit)
        {
            if (await revisions.FindAsync(Article.Id, revisionId, ct) is not { } revision)
            {
                return NotFound();
            }
            Form = EditorForm.From(ArticleSnapshot.Parse(revision.Snapshot), Article.Version);
            Notice = $"Version {revision.Version} from {Time.Format(revision.At)} is in the form below. Nothing changes until you save; the published article stays as it is until then.";
        }
        else if (CanEdit && await autosaves.FindAsync(Actor.UserId, articleId, ct) is { } autosave
            && EditorForm.FromJson(autosave.Form) is { } saved && Unsaved(saved, Form))
        {
            Form = saved;
            Notice = $"Your unsaved changes from {Time.Format(autosave.SavedAt)} were restored. Save to keep them, or discard them.";
            if (Article is not null && autosave.BaseVersion != Article.Version)
            {
                Notice += $" The article has been saved since you made them (now version {Article.Version}): saving will show you both versions to merge.";
            }
        }
        return await PrepareAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string id, string? command, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var articleId = Article?.Id ?? 0;
        if (!Form.AbsorbBodyJson())
        {
            ModelState.AddModelError("Form.Blocks", "The body sent by the editor could not be read; nothing was saved.");
            return await PrepareAsync(ct);
        }
        if (command == "discard-autosave")
        {
            await autosaves.DiscardAsync(Actor.UserId, articleId, ct);
            StatusMessage.Set(TempData, "Your unsaved changes were discarded.");
            return RedirectToPage(new { id = ArticleKey });
        }
        if (Form.ApplyEditCommand(command))
        {
            // The form shows the model as rearranged, not the posted values in their old places.
            ModelState.Clear();
            return await PrepareAsync(ct);
        }
        if (command == "delete-article")
        {
            return await DeleteAsync(ct);
        }

        var transition = EditorState.TransitionOf(command);
        DateTimeOffset? scheduleFor = null;
        if (transition == Transition.Schedule)
        {
            if (!TryScheduleTime(out var when, out var error))
            {
                ModelState.AddModelError("Form.ScheduleFor", error);
                return await PrepareAsync(ct);
            }
            scheduleFor = when;
        }
        if (transition is { } wanted && !MayAttempt(wanted))
        {
            return Forbid();
        }

        var input = Form.ToInput();
        var saved = Article is null
            ? await writer.CreateAsync(input, Actor.Changing(), ct)
            : await writer.UpdateAsync(Article.Id, input, Form.Version, Actor.Changing(), ct);
        switch (saved.Status)
        {
            case WriteStatus.NotFound:
                return NotFound();
            case WriteStatus.Invalid:
                foreach (var (field, messages) in saved.Errors)
                {
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError(EditorForm.FieldFor(field), message);
                    }
                }
                return await PrepareAsync(ct);
            case WriteStatus.VersionMismatch or WriteStatus.Conflict:
                await ShowConflictAsync(ct);
                return await PrepareAsync(ct);
        }

        var article = saved.Value!;
        var done = Article is null ? "Draft created." : "Saved.";
        if (transition is Transition.Publish or Transition.Schedule && !Form.PublishPastWarnings
            && !PublishChecklist.AllPassed(await ChecklistAsync(article, withLinks: true, ct)))
        {
            var what = transition == Transition.Publish ? "published" : "scheduled";
            StatusMessage.Set(TempData, $"{done} Not {what} yet: the checklist below needs your confirmation.");
            return transition == Transition.Publish
                ? RedirectToPage(new { id = article.Id, confirm = "publish" })
                : RedirectToPage(new { id = article.Id, confirm = "schedule", at = Form.ScheduleFor });
        }
        if (transition is { } step)
        {
            var moved = await workflow.ApplyAsync(article.Id, step, article.Version, Actor, scheduleFor, ct);
            done = moved.Succeeded ? EditorState.Done(step, scheduleFor is { } at ? Time.Format(at) : null) : $"{done} {moved.Message}";
        }
        StatusMessage.Set(TempData, done);
        return RedirectToPage(new { id = article.Id });
    }

    /// <summary>Stores the form as the user's autosave; answers with when, as JSON. Never touches the article.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        Form.AbsorbBodyJson();
        if (Article is not null && !Unsaved(Form, EditorForm.From(ArticleSnapshot.From(Article), Article.Version)))
        {
            // The editor holds what is stored (an autosave that crossed a save on the way): nothing to recover later.
            await autosaves.DiscardAsync(Actor.UserId, Article.Id, ct);
            var now = clock.GetUtcNow();
            return new JsonResult(new { savedAt = now, display = Time.Format(now) });
        }
        var at = await autosaves.SaveAsync(Actor.UserId, Article?.Id ?? 0, Form, ct);
        return new JsonResult(new { savedAt = at, display = Time.Format(at) });
    }

    public async Task<IActionResult> OnPostNoteAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }
        if (Article is null)
        {
            return NotFound();
        }
        var added = await workflow.AddNoteAsync(Article.Id, new NoteInput { Kind = Note.Kind, Text = Note.Text }, Note.Version, Actor, ct);
        switch (added.Outcome)
        {
            case WorkflowOutcome.Done:
                StatusMessage.Set(TempData, Note.Kind == "update" ? "Update added: readers see it now." : "Correction added: readers see it now.");
                return RedirectToPage(new { id = Article.Id });
            case WorkflowOutcome.Forbidden:
                return Forbid();
            case WorkflowOutcome.Invalid:
                ModelState.AddModelError(added.Field == "kind" ? "Note.Kind" : "Note.Text", added.Message!);
                break;
            default:
                ModelState.AddModelError("Note.Text", added.Message ?? "The note could not be added.");
                break;
        }
        Form = EditorForm.From(ArticleSnapshot.From(Article), Article.Version);
        return await PrepareAsync(ct);
    }

    private async Task<IActionResult> DeleteAsync(CancellationToken ct)
    {
        if (Article is null || !WorkflowRules.CanDelete(Article, Actor))
        {
            return Article is null ? NotFound() : Forbid();
        }
        var deleted = await writer.DeleteAsync(Article.Id, Form.Version, Actor.Changing(), ct);
        if (!deleted.Succeeded)
        {
            db.ChangeTracker.Clear();
            await ShowConflictAsync(ct);
            return await PrepareAsync(ct);
        }
        StatusMessage.Set(TempData, $"Deleted “{Article.Headline}”.");
        return RedirectToPage("/Newsroom/Articles/Index");
    }

    /// <summary>Keeps the user's form as posted, and shows beside it what the other person saved.</summary>
    private async Task ShowConflictAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = await writer.FindAsync(Article!.Id, ct);
        if (current is null)
        {
            ModelState.AddModelError(string.Empty, "Someone deleted this article while you were editing. Your text is still in the form: copy what you need.");
            return;
        }
        Article = current;
        Conflict = new ConflictView(current.ModifiedBy ?? "Someone (through the admin API)", current.ModifiedAt, current.Version,
            RevisionDiff.Compare(ArticleSnapshot.From(current), Form.ToSnapshot()));
        // The next save is meant to overwrite the version just shown, after merging.
        ModelState.Remove("Form.Version");
        Form.Version = current.Version;
        ModelState.AddModelError(string.Empty, $"{Conflict.By} saved this article while you were editing. Your text is kept in the form; compare it with theirs below, merge, and save again.");
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        Actor = NewsroomClaims.Actor(User);
        Time = PublicationTime.Of(await db.Publications.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct));
        if (id != New)
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var articleId))
            {
                return NotFound();
            }
            Article = await writer.FindAsync(articleId, ct);
            if (Article is null)
            {
                return NotFound();
            }
            if (!WorkflowRules.CanView(Article, Actor))
            {
                return Forbid();
            }
        }
        CanEdit = Article is null || WorkflowRules.CanEdit(Article, Actor);
        Transitions = Article is null ? (Actor.IsEditor ? [Transition.Submit, Transition.Publish, Transition.Schedule] : [Transition.Submit]) : WorkflowRules.Allowed(Article, Actor);

        Sections = [.. (await db.Sections.AsNoTracking().OrderBy(s => s.Path).Select(s => new { s.Path, s.Name }).ToListAsync(ct))
            .Select(s => new SelectListItem(s.Path.Contains('/', StringComparison.Ordinal) ? $"{s.Path.Replace("/", " › ", StringComparison.Ordinal)} ({s.Name})" : s.Name, s.Path))];
        ContributorNames = await BylineSuggestions.NamesAsync(db, User, ct);
        TopicNames = await db.Topics.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Name).Take(1000).ToListAsync(ct);
        return null;
    }

    /// <summary>Fills in what the form shows around the fields: choices, counts, a blank byline row.</summary>
    private async Task<PageResult> PrepareAsync(CancellationToken ct)
    {
        if (Form.Byline.Count == 0 || !string.IsNullOrWhiteSpace(Form.Byline[^1].Name))
        {
            Form.Byline.Add(new BylineRow());
        }
        var wanted = Form.Blocks.Select(b => b.ImageId).Append(Form.HeroImageId).OfType<Guid>().Distinct().ToList();
        var newest = await db.Images.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(300).Select(i => new { i.Id, i.Alt }).ToListAsync(ct);
        var used = wanted.Count == 0 ? [] : await db.Images.AsNoTracking().Where(i => wanted.Contains(i.Id)).Select(i => new { i.Id, i.Alt }).ToListAsync(ct);
        Images = [.. used.Concat(newest).DistinctBy(i => i.Id).Select(i => new SelectListItem(Shorten(i.Alt), i.Id.ToString()))];
        HeroImage = Form.HeroImageId is { } heroId ? await db.Images.AsNoTracking().FirstOrDefaultAsync(i => i.Id == heroId, ct) : null;
        var body = Form.Blocks.Select(b => b.ToBlock()).ToList();
        Checklist = await ChecklistAsync(Form.ToSnapshot(), withLinks: Confirming is not null, ct);
        ImageThumbs = await ThumbsAsync(Form, ct);
        Words = ReadingTime.CountWords(body);
        ReadingMinutes = ReadingTime.Estimate(body, Form.Language, body.Count(b => b is ImageBlock));
        return Page();
    }

    /// <summary>Whether <paramref name="buffered"/> holds content that <paramref name="stored"/> does not (compared as the article they would save).</summary>
    private static bool Unsaved(EditorForm buffered, EditorForm stored) => buffered.ToSnapshot().ToJson() != stored.ToSnapshot().ToJson();

    /// <summary>
    /// Writers only submit; editors may attempt any step, and a step the article's state no longer allows (someone
    /// moved it meanwhile) is answered by the workflow with a message after the text is saved.
    /// </summary>
    private bool MayAttempt(Transition transition) => Actor.IsEditor || transition == Transition.Submit;

    /// <summary>The schedule field as a time in the future, or the error to show under it.</summary>
    private bool TryScheduleTime(out DateTimeOffset when, out string error)
    {
        if (!Time.TryParse(Form.ScheduleFor, out when, out var unreadable) || when <= clock.GetUtcNow())
        {
            error = unreadable ?? "Choose a time in the future.";
            return false;
        }
        error = "";
        return true;
    }

    private static string Shorten(string alt) => alt.Length <= 80 ? alt : alt[..79] + "…";
}
