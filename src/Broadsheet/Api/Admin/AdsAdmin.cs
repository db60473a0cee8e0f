using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Api.Admin;

public sealed record AdInput
{
    public string? Name { get; init; }

    public Guid? ImageId { get; init; }

    /// <summary>Where a click goes: an absolute http or https URL.</summary>
    public string? LinkUrl { get; init; }

    public string? Alt { get; init; }

    /// <summary>Shown only in this section (and its subsections) when set.</summary>
    public string? SectionPath { get; init; }

    /// <summary>Shown only beside articles with this topic when set.</summary>
    public string? TopicSlug { get; init; }

    public DateTimeOffset? StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }
}

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

    private static async Task<Results<Created<AdminAdJson>, ProblemHttpResult>> Create(HttpRequest request, BroadsheetDb db, ContentCache cache, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<AdInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var errors = await ValidateAsync(input, db, ct);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors.ToDictionary());
        }
        var ad = new AdCreative { Name = "", LinkUrl = "", Alt = "" };
        Apply(ad, input);
        db.AdCreatives.Add(ad);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Ads], ct);
        return TypedResults.Created($"/api/admin/ads/{ad.Id}", AdminAdJson.From(ad));
    }

    private static async Task<Results<Ok<AdminAdJson>, ProblemHttpResult>> Update(int id, HttpRequest request, BroadsheetDb db, ContentCache cache, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<AdInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var ad = await db.AdCreatives.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (ad is null)
        {
            return Problems.NotFound($"No ad {id}.");
        }
        var errors = await ValidateAsync(input, db, ct);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors.ToDictionary());
        }
        Apply(ad, input);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Ads], ct);
        return TypedResults.Ok(AdminAdJson.From(ad));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(int id, BroadsheetDb db, ContentCache cache, CancellationToken ct)
    {
        var ad = await db.AdCreatives.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (ad is null)
        {
            return Problems.NotFound($"No ad {id}.");
        }
        db.AdCreatives.Remove(ad);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync([CacheTags.Ads], ct);
        return TypedResults.NoContent();
    }

    private static void Apply(AdCreative ad, AdInput input)
    {
        ad.Name = input.Name!.Trim();
        ad.ImageId = input.ImageId!.Value;
        ad.LinkUrl = input.LinkUrl!.Trim();
        ad.Alt = input.Alt!.Trim();
        ad.SectionPath = ArticleWriter.Trimmed(input.SectionPath)?.Trim('/');
        ad.TopicSlug = ArticleWriter.Trimmed(input.TopicSlug);
        ad.StartsAt = input.StartsAt;
        ad.EndsAt = input.EndsAt;
    }

    private static async Task<ValidationErrors> ValidateAsync(AdInput input, BroadsheetDb db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = ArticleWriter.Trimmed(input.Name);
        if (name is null)
        {
            errors.Add("name", "Required.");
        }
        ArticleWriter.CheckLength(name, "name", 200, errors);
        if (input.ImageId is not { } imageId || imageId == Guid.Empty)
        {
            errors.Add("imageId", "Required.");
        }
        else if (!await db.Images.AnyAsync(i => i.Id == imageId, ct))
        {
            errors.Add("imageId", $"No image with id {imageId}.");
        }
        if (ArticleWriter.Trimmed(input.LinkUrl) is not { } link)
        {
            errors.Add("linkUrl", "Required.");
        }
        else if (!Links.IsWebUrl(link) || link.Length > 1000)
        {
            errors.Add("linkUrl", "Must be an absolute http or https URL of at most 1000 characters.");
        }
        var alt = ArticleWriter.Trimmed(input.Alt);
        if (alt is null)
        {
            errors.Add("alt", "Required: describe the ad for readers who cannot see it.");
        }
        ArticleWriter.CheckLength(alt, "alt", 500, errors);
        if (ArticleWriter.Trimmed(input.SectionPath)?.Trim('/') is { } sectionPath && !await db.Sections.AnyAsync(s => s.Path == sectionPath, ct))
        {
            errors.Add("sectionPath", $"No section with path '{sectionPath}'.");
        }
        if (ArticleWriter.Trimmed(input.TopicSlug) is { } topicSlug && !await db.Topics.AnyAsync(t => t.Slug == topicSlug, ct))
        {
            errors.Add("topicSlug", $"No topic '{topicSlug}'.");
        }
        if (input.StartsAt is { } starts && input.EndsAt is { } ends && ends <= starts)
        {
            errors.Add("endsAt", "Must be after startsAt.");
        }
        return errors;
    }
}
