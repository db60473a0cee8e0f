using System.Text.Json;
using Broadsheet.Articles;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Articles;

/// <summary>
/// The block editor's side of the editor page: its starting blocks, the publishing checklist, and the JSON handlers
/// it saves, submits and publishes through (the same writer, validation and workflow as the form's post).
/// </summary>
public sealed partial class EditorModel
{
    /// <summary>The step (publish or schedule) the checklist stopped, when the page follows one: it shows the list and a second confirmation.</summary>
    public Transition? Confirming { get; private set; }

    /// <summary>The time a stopped schedule was for, as typed in the publication's zone.</summary>
    public string? ConfirmingAt { get; private set; }

    public IReadOnlyList<CheckItem> Checklist { get; private set; } = [];

    /// <summary>Thumbnails of the pictures the body uses, by image id, for the block editor.</summary>
    public Dictionary<Guid, string> ImageThumbs { get; private set; } = [];

    public IEnumerable<SelectListItem> SectionChoices => Sections.Prepend(new SelectListItem("(choose a section)", ""));

    /// <summary>The body and its thumbnails as the block editor starts from (escaped for a script data block).</summary>
    public string EditorData => JsonSerializer.Serialize(
        new { blocks = Form.Blocks.Select(b => b.ToBlock()).ToList(), thumbs = ImageThumbs }, BroadsheetDb.Json);

    /// <summary>Saves (and submits or publishes) the posted form; answers JSON, or problem details naming the fields.</summary>
    public async Task<IActionResult> OnPostSaveAsync(string id, string? command, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }
        if (!CanEdit)
        {
            return Problem(StatusCodes.Status403Forbidden, "You cannot change this article.");
        }
        if (!Form.AbsorbBodyJson())
        {
            return Invalid(new Dictionary<string, string[]> { ["Form.Blocks"] = ["The body sent by the editor could not be read."] });
        }
        var transition = EditorState.TransitionOf(command);
        DateTimeOffset? scheduleFor = null;
        if (transition == Transition.Schedule)
        {
            if (!TryScheduleTime(out var when, out var error))
            {
                return Invalid(new Dictionary<string, string[]> { ["Form.ScheduleFor"] = [error] });
            }
            scheduleFor = when;
        }
        if (transition is { } wanted && !MayAttempt(wanted))
        {
            return Problem(StatusCodes.Status403Forbidden, "Only editors can do that.");
        }
        var articleId = Article?.Id ?? 0;
        var saved = Article is null
            ? await writer.CreateAsync(Form.ToInput(), Actor.Changing(), ct)
            : await writer.UpdateAsync(Article.Id, Form.ToInput(), Form.Version, Actor.Changing(), ct);
        switch (saved.Status)
        {
            case WriteStatus.NotFound:
                return Problem(StatusCodes.Status404NotFound, "Someone deleted this article while you were editing. Your text is still in the editor: copy what you need.");
            case WriteStatus.Invalid:
                return Invalid(saved.Errors
                    .GroupBy(e => EditorForm.FieldFor(e.Key))
                    .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray()));
            case WriteStatus.VersionMismatch or WriteStatus.Conflict:
                return Problem(StatusCodes.Status409Conflict, "Someone else saved this article while you were editing. Your text is kept in this browser: reload the page to compare both versions and merge.");
        }
        var article = saved.Value!;
        var message = Article is null ? "Draft created." : "Saved.";
        var guarded = transition is Transition.Publish or Transition.Schedule;
        var checklist = await ChecklistAsync(article, withLinks: guarded, ct);
        if (guarded && !Form.PublishPastWarnings && !PublishChecklist.AllPassed(checklist))
        {
            var what = transition == Transition.Publish ? "published" : "scheduled";
            return Answer(article, $"{message} Not {what} yet: the checklist needs your confirmation.", checklist, needsConfirmation: true);
        }
        if (transition is { } step)
        {
            var moved = await workflow.ApplyAsync(article.Id, step, article.Version, Actor, scheduleFor, ct);
            if (moved.Succeeded)
            {
                article = moved.Article!;
                message = EditorState.Done(step, scheduleFor is { } at ? Time.Format(at) : null);
            }
            else
            {
                message = $"{message} {moved.Message}";
            }
        }
        return Answer(article, $"{message} ({Time.Format(article.ModifiedAt)})", checklist, needsConfirmation: false);
    }

    /// <summary>The checklist for the posted (unsaved) form, links included, as JSON for the editor's live list.</summary>
    public async Task<IActionResult> OnPostChecklistAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }
        Form.AbsorbBodyJson();
        return new JsonResult(new { checklist = await ChecklistAsync(Form.ToSnapshot(), withLinks: true, ct) });
    }

    /// <summary>
    /// Publishes or schedules the saved article past the checklist's warnings: the plain form's second, explicit
    /// confirmation (<paramref name="command"/> publish or schedule, <paramref name="scheduleFor"/> as typed).
    /// </summary>
    public async Task<IActionResult> OnPostConfirmAsync(string id, int version, string? command, string? scheduleFor, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }
        if (Article is null)
        {
            return NotFound();
        }
        if (EditorState.TransitionOf(command) is not (Transition.Publish or Transition.Schedule) || !Actor.IsEditor)
        {
            return Forbid();
        }
        var step = command == "schedule" ? Transition.Schedule : Transition.Publish;
        DateTimeOffset? when = null;
        if (step == Transition.Schedule)
        {
            Form.ScheduleFor = scheduleFor;
            if (!TryScheduleTime(out var at, out var error))
            {
                Shared.StatusMessage.Set(TempData, $"Not scheduled: {error}");
                return RedirectToPage(new { id = Article.Id });
            }
            when = at;
        }
        var moved = await workflow.ApplyAsync(Article.Id, step, version, Actor, when, ct);
        if (moved.Succeeded)
        {
            Shared.StatusMessage.Set(TempData, step == Transition.Publish
                ? "Published past the checklist's warnings."
                : $"Scheduled for {Time.Format(when!.Value)} past the checklist's warnings.");
            return RedirectToPage(new { id = Article.Id });
        }
        Shared.StatusMessage.Set(TempData, moved.Message ?? "Nothing changed.");
        return RedirectToPage(new { id = Article.Id, confirm = command, at = scheduleFor });
    }

    private async Task<IReadOnlyList<CheckItem>> ChecklistAsync(Article article, bool withLinks, CancellationToken ct) =>
        await ChecklistAsync(ArticleSnapshot.From(article), withLinks, ct);

    private async Task<IReadOnlyList<CheckItem>> ChecklistAsync(ArticleSnapshot article, bool withLinks, CancellationToken ct)
    {
        var heroAlt = article.HeroImageId is { } hero
            ? await db.Images.AsNoTracking().Where(i => i.Id == hero).Select(i => i.Alt).FirstOrDefaultAsync(ct)
            : null;
        var dead = withLinks ? await links.DeadAsync(PublishChecklist.Links(article.Body), ct) : null;
        var items = PublishChecklist.Check(article, heroAlt, dead ?? []);
        // Links not asked about are left off rather than shown as answering.
        return dead is null ? [.. items.Where(i => i.Key != "links")] : items;
    }

    private async Task<Dictionary<Guid, string>> ThumbsAsync(EditorForm form, CancellationToken ct)
    {
        var ids = form.Blocks.Select(b => b.ImageId).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var images = await db.Images.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        return images.ToDictionary(i => i.Id, Broadsheet.Newsroom.Images.Thumbnails.Small);
    }

    /// <summary>What the editor needs after a save or a step: the article's new version and state, the message and the checklist.</summary>
    private JsonResult Answer(Article article, string message, IReadOnlyList<CheckItem> checklist, bool needsConfirmation) => new(new
    {
        id = article.Id,
        version = article.Version,
        status = WorkflowRules.Describe(article.Status),
        message,
        needsConfirmation,
        checklist,
        state = EditorState.Of(article, Actor, Time),
    });

    private static ObjectResult Invalid(Dictionary<string, string[]> errors) => new(new ValidationProblemDetails(errors)
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Detail = errors.Count == 1 ? "one field needs attention." : $"{errors.Count} fields need attention.",
    })
    {
        StatusCode = StatusCodes.Status422UnprocessableEntity,
        ContentTypes = { "application/problem+json" },
    };

    private static ObjectResult Problem(int status, string detail) => new(new ProblemDetails { Status = status, Detail = detail })
    {
        StatusCode = status,
        ContentTypes = { "application/problem+json" },
    };
}
