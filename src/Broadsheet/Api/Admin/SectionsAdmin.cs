using Broadsheet.Articles;
using Broadsheet.Articles.Sections;
using Broadsheet.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Api.Admin;

public sealed record AdminSectionJson(string Path, string Name, string? Parent, int Position, string Url)
{
    public static AdminSectionJson From(Section s) =>
        new(s.Path, s.Name, s.Path.Contains('/') ? s.Path[..s.Path.LastIndexOf('/')] : null, s.Position, ArticleUrls.SectionPath(s.Path));
}

internal static class SectionsAdmin
{
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
        string path, HttpRequest request, SectionWriter writer, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<SectionInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var result = await writer.SaveAsync(path, input, ct);
        return result.Status switch
        {
            WriteStatus.Created => TypedResults.Created($"/api/admin/sections/{path}", AdminSectionJson.From(result.Value!)),
            WriteStatus.Ok => TypedResults.Ok(AdminSectionJson.From(result.Value!)),
            // The API names a section by its path alone, so what is wrong with its parent is wrong with the path.
            WriteStatus.Invalid => Problems.Invalid(result.Errors
                .GroupBy(e => e.Key == "parent" ? "path" : e.Key)
                .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal)),
            _ => Problems.From(result),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string path, SectionWriter writer, CancellationToken ct)
    {
        var result = await writer.DeleteAsync(path, ct);
        return result.Succeeded ? TypedResults.NoContent() : Problems.From(result);
    }
}
