using Broadsheet.Articles;
using Broadsheet.Articles.Standards;
using Broadsheet.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Api.Admin;

public sealed record AdminStandardsJson(string Slug, string Title, AdminBodyJson Body, int Position, DateTimeOffset ModifiedAt, string Url)
{
    public static AdminStandardsJson From(StandardsPage p) => new(p.Slug, p.Title, new AdminBodyJson(p.Body), p.Position, p.ModifiedAt, $"/standards/{p.Slug}");
}

internal static class StandardsAdmin
{
    public static void MapStandardsAdmin(this RouteGroupBuilder admin)
    {
        var standards = admin.MapGroup("/standards").WithTags("Admin: standards");
        standards.MapGet("/", List).WithName("AdminListStandardsPages").WithSummary("The standards pages: ethics, corrections policy, ownership...");
        standards.MapGet("/{slug}", Get).WithName("AdminGetStandardsPage").WithSummary("One standards page.");
        standards.MapPut("/{slug}", Put).WithName("AdminPutStandardsPage").WithSummary("Creates (201) or replaces (200) a standards page.")
            .Reads<StandardsInput>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        standards.MapDelete("/{slug}", Delete).WithName("AdminDeleteStandardsPage").WithSummary("Deletes a standards page.");
    }

    private static async Task<Ok<List<AdminStandardsJson>>> List(BroadsheetDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.StandardsPages.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Slug).ToListAsync(ct)).Select(AdminStandardsJson.From).ToList());

    private static async Task<Results<Ok<AdminStandardsJson>, ProblemHttpResult>> Get(string slug, BroadsheetDb db, CancellationToken ct) =>
        await db.StandardsPages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct) is { } page
            ? TypedResults.Ok(AdminStandardsJson.From(page))
            : Problems.NotFound($"No standards page '{slug}'.");

    private static async Task<Results<Created<AdminStandardsJson>, Ok<AdminStandardsJson>, ProblemHttpResult>> Put(
        string slug, HttpRequest request, StandardsPageWriter writer, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<StandardsInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var result = await writer.SaveAsync(slug, input, ct);
        return result.Status switch
        {
            WriteStatus.Created => TypedResults.Created($"/api/admin/standards/{slug}", AdminStandardsJson.From(result.Value!)),
            WriteStatus.Ok => TypedResults.Ok(AdminStandardsJson.From(result.Value!)),
            _ => Problems.From(result),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string slug, StandardsPageWriter writer, CancellationToken ct)
    {
        var result = await writer.DeleteAsync(slug, ct);
        return result.Succeeded ? TypedResults.NoContent() : Problems.From(result);
    }
}
