using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Api.Admin;

public sealed record TopicInput
{
    public string? Name { get; init; }

    /// <summary>Only when creating; made from the name when absent. A topic's slug never changes.</summary>
    public string? Slug { get; init; }

    public string? Description { get; init; }
}

public sealed record AdminTopicJson(string Slug, string Name, string? Description, string Url)
{
    public static AdminTopicJson From(Topic t) => new(t.Slug, t.Name, t.Description, ArticleUrls.TopicPath(t.Slug));
}

internal static class TopicsAdmin
{
    public static void MapTopicsAdmin(this RouteGroupBuilder admin)
    {
        var topics = admin.MapGroup("/topics").WithTags("Admin: topics");
        topics.MapGet("/", List).WithName("AdminListTopics").WithSummary("All topics.");
        topics.MapGet("/{slug}", Get).WithName("AdminGetTopic").WithSummary("One topic.");
        topics.MapPost("/", Create).WithName("AdminCreateTopic").WithSummary("Creates a topic; its slug is made from the name unless given.")
            .Reads<TopicInput>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        topics.MapPut("/{slug}", Update).WithName("AdminUpdateTopic").WithSummary("Renames a topic or changes its description.")
            .Reads<TopicInput>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        topics.MapDelete("/{slug}", Delete).WithName("AdminDeleteTopic").WithSummary("Deletes a topic no article or ad uses.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<List<AdminTopicJson>>> List(BroadsheetDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Topics.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Select(AdminTopicJson.From).ToList());

    private static async Task<Results<Ok<AdminTopicJson>, ProblemHttpResult>> Get(string slug, BroadsheetDb db, CancellationToken ct) =>
        await db.Topics.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct) is { } topic
            ? TypedResults.Ok(AdminTopicJson.From(topic))
            : Problems.NotFound($"No topic '{slug}'.");

    private static async Task<Results<Created<AdminTopicJson>, ProblemHttpResult>> Create(HttpRequest request, BroadsheetDb db, ContentCache cache, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<TopicInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var errors = Validate(input);
        var slug = ArticleWriter.Trimmed(input.Slug) ?? Slugs.From(input.Name ?? "");
        if (Slugs.From(slug) != slug)
        {
            errors.Add("slug", $"Must be a slug, e.g. '{Slugs.From(slug)}'.");
        }
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors.ToDictionary());
        }
        if (await db.Topics.AnyAsync(t => t.Slug == slug, ct))
        {
            return Problems.Conflict($"A topic '{slug}' exists already.");
        }
        var topic = new Topic { Slug = slug, Name = input.Name!.Trim(), Description = ArticleWriter.Trimmed(input.Description) };
        db.Topics.Add(topic);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Home, CacheTags.Topic(slug)], ct);
        return TypedResults.Created($"/api/admin/topics/{slug}", AdminTopicJson.From(topic));
    }

    private static async Task<Results<Ok<AdminTopicJson>, ProblemHttpResult>> Update(string slug, HttpRequest request, BroadsheetDb db, ContentCache cache, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<TopicInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (topic is null)
        {
            return Problems.NotFound($"No topic '{slug}'.");
        }
        var errors = Validate(input);
        if (input.Slug is not null && input.Slug != slug)
        {
            errors.Add("slug", "A topic's slug cannot change: its pages are linked by it.");
        }
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors.ToDictionary());
        }
        topic.Name = input.Name!.Trim();
        topic.Description = ArticleWriter.Trimmed(input.Description);
        await db.SaveChangesAsync(ct);
        await cache.EvictArticlesAsync(db.Articles.Where(a => a.Topics.Any(t => t.TopicId == topic.Id)), [CacheTags.Home, CacheTags.Topic(slug)], ct);
        return TypedResults.Ok(AdminTopicJson.From(topic));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string slug, BroadsheetDb db, ContentCache cache, CancellationToken ct)
    {
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (topic is null)
        {
            return Problems.NotFound($"No topic '{slug}'.");
        }
        if (await db.Articles.AnyAsync(a => a.Topics.Any(t => t.TopicId == topic.Id), ct))
        {
            return Problems.Conflict($"Articles use topic '{slug}'; remove it from them first.");
        }
        if (await db.AdCreatives.AnyAsync(a => a.TopicSlug == slug, ct))
        {
            return Problems.Conflict($"Ads are targeted at topic '{slug}'; retarget or delete them first.");
        }
        db.Topics.Remove(topic);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Home, CacheTags.Topic(slug)], ct);
        return TypedResults.NoContent();
    }

    private static ValidationErrors Validate(TopicInput input)
    {
        var errors = new ValidationErrors();
        var name = ArticleWriter.Trimmed(input.Name);
        if (name is null)
        {
            errors.Add("name", "Required.");
        }
        ArticleWriter.CheckLength(name, "name", 120, errors);
        ArticleWriter.CheckLength(input.Description, "description", 2000, errors);
        return errors;
    }
}
