using Broadsheet.Api.Public;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Api.Admin;

public sealed record AdminBylineJson(string Name, string Kind, string Slug);

public sealed record AdminHeroJson(Guid Id, string? Caption, string? Credit, string? Alt);

public sealed record AdminBodyJson(IReadOnlyList<Block> Blocks);

/// <summary>
/// An article as the admin API shows it, drafts included. Its shape is the one <c>PUT</c> takes (topics and
/// byline by name, the body as <c>{"blocks": [...]}</c>), so a client can change a field and send it back.
/// </summary>
public sealed record AdminArticleJson(
    int Id,
    int Version,
    string Status,
    string Url,
    string Slug,
    string Headline,
    IReadOnlyList<string> Summary,
    string Section,
    IReadOnlyList<string> Topics,
    IReadOnlyList<AdminBylineJson> Byline,
    AdminHeroJson? HeroImage,
    AdminBodyJson Body,
    string Language,
    string Type,
    string? Dateline,
    DateTimeOffset CreatedAt,
    DateTimeOffset ModifiedAt,
    DateTimeOffset? FirstPublished,
    DateTimeOffset? LastUpdated,
    IReadOnlyList<NoteJson> Notes,
    string? Sponsor,
    string? Methods)
{
    public static AdminArticleJson From(Article a) => new(
        a.Id,
        a.Version,
        ContentNames.Of(a.Status),
        a.PublicPath,
        a.Slug,
        a.Headline,
        a.Summary,
        a.Section.Path,
        a.Topics.OrderBy(t => t.Position).Select(t => t.Topic.Name).ToList(),
        a.Byline.OrderBy(c => c.Position).Select(c => new AdminBylineJson(c.Contributor.Name, ContentNames.Of(c.Contributor.Kind), c.Contributor.Slug)).ToList(),
        a.HeroImageId is { } heroId ? new AdminHeroJson(heroId, a.HeroCaption, a.HeroCredit, a.HeroAlt) : null,
        new AdminBodyJson(a.Body),
        a.Language,
        ContentNames.Of(a.Type),
        a.Dateline,
        a.CreatedAt,
        a.ModifiedAt,
        a.FirstPublishedAt,
        a.LastUpdatedAt,
        a.Notes.OrderBy(n => n.At).Select(NoteJson.From).ToList(),
        a.Sponsor,
        a.Methods);
}

public sealed record AdminArticleListItem(int Id, int Version, string Status, string Url, string Headline, string Section, DateTimeOffset ModifiedAt, DateTimeOffset? FirstPublished);

internal static class ArticlesAdmin
{
    public static void MapArticlesAdmin(this RouteGroupBuilder admin)
    {
        var articles = admin.MapGroup("/articles").WithTags("Admin: articles");
        articles.MapGet("/", List).WithName("AdminListArticles").WithSummary("All articles, drafts included, newest change first; filter by status or section.");
        articles.MapPost("/", Create).WithName("AdminCreateArticle").WithSummary("Creates a draft. Unknown topics and contributors are created by name.")
            .Reads<ArticleInput>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        articles.MapGet("/{id:int}", Get).WithName("AdminGetArticle").WithSummary("One article; its ETag is its version, for If-Match.");
        articles.MapPut("/{id:int}", Update).WithName("AdminUpdateArticle").WithSummary("Replaces an article's content; If-Match with its version guards against lost updates.")
            .Reads<ArticleInput>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        articles.MapDelete("/{id:int}", Delete).WithName("AdminDeleteArticle").WithSummary("Deletes an article.");
        articles.MapPost("/{id:int}/publish", Publish).WithName("AdminPublishArticle").WithSummary("Publishes an article; the answer holds its public url.");
        articles.MapPost("/{id:int}/unpublish", Unpublish).WithName("AdminUnpublishArticle").WithSummary("Takes a published article away from readers.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        articles.MapPost("/{id:int}/notes", AddNote).WithName("AdminAddArticleNote").WithSummary("Adds a correction or update note to a published article.")
            .Reads<NoteInput>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<PageJson<AdminArticleListItem>>, ProblemHttpResult>> List(
        HttpRequest request, BroadsheetDb db, IOptions<ApiOptions> options, string? status, string? section, string? page, string? pageSize, CancellationToken ct)
    {
        if (!Paging.TryRead(page, pageSize, options.Value, out var paging, out var problem))
        {
            return problem!;
        }
        var query = db.Articles.AsNoTracking().Include(a => a.Section).AsQueryable();
        if (status is not null)
        {
            if (!ContentNames.TryParse<ArticleStatus>(status, out var wanted))
            {
                return Problems.Invalid("status", $"Must be one of {ContentNames.List<ArticleStatus>()}.", StatusCodes.Status400BadRequest);
            }
            query = query.Where(a => a.Status == wanted);
        }
        if (!string.IsNullOrWhiteSpace(section))
        {
            var path = section.Trim().Trim('/');
            query = query.Where(a => a.Section.Path == path || a.Section.Path.StartsWith(path + "/"));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.ModifiedAt).ThenByDescending(a => a.Id)
            .Skip(PageOffset.Of(paging.Page, paging.Size)).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(paging.PageOf(request, items.Select(a =>
            new AdminArticleListItem(a.Id, a.Version, ContentNames.Of(a.Status), a.PublicPath, a.Headline, a.Section.Path, a.ModifiedAt, a.FirstPublishedAt)).ToList(), total));
    }

    private static async Task<Results<Created<AdminArticleJson>, ProblemHttpResult>> Create(HttpRequest request, ArticleWriter writer, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<ArticleInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var result = await writer.CreateAsync(input, ct);
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }
        var article = result.Value!;
        request.HttpContext.Response.Headers.ETag = Versions.ETagOf(article.Version);
        return TypedResults.Created($"/api/admin/articles/{article.Id}", AdminArticleJson.From(article));
    }

    private static async Task<Results<Ok<AdminArticleJson>, ProblemHttpResult>> Get(int id, HttpResponse response, ArticleWriter writer, CancellationToken ct)
    {
        var article = await writer.FindAsync(id, ct);
        if (article is null)
        {
            return Problems.NotFound($"No article {id}.");
        }
        response.Headers.ETag = Versions.ETagOf(article.Version);
        return TypedResults.Ok(AdminArticleJson.From(article));
    }

    private static async Task<Results<Ok<AdminArticleJson>, ProblemHttpResult>> Update(int id, HttpRequest request, ArticleWriter writer, CancellationToken ct)
    {
        if (!Versions.TryRead(request, out var version, out var versionProblem))
        {
            return versionProblem!;
        }
        var (input, problem) = await JsonBody.ReadAsync<ArticleInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        return Answer(request.HttpContext.Response, await writer.UpdateAsync(id, input, version, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(int id, HttpRequest request, ArticleWriter writer, CancellationToken ct)
    {
        if (!Versions.TryRead(request, out var version, out var versionProblem))
        {
            return versionProblem!;
        }
        var result = await writer.DeleteAsync(id, version, ct);
        return result.Succeeded ? TypedResults.NoContent() : Problems.From(result);
    }

    private static async Task<Results<Ok<AdminArticleJson>, ProblemHttpResult>> Publish(int id, HttpRequest request, Publishing publishing, CancellationToken ct)
    {
        if (!Versions.TryRead(request, out var version, out var versionProblem))
        {
            return versionProblem!;
        }
        return Answer(request.HttpContext.Response, await publishing.PublishAsync(id, version, ct));
    }

    private static async Task<Results<Ok<AdminArticleJson>, ProblemHttpResult>> Unpublish(int id, HttpRequest request, Publishing publishing, CancellationToken ct)
    {
        if (!Versions.TryRead(request, out var version, out var versionProblem))
        {
            return versionProblem!;
        }
        return Answer(request.HttpContext.Response, await publishing.UnpublishAsync(id, version, ct));
    }

    private static async Task<Results<Created<NoteJson>, ProblemHttpResult>> AddNote(int id, HttpRequest request, Publishing publishing, CancellationToken ct)
    {
        if (!Versions.TryRead(request, out var version, out var versionProblem))
        {
            return versionProblem!;
        }
        var (input, problem) = await JsonBody.ReadAsync<NoteInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var result = await publishing.AddNoteAsync(id, input, version, ct);
        return result.Succeeded ? TypedResults.Created($"/api/admin/articles/{id}", NoteJson.From(result.Value!)) : Problems.From(result);
    }

    private static Results<Ok<AdminArticleJson>, ProblemHttpResult> Answer(HttpResponse response, WriteResult<Article> result)
    {
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }
        response.Headers.ETag = Versions.ETagOf(result.Value!.Version);
        return TypedResults.Ok(AdminArticleJson.From(result.Value));
    }
}
