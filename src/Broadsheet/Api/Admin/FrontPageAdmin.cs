using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.FrontPage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Api.Admin;

/// <summary>A chosen story: where it links, and whether it shows now (started, not expired, still published).</summary>
public sealed record AdminFrontPageSlotJson(int ArticleId, string Headline, string Url, DateTimeOffset? StartsAt, DateTimeOffset? ExpiresAt, bool Showing);

/// <summary>
/// The editors' curation of the front page: the lead (null: the newest story leads) and the top stories in order; the
/// places nobody chose follow the automatic order. <see cref="Revision"/> is also the ETag to send back in If-Match.
/// </summary>
public sealed record AdminFrontPageJson(long Revision, AdminFrontPageSlotJson? Lead, IReadOnlyList<AdminFrontPageSlotJson> Top, DateTimeOffset? SavedAt, string? SavedBy);

public sealed record AdminFrontPageRevisionJson(long Revision, DateTimeOffset SavedAt, string SavedBy, string Summary);

internal static class FrontPageAdmin
{
    public static void MapFrontPageAdmin(this RouteGroupBuilder admin)
    {
        var front = admin.MapGroup("/front-page").WithTags("Admin: front page");
        front.MapGet("/", Get).WithName("AdminGetFrontPage").WithSummary("The front page's curation: the lead and the top stories, with the revision as ETag.");
        front.MapPut("/", Save).WithName("AdminSaveFrontPage")
            .WithSummary("Replaces the curation. With If-Match (the revision read), refused with 412 when someone saved since.")
            .Reads<FrontPageInput>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        front.MapGet("/revisions", Revisions).WithName("AdminListFrontPageRevisions").WithSummary("The last 50 saves: when, by whom, what.");
    }

    private static async Task<Ok<AdminFrontPageJson>> Get(HttpResponse response, BroadsheetDb db, FrontPageWriter writer, TimeProvider clock, CancellationToken ct) =>
        await AnswerAsync(response, db, writer, clock, ct);

    private static async Task<Results<Ok<AdminFrontPageJson>, ProblemHttpResult>> Save(
        HttpRequest request, BroadsheetDb db, FrontPageWriter writer, TimeProvider clock, CancellationToken ct)
    {
        if (!Versions.TryRead(request, out var revision, out var versionProblem))
        {
            return versionProblem!;
        }
        var (input, problem) = await JsonBody.ReadAsync<FrontPageInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var by = new ChangedBy(null, request.HttpContext.User.Identity?.Name is { Length: > 0 } key ? $"Admin API ({key})" : ChangedBy.Api.Name, "Front page");
        var result = await writer.SaveAsync(input, by, revision, ct);
        return result.Succeeded ? await AnswerAsync(request.HttpContext.Response, db, writer, clock, ct) : Problems.From(result);
    }

    private static async Task<Ok<List<AdminFrontPageRevisionJson>>> Revisions(BroadsheetDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Set<FrontPageRevision>().AsNoTracking().OrderByDescending(r => r.Id).Take(50)
            .Select(r => new AdminFrontPageRevisionJson(r.Id, r.At, r.UserName, r.Summary)).ToListAsync(ct));

    private static async Task<Ok<AdminFrontPageJson>> AnswerAsync(HttpResponse response, BroadsheetDb db, FrontPageWriter writer, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var last = await writer.LatestAsync(ct);
        var revision = last?.Id ?? 0;
        var slots = await db.Set<FrontPageSlot>().AsNoTracking().Include(s => s.Article!).ThenInclude(a => a.Section)
            .OrderBy(s => s.Position).ToListAsync(ct);
        var views = slots.Select(s => (s.IsLead, View: new AdminFrontPageSlotJson(
            s.ArticleId, s.Article!.Headline, ArticleUrls.PathOf(s.Article.Section.Path, s.ArticleId, s.Article.Slug), s.StartsAt, s.ExpiresAt,
            s.ShowsAt(now) && s.Article.Status == ArticleStatus.Published && s.Article.FirstPublishedAt <= now))).ToList();
        response.Headers.ETag = $"\"{revision}\"";
        return TypedResults.Ok(new AdminFrontPageJson(
            revision, views.FirstOrDefault(v => v.IsLead).View, [.. views.Where(v => !v.IsLead).Select(v => v.View)], last?.At, last?.UserName));
    }
}
