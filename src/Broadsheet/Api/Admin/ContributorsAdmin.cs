using Broadsheet.Articles;
using Broadsheet.Articles.Contributors;
using Broadsheet.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Api.Admin;

public sealed record AdminContributorJson(
    string Slug, string Name, string Kind, string? Role, string? Bio, Guid? PhotoId,
    IReadOnlyList<string> Expertise, string? Email, IReadOnlyList<string> Links, string Url)
{
    public static AdminContributorJson From(Contributor c) =>
        new(c.Slug, c.Name, ContentNames.Of(c.Kind), c.Role, c.Bio, c.PhotoId, c.Expertise, c.Email, c.Links, ArticleUrls.AuthorPath(c.Slug));
}

internal static class ContributorsAdmin
{
    public static void MapContributorsAdmin(this RouteGroupBuilder admin)
    {
        var contributors = admin.MapGroup("/contributors").WithTags("Admin: contributors");
        contributors.MapGet("/", List).WithName("AdminListContributors").WithSummary("All contributors: staff and agencies.");
        contributors.MapGet("/{slug}", Get).WithName("AdminGetContributor").WithSummary("One contributor.");
        contributors.MapPost("/", Create).WithName("AdminCreateContributor").WithSummary("Creates a contributor (a person or an agency).")
            .Reads<ContributorInput>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        contributors.MapPut("/{slug}", Update).WithName("AdminUpdateContributor").WithSummary("Replaces a contributor's name, kind, role, bio, photo, expertise, email and links.")
            .Reads<ContributorInput>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        contributors.MapDelete("/{slug}", Delete).WithName("AdminDeleteContributor").WithSummary("Deletes a contributor who is in no byline.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<List<AdminContributorJson>>> List(BroadsheetDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Contributors.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct)).Select(AdminContributorJson.From).ToList());

    private static async Task<Results<Ok<AdminContributorJson>, ProblemHttpResult>> Get(string slug, BroadsheetDb db, CancellationToken ct) =>
        await db.Contributors.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct) is { } contributor
            ? TypedResults.Ok(AdminContributorJson.From(contributor))
            : Problems.NotFound($"No contributor '{slug}'.");

    private static async Task<Results<Created<AdminContributorJson>, ProblemHttpResult>> Create(HttpRequest request, ContributorWriter writer, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<ContributorInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var result = await writer.CreateAsync(input, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/admin/contributors/{result.Value!.Slug}", AdminContributorJson.From(result.Value))
            : Problems.From(result);
    }

    private static async Task<Results<Ok<AdminContributorJson>, ProblemHttpResult>> Update(string slug, HttpRequest request, ContributorWriter writer, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<ContributorInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var result = await writer.UpdateAsync(slug, input, ct);
        return result.Succeeded ? TypedResults.Ok(AdminContributorJson.From(result.Value!)) : Problems.From(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string slug, ContributorWriter writer, CancellationToken ct)
    {
        var result = await writer.DeleteAsync(slug, ct);
        return result.Succeeded ? TypedResults.NoContent() : Problems.From(result);
    }
}
