using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Api.Admin;

public sealed record SectionInput
{
    public string? Name { get; init; }

    /// <summary>Order among its siblings; new sections go last when absent.</summary>
    public int? Position { get; init; }
}

public sealed record AdminSectionJson(string Path, string Name, string? Parent, int Position, string Url)
{
    public static AdminSectionJson From(Section s) =>
        new(s.Path, s.Name, s.Path.Contains('/') ? s.Path[..s.Path.LastIndexOf('/')] : null, s.Position, ArticleUrls.SectionPath(s.Path));
}

internal static class SectionsAdmin
{
    public const int MaxPath = 200;

    public static void MapSectionsAdmin(this RouteGroupBuilder admin)
    {
        var sections = admin.MapGroup("/sections").WithTags("Admin: sections");
        sections.MapGet("/", List).WithName("AdminListSections").WithSummary("All sections, parents before children.");
        sections.MapGet("/{**path}", Get).WithName("AdminGetSection").WithSummary("One section by its path, e.g. asia/east-asia.");
        sections.MapPut("/{**path}", Put).WithName("AdminPutSection")
            .WithSummary("Creates (201) or renames (200) the section at a path such as asia/east-asia; its parent must exist.")
            .Reads<SectionInput>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        sections.MapDelete("/{**path}", Delete).WithName("AdminDeleteSection").WithSummary("Deletes a section with no subsections, articles or ads.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<List<AdminSectionJson>>> List(BroadsheetDb db, CancellationToken ct)
    {
        var sections = await db.Sections.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(sections.OrderBy(s => s.Path, StringComparer.Ordinal).Select(AdminSectionJson.From).ToList());
    }

    private static async Task<Results<Ok<AdminSectionJson>, ProblemHttpResult>> Get(string path, BroadsheetDb db, CancellationToken ct)
    {
        var section = await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Path == path, ct);
        return section is null ? Problems.NotFound($"No section '{path}'.") : TypedResults.Ok(AdminSectionJson.From(section));
    }

    private static async Task<Results<Created<AdminSectionJson>, Ok<AdminSectionJson>, ProblemHttpResult>> Put(
        string path, HttpRequest request, BroadsheetDb db, ContentCache cache, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<SectionInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var errors = new ValidationErrors();
        var pathError = PathError(path);
        if (pathError is not null)
        {
            errors.Add("path", pathError);
        }
        var name = ArticleWriter.Trimmed(input.Name);
        if (name is null)
        {
            errors.Add("name", "Required.");
        }
        ArticleWriter.CheckLength(name, "name", 120, errors);
        if (input.Position is < 0)
        {
            errors.Add("position", "Must be 0 or more.");
        }
        var section = pathError is null ? await db.Sections.FirstOrDefaultAsync(s => s.Path == path, ct) : null;
        Section? parent = null;
        var slash = path.LastIndexOf('/');
        if (section is null && pathError is null && slash > 0)
        {
            var parentPath = path[..slash];
            parent = await db.Sections.FirstOrDefaultAsync(s => s.Path == parentPath, ct);
            if (parent is null)
            {
                errors.Add("path", $"The parent section '{parentPath}' does not exist; create it first.");
            }
        }
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        var created = section is null;
        if (section is null)
        {
            var siblings = db.Sections.Where(s => s.ParentId == (parent == null ? null : parent.Id));
            var position = input.Position ?? (await siblings.AnyAsync(ct) ? await siblings.MaxAsync(s => s.Position, ct) + 1 : 0);
            section = new Section { Path = path, Name = name!, Parent = parent, Position = position };
            db.Sections.Add(section);
        }
        else
        {
            section.Name = name!;
            section.Position = input.Position ?? section.Position;
        }
        await db.SaveChangesAsync(ct);
        // The name shows in navigation and on every article of the section.
        await cache.EvictArticlesAsync(db.Articles.Where(a => a.Section.Path == path || a.Section.Path.StartsWith(path + "/")), [CacheTags.Home, CacheTags.Feeds, CacheTags.Section(path)], ct);
        var json = AdminSectionJson.From(section);
        return created ? TypedResults.Created($"/api/admin/sections/{path}", json) : TypedResults.Ok(json);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string path, BroadsheetDb db, ContentCache cache, CancellationToken ct)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Path == path, ct);
        if (section is null)
        {
            return Problems.NotFound($"No section '{path}'.");
        }
        if (await db.Sections.AnyAsync(s => s.ParentId == section.Id, ct))
        {
            return Problems.Conflict($"Section '{path}' has subsections; delete or move them first.");
        }
        if (await db.Articles.AnyAsync(a => a.SectionId == section.Id, ct))
        {
            return Problems.Conflict($"Section '{path}' has articles; move or delete them first.");
        }
        if (await db.AdCreatives.AnyAsync(a => a.SectionPath == path, ct))
        {
            return Problems.Conflict($"Ads are targeted at section '{path}'; retarget or delete them first.");
        }
        db.Sections.Remove(section);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Home, CacheTags.Feeds, CacheTags.Section(path)], ct);
        return TypedResults.NoContent();
    }

    /// <summary>Why a path is not a section path (slug segments joined by slashes), or null.</summary>
    internal static string? PathError(string path)
    {
        if (path.Length is 0 or > MaxPath)
        {
            return $"A section path is 1 to {MaxPath} characters.";
        }
        var depth = path.Count(c => c == '/') + 1;
        if (depth > ArticleUrls.MaxSectionDepth)
        {
            return $"Sections nest at most {ArticleUrls.MaxSectionDepth} deep; this path has {depth} levels.";
        }
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || Slugs.From(segment) != segment)
            {
                return $"Each part of the path must be a slug (lower-case letters and digits joined by hyphens); '{segment}' is not.";
            }
        }
        return null;
    }
}

internal static class Eviction
{
    /// <summary>Evicts the pages of the published articles in <paramref name="articles"/> and the given tags.</summary>
    public static async Task EvictArticlesAsync(this ContentCache cache, IQueryable<Article> articles, IEnumerable<string> tags, CancellationToken ct)
    {
        var ids = await articles.Where(a => a.Status == ArticleStatus.Published).Select(a => a.Id).ToListAsync(ct);
        await cache.EvictAsync(ids.Select(CacheTags.Article).Concat(tags), ct);
    }
}
