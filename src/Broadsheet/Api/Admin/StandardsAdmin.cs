using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Api.Admin;

public sealed record StandardsInput
{
    public string? Title { get; init; }

    public BodyInput? Body { get; init; }

    public int? Position { get; init; }
}

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
        string slug, HttpRequest request, BroadsheetDb db, ContentCache cache, TimeProvider clock, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<StandardsInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var errors = new ValidationErrors();
        if (Slugs.From(slug) != slug)
        {
            errors.Add("slug", $"Must be a slug, e.g. '{Slugs.From(slug)}'.");
        }
        var title = ArticleWriter.Trimmed(input.Title);
        if (title is null)
        {
            errors.Add("title", "Required.");
        }
        ArticleWriter.CheckLength(title, "title", 200, errors);
        List<Block>? body = null;
        if (input.Body is null)
        {
            errors.Add("body", "Required: one of markdown, html or blocks.");
        }
        else if ((body = input.Body.ToBlocks("body", errors)) is not null)
        {
            await ArticleWriter.CheckImagesExistAsync(db, body, input.Body, "body", errors, ct);
        }
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        var page = await db.StandardsPages.FirstOrDefaultAsync(p => p.Slug == slug, ct);
        var created = page is null;
        if (page is null)
        {
            var position = input.Position ?? (await db.StandardsPages.AnyAsync(ct) ? await db.StandardsPages.MaxAsync(p => p.Position, ct) + 1 : 0);
            page = new StandardsPage { Slug = slug, Title = title!, Position = position };
            db.StandardsPages.Add(page);
        }
        page.Title = title!;
        page.Body = body!;
        page.Position = input.Position ?? page.Position;
        page.ModifiedAt = ArticleWriter.Now(clock);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Standards], ct);
        var json = AdminStandardsJson.From(page);
        return created ? TypedResults.Created($"/api/admin/standards/{slug}", json) : TypedResults.Ok(json);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string slug, BroadsheetDb db, ContentCache cache, CancellationToken ct)
    {
        var page = await db.StandardsPages.FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (page is null)
        {
            return Problems.NotFound($"No standards page '{slug}'.");
        }
        db.StandardsPages.Remove(page);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Standards], ct);
        return TypedResults.NoContent();
    }
}
