using Broadsheet.Articles;
using Broadsheet.Articles.Topics;
using Broadsheet.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Api.Admin;

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

    private static async Task<Results<Created<AdminTopicJson>, ProblemHttpResult>> Create(HttpRequest request, TopicWriter writer, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<TopicInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var result = await writer.CreateAsync(input, ct);
        return result.Succeeded ? TypedResults.Created($"/api/admin/topics/{result.Value!.Slug}", AdminTopicJson.From(result.Value)) : Problems.From(result);
    }

    private static async Task<Results<Ok<AdminTopicJson>, ProblemHttpResult>> Update(string slug, HttpRequest request, TopicWriter writer, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<TopicInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var result = await writer.UpdateAsync(slug, input, ct);
        return result.Succeeded ? TypedResults.Ok(AdminTopicJson.From(result.Value!)) : Problems.From(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string slug, TopicWriter writer, CancellationToken ct)
    {
        var result = await writer.DeleteAsync(slug, ct);
        return result.Succeeded ? TypedResults.NoContent() : Problems.From(result);
    }
}
