using Broadsheet.Articles;
using Broadsheet.Articles.Workflow;

namespace Broadsheet.Newsroom.Articles;

/// <summary>A workflow button of the editor: the command it posts, its label and its style.</summary>
public sealed record WorkflowButton(string Command, string Label, string Style);

/// <summary>
/// What the editor shows of an article's place in the workflow: the status line, the save button's label and the
/// workflow buttons the rules allow. The page renders it and the block editor's JSON answers carry it, so after a
/// publish, schedule, submit or unpublish by fetch the editor shows the new state without a reload: its buttons, the
/// reader's address and the corrections panel, which exists only for published articles.
/// </summary>
public sealed record EditorState(
    string Headline,
    string Status,
    string? WhenLabel,
    string? When,
    string? WhenIso,
    int Version,
    string Modified,
    string By,
    string SaveLabel,
    IReadOnlyList<WorkflowButton> Buttons,
    bool CanEdit,
    bool CanDelete,
    bool CanSchedule,
    bool ShowsChecklist,
    bool ShowsNotes,
    string? PublicPath)
{
    public static EditorState Of(Article article, NewsroomActor actor, PublicationTime time)
    {
        var transitions = WorkflowRules.Allowed(article, actor);
        var (label, when) = article.Status switch
        {
            ArticleStatus.Scheduled => ("for", article.ScheduledFor),
            ArticleStatus.Published => ("at", article.FirstPublishedAt),
            _ => (null, (DateTimeOffset?)null),
        };
        var published = article.Status == ArticleStatus.Published;
        return new(
            article.Headline,
            WorkflowRules.Describe(article.Status),
            when is null ? null : label,
            when is { } at ? time.Format(at) : null,
            when?.ToString("O"),
            article.Version,
            time.Format(article.ModifiedAt),
            article.ModifiedBy ?? "the admin API or an import",
            SaveLabelFor(published),
            ButtonsFor(transitions),
            WorkflowRules.CanEdit(article, actor),
            WorkflowRules.CanDelete(article, actor),
            transitions.Contains(Transition.Schedule),
            transitions.Contains(Transition.Publish),
            ShowsNotesFor(article, actor),
            published && article.Section is not null ? article.PublicPath : null);
    }

    /// <summary>Corrections and updates are added by editors, to what readers can already see.</summary>
    public static bool ShowsNotesFor(Article article, NewsroomActor actor) => article.Status == ArticleStatus.Published && actor.IsEditor;

    public static string SaveLabelFor(bool published) => published ? "Save and update the published article" : "Save";

    public static IReadOnlyList<WorkflowButton> ButtonsFor(IEnumerable<Transition> transitions) => [.. transitions.Select(t => t switch
    {
        Transition.Submit => new WorkflowButton("submit", "Save and submit for review", ""),
        Transition.Publish => new WorkflowButton("publish", "Save and publish now", ""),
        Transition.Schedule => new WorkflowButton("schedule", "Save and schedule", ""),
        Transition.Unpublish => new WorkflowButton("unpublish", "Unpublish", "button-danger"),
        _ => new WorkflowButton("return-to-draft", "Return to draft", "button-secondary"),
    })];

    public static Transition? TransitionOf(string? command) => command switch
    {
        "submit" => Transition.Submit,
        "publish" => Transition.Publish,
        "schedule" => Transition.Schedule,
        "unpublish" => Transition.Unpublish,
        "return-to-draft" => Transition.ReturnToDraft,
        _ => null,
    };

    /// <summary>What the editor says after a workflow step succeeded.</summary>
    public static string Done(Transition step, string? scheduled) => step switch
    {
        Transition.Submit => "Saved and submitted for review.",
        Transition.Publish => "Saved and published.",
        Transition.Schedule => $"Saved and scheduled for {scheduled}.",
        Transition.Unpublish => "Unpublished: readers no longer see it.",
        _ => "Saved and returned to draft.",
    };
}
