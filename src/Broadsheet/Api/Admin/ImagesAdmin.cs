using Broadsheet.Api.Public;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Media;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Api.Admin;

public sealed record ImageUpdateInput
{
    public string? Alt { get; init; }

    public string? Caption { get; init; }

    public string? Credit { get; init; }
}

public sealed record AdminImageJson(
    Guid Id, string? Url, int Width, int Height, string ContentType, string Alt, string? Caption, string? Credit,
    IReadOnlyList<RenditionJson> Renditions, DateTimeOffset CreatedAt)
{
    public static AdminImageJson From(Image i) =>
        new(i.Id, MediaUrls.Default(i), i.Width, i.Height, i.ContentType, i.Alt, i.Caption, i.Credit, MediaUrls.Renditions(i), i.CreatedAt);
}

/// <summary>The multipart form <c>POST /api/admin/images</c> reads (for the OpenAPI document).</summary>
public sealed record ImageUploadForm(IFormFile File, string Alt, string? Caption, string? Credit);

/// <summary>The request body limit of the upload endpoint, read by routing before the body is.</summary>
internal sealed record UploadLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

internal static class ImagesAdmin
{
    /// <summary>Room for the multipart framing and the text fields around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    public static void MapImagesAdmin(this RouteGroupBuilder admin, MediaOptions options)
    {
        var images = admin.MapGroup("/images").WithTags("Admin: images");
        images.MapGet("/", List).WithName("AdminListImages").WithSummary("Library images, newest first, a page at a time.");
        images.MapGet("/{id:guid}", Get).WithName("AdminGetImage").WithSummary("One library image with its renditions.");
        images.MapPost("/", Upload).WithName("AdminUploadImage").RequireRateLimiting(RateLimits.Uploads)
            .WithSummary("Uploads an image (multipart/form-data: file, alt, caption, credit); answers with its id and renditions.")
            .Reads<ImageUploadForm>("multipart/form-data")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new UploadLimit(options.MaxUploadBytes + FormOverhead));
        images.MapPut("/{id:guid}", Update).WithName("AdminUpdateImage").WithSummary("Changes an image's alt text, caption or credit.")
            .Reads<ImageUpdateInput>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        images.MapDelete("/{id:guid}", Delete).WithName("AdminDeleteImage").WithSummary("Deletes an image nothing uses.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<PageJson<AdminImageJson>>, ProblemHttpResult>> List(
        HttpRequest request, BroadsheetDb db, IOptions<ApiOptions> options, string? page, string? pageSize, CancellationToken ct)
    {
        if (!Paging.TryRead(page, pageSize, options.Value, out var paging, out var problem))
        {
            return problem!;
        }
        var total = await db.Images.CountAsync(ct);
        var images = await db.Images.AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id)
            .Skip(PageOffset.Of(paging.Page, paging.Size)).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(paging.PageOf(request, images.Select(AdminImageJson.From).ToList(), total));
    }

    private static async Task<Results<Ok<AdminImageJson>, ProblemHttpResult>> Get(Guid id, BroadsheetDb db, CancellationToken ct) =>
        await db.Images.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } image
            ? TypedResults.Ok(AdminImageJson.From(image))
            : Problems.NotFound($"No image {id}.");

    private static async Task<Results<Created<AdminImageJson>, ProblemHttpResult>> Upload(
        HttpRequest request, ImageLibrary library, IOptions<BroadsheetOptions> options, CancellationToken ct)
    {
        // Media owns the limit (Broadsheet:Media:MaxUploadBytes); checking it here too answers before decoding.
        var max = options.Value.Media.MaxUploadBytes;
        var tooLarge = $"Images may be at most {max / (1024.0 * 1024.0):0.#} MB.";
        if (!request.HasFormContentType)
        {
            return Problems.Invalid("file", "Send multipart/form-data with the image in a field named 'file'.", StatusCodes.Status400BadRequest);
        }
        if (request.ContentLength > max + FormOverhead)
        {
            return Problems.Invalid("file", tooLarge);
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.Invalid("file", tooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Problems.Invalid("file", "The multipart form could not be read.", StatusCodes.Status400BadRequest);
        }

        var errors = new ValidationErrors();
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            errors.Add("file", "Required: the image, in a field named 'file'.");
        }
        else if (file.Length == 0)
        {
            errors.Add("file", "The file is empty.");
        }
        else if (file.Length > max)
        {
            errors.Add("file", tooLarge);
        }
        var alt = ArticleWriter.Trimmed(form["alt"]);
        if (alt is null)
        {
            errors.Add("alt", "Required: describe the image for readers who cannot see it.");
        }
        ArticleWriter.CheckLength(alt, "alt", 500, errors);
        var caption = ArticleWriter.Trimmed(form["caption"]);
        ArticleWriter.CheckLength(caption, "caption", 1000, errors);
        var credit = ArticleWriter.Trimmed(form["credit"]);
        ArticleWriter.CheckLength(credit, "credit", 200, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        try
        {
            await using var content = file!.OpenReadStream();
            var image = await library.ImportAsync(content, file.FileName, alt!, caption, credit, ct);
            return TypedResults.Created($"/api/admin/images/{image.Id}", AdminImageJson.From(image));
        }
        catch (ImageRejectedException e)
        {
            return Problems.Invalid(e.Field, e.Message);
        }
    }

    private static async Task<Results<Ok<AdminImageJson>, ProblemHttpResult>> Update(Guid id, HttpRequest request, BroadsheetDb db, ContentCache cache, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<ImageUpdateInput>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var image = await db.Images.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (image is null)
        {
            return Problems.NotFound($"No image {id}.");
        }
        var errors = new ValidationErrors();
        var alt = ArticleWriter.Trimmed(input.Alt);
        if (alt is null)
        {
            errors.Add("alt", "Required.");
        }
        ArticleWriter.CheckLength(alt, "alt", 500, errors);
        ArticleWriter.CheckLength(input.Caption, "caption", 1000, errors);
        ArticleWriter.CheckLength(input.Credit, "credit", 200, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors.ToDictionary());
        }
        image.Alt = alt!;
        image.Caption = ArticleWriter.Trimmed(input.Caption);
        image.Credit = ArticleWriter.Trimmed(input.Credit);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync(await ImagePages.TagsAsync(db, id, ct), ct);
        return TypedResults.Ok(AdminImageJson.From(image));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, BroadsheetDb db, ImageLibrary library, CancellationToken ct)
    {
        var image = await db.Images.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (image is null)
        {
            return Problems.NotFound($"No image {id}.");
        }
        if (await InUseAsync(db, id, ct) is { } use)
        {
            return Problems.Conflict($"Image {id} is in use: {use}.");
        }
        db.Images.Remove(image);
        await db.SaveChangesAsync(ct);
        library.DeleteFiles(id);
        return TypedResults.NoContent();
    }

    private static async Task<string?> InUseAsync(BroadsheetDb db, Guid id, CancellationToken ct)
    {
        if (await db.Articles.AnyAsync(a => a.HeroImageId == id, ct))
        {
            return "it is an article's hero image";
        }
        if (await db.AdCreatives.AnyAsync(a => a.ImageId == id, ct))
        {
            return "an ad shows it";
        }
        if (await db.Contributors.AnyAsync(c => c.PhotoId == id, ct))
        {
            return "it is a contributor's photo";
        }
        // Bodies are JSON text; image blocks hold the id in its standard form.
        var pattern = $"%{id}%";
        if (await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"Articles\" WHERE \"Body\" LIKE {pattern}").SingleAsync(ct) > 0)
        {
            return "an article's body shows it";
        }
        if (await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"StandardsPages\" WHERE \"Body\" LIKE {pattern}").SingleAsync(ct) > 0)
        {
            return "a standards page shows it";
        }
        return null;
    }
}
