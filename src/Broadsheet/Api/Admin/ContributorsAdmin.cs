using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Api.Admin;

public sealed record ContributorInput
{
    public string? Name { get; init; }

    /// <summary>Only when creating; made from the name when absent. A contributor's slug never changes.</summary>
    public string? Slug { get; init; }

    /// <summary>person or agency; person when absent.</summary>
    public string? Kind { get; init; }

    public string? Role { get; init; }

    public string? Bio { get; init; }

    public Guid? PhotoId { get; init; }
}

public sealed record AdminContributorJson(string Slug, string Name, string Kind, string? Role, string? Bio, Guid? PhotoId, string? Url)
{
    public static AdminContributorJson From(Contributor c) =>
        new(c.Slug, c.Name, ContentNames.Of(c.Kind), c.Role, c.Bio, c.PhotoId, c.Kind == ContributorKind.Person ? ArticleUrls.AuthorPath(c.Slug) : null);
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
        contributors.MapPut("/{slug}", Update).WithName("AdminUpdateContributor").WithSummary("Changes a contributor's name, kind, role, bio or photo.")
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

    private static async Task<Results<Created<AdminContributorJson>, ProblemHttpResult>> Create(HttpRequest request, BroadsheetDb db, ContentCache cache, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<ContributorInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var (errors, kind) = await ValidateAsync(input, db, ct);
        var slug = ArticleWriter.Trimmed(input.Slug) ?? Slugs.From(input.Name ?? "");
        if (Slugs.From(slug) != slug)
        {
            errors.Add("slug", $"Must be a slug, e.g. '{Slugs.From(slug)}'.");
        }
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors.ToDictionary());
        }
        if (await db.Contributors.AnyAsync(c => c.Slug == slug, ct))
        {
            return Problems.Conflict($"A contributor '{slug}' exists already.");
        }
        var contributor = new Contributor { Slug = slug, Name = input.Name!.Trim() };
        Apply(contributor, input, kind);
        db.Contributors.Add(contributor);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Home, CacheTags.Author(slug)], ct);
        return TypedResults.Created($"/api/admin/contributors/{slug}", AdminContributorJson.From(contributor));
    }

    private static async Task<Results<Ok<AdminContributorJson>, ProblemHttpResult>> Update(string slug, HttpRequest request, BroadsheetDb db, ContentCache cache, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<ContributorInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var contributor = await db.Contributors.FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (contributor is null)
        {
            return Problems.NotFound($"No contributor '{slug}'.");
        }
        var (errors, kind) = await ValidateAsync(input, db, ct);
        if (input.Slug is not null && input.Slug != slug)
        {
            errors.Add("slug", "A contributor's slug cannot change: their page is linked by it.");
        }
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors.ToDictionary());
        }
        contributor.Name = input.Name!.Trim();
        Apply(contributor, input, kind);
        await db.SaveChangesAsync(ct);
        await cache.EvictArticlesAsync(db.Articles.Where(a => a.Byline.Any(c => c.ContributorId == contributor.Id)), [CacheTags.Home, CacheTags.Author(slug)], ct);
        return TypedResults.Ok(AdminContributorJson.From(contributor));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string slug, BroadsheetDb db, ContentCache cache, CancellationToken ct)
    {
        var contributor = await db.Contributors.FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (contributor is null)
        {
            return Problems.NotFound($"No contributor '{slug}'.");
        }
        if (await db.Articles.AnyAsync(a => a.Byline.Any(c => c.ContributorId == contributor.Id), ct))
        {
            return Problems.Conflict($"'{slug}' is in the byline of articles; remove them from those first.");
        }
        db.Contributors.Remove(contributor);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Home, CacheTags.Author(slug)], ct);
        return TypedResults.NoContent();
    }

    private static void Apply(Contributor contributor, ContributorInput input, ContributorKind kind)
    {
        contributor.Kind = kind;
        contributor.Role = ArticleWriter.Trimmed(input.Role);
        contributor.Bio = ArticleWriter.Trimmed(input.Bio);
        contributor.PhotoId = input.PhotoId;
    }

    private static async Task<(ValidationErrors Errors, ContributorKind Kind)> ValidateAsync(ContributorInput input, BroadsheetDb db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = ArticleWriter.Trimmed(input.Name);
        if (name is null)
        {
            errors.Add("name", "Required.");
        }
        ArticleWriter.CheckLength(name, "name", 120, errors);
        var kind = ContributorKind.Person;
        if (input.Kind is not null && !ContentNames.TryParse(input.Kind, out kind))
        {
            errors.Add("kind", $"Must be one of {ContentNames.List<ContributorKind>()}.");
        }
        ArticleWriter.CheckLength(input.Role, "role", 200, errors);
        ArticleWriter.CheckLength(input.Bio, "bio", 5000, errors);
        if (input.PhotoId is { } photoId && !await db.Images.AnyAsync(i => i.Id == photoId, ct))
        {
            errors.Add("photoId", $"No image with id {photoId}.");
        }
        return (errors, kind);
    }
}
