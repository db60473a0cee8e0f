namespace Broadsheet.Articles.Workflow;

/// <summary>The newsroom user making a change, as the workflow rules see them (the newsroom makes one from the signed-in user).</summary>
public sealed record NewsroomActor(string UserId, string Name, bool IsEditor)
{
    public ChangedBy Changing(string summary = "Saved") => new(UserId, Name, summary);
}

public enum Transition
{
    Submit,
    ReturnToDraft,
    Schedule,
    Publish,
    Unpublish,
}

/// <summary>
/// Who may do what to an article. Writers edit and submit only their own drafts; editors (and admins) edit
/// anything and move articles between every state: publish, schedule, unpublish, return to draft.
/// </summary>
public static class WorkflowRules
{
    public static bool CanView(Article article, NewsroomActor actor) => actor.IsEditor || article.CreatedById == actor.UserId;

    public static bool CanEdit(Article article, NewsroomActor actor) =>
        actor.IsEditor || (article.CreatedById == actor.UserId && article.Status == ArticleStatus.Draft);

    public static bool CanDelete(Article article, NewsroomActor actor) =>
        article.Status != ArticleStatus.Published && CanEdit(article, actor);

    /// <summary>The transitions <paramref name="actor"/> may make from the article's current state, in the order the editor offers them.</summary>
    public static IReadOnlyList<Transition> Allowed(Article article, NewsroomActor actor)
    {
        var status = article.Status;
        if (!actor.IsEditor)
        {
            return article.CreatedById == actor.UserId && status == ArticleStatus.Draft ? [Transition.Submit] : [];
        }
        var allowed = new List<Transition>();
        if (status == ArticleStatus.Draft)
        {
            allowed.Add(Transition.Submit);
        }
        if (status != ArticleStatus.Published)
        {
            allowed.Add(Transition.Publish);
            allowed.Add(Transition.Schedule);
        }
        if (status == ArticleStatus.Published)
        {
            allowed.Add(Transition.Unpublish);
        }
        if (status is ArticleStatus.InReview or ArticleStatus.Scheduled or ArticleStatus.Unpublished)
        {
            allowed.Add(Transition.ReturnToDraft);
        }
        return allowed;
    }

    public static bool Allows(Article article, NewsroomActor actor, Transition transition) => Allowed(article, actor).Contains(transition);

    public static string Describe(ArticleStatus status) => status switch
    {
        ArticleStatus.InReview => "In review",
        _ => status.ToString(),
    };
}
