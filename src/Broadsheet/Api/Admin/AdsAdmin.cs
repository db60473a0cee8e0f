using Broadsheet.Ads;
using Broadsheet.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Api.Admin;

public sealed record AdminAdJson(
    int Id, string Name, Guid ImageId, string LinkUrl, string Alt, string? SectionPath, string? TopicSlug,
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, long Impressions, long Clicks)
{
    public static AdminAdJson From(AdCreative a) =>
        new(a.Id, a.Name, a.ImageId, a.LinkUrl, a.Alt, a.SectionPath, a.TopicSlug, a.StartsAt, a.EndsAt, a.Impressions, a.Clicks);
}

internal static class AdsAdmin
{
    public static void MapAdsAdmin(this RouteGroupBuilder admin)
    {
        var ads = admin.MapGroup("/ads").WithTags("Admin: ads");
        ads.MapGet("/", List).WithName("AdminListAds").WithSummary("All house ad creatives with their impressions and clicks.");
        ads.MapGet("/{id:int}", Get).WithName("AdminGetAd").WithSummary("One ad creative with its impressions and clicks.");
        ads.MapPost("/", Create).WithName("AdminCreateAd").WithSummary("Creates an ad creative.")
            .Reads<AdInput>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        ads.MapPut("/{id:int}", Update).WithName("AdminUpdateAd").WithSummary("Replaces an ad creative's settings; its counts are kept.")
            .Reads<AdInput>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        ads.MapDelete("/{id:int}", Delete).WithName("AdminDeleteAd").WithSummary("Deletes an ad creative.");
    }

    private static async Task<Ok<List<AdminAdJson>>> List(BroadsheetDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.AdCreatives.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct)).Select(AdminAdJson.From).ToList());

    private static async Task<Results<Ok<AdminAdJson>, ProblemHttpResult>> Get(int id, BroadsheetDb db, CancellationToken ct) =>
        await db.AdCreatives.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } ad
            ? TypedResults.Ok(AdminAdJson.From(ad))
            : Problems.NotFound($"No ad {id}.");

    private static async Task<Results<Created<AdminAdJson>, ProblemHttpResult>> Create(HttpRequest request, AdWriter writer, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<AdInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var result = await writer.CreateAsync(input, ct: ct);
        return result.Succeeded ? TypedResults.Created($"/api/admin/ads/{result.Value!.Id}", AdminAdJson.From(result.Value)) : Problems.From(result);
    }

    private static async Task<Results<Ok<AdminAdJson>, ProblemHttpResult>> Update(int id, HttpRequest request, AdWriter writer, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<AdInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var result = await writer.UpdateAsync(id, input, ct: ct);
        return result.Succeeded ? TypedResults.Ok(AdminAdJson.From(result.Value!)) : Problems.From(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(int id, AdWriter writer, CancellationToken ct)
    {
        var result = await writer.DeleteAsync(id, ct);
        return result.Succeeded ? TypedResults.NoContent() : Problems.From(result);
    }
}
