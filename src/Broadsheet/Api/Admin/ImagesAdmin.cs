using Broadsheet.Api.Public;
using Broadsheet.Data;
using Broadsheet.Media;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Api.Admin;

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
        images.MapPut("/{id:guid}", Update).WithName("AdminUpdateImage").WithSummary("Changes an image's alt text, caption, credit or focal point (percent from the left and top; kept when absent).")
            .Reads<ImageEdit>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
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
        HttpRequest request, ImageWriter writer, IOptions<BroadsheetOptions> options, CancellationToken ct)
    {
        // Media owns the limit (Broadsheet:Media:MaxUploadBytes); checking it here too answers before reading the body.
        var max = options.Value.Media.MaxUploadBytes;
        if (!request.HasFormContentType)
        {
            return Problems.Invalid("file", "Send multipart/form-data with the image in a field named 'file'.", StatusCodes.Status400BadRequest);
        }
        if (request.ContentLength > max + FormOverhead)
        {
            return Problems.Invalid("file", ImageLibrary.TooLargeMessage(max));
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.Invalid("file", ImageLibrary.TooLargeMessage(max));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Problems.Invalid("file", "The multipart form could not be read.", StatusCodes.Status400BadRequest);
        }

        var file = form.Files.GetFile("file");
        await using var content = file?.OpenReadStream();
        var result = await writer.UploadAsync(new ImageUpload { Content = content, FileName = file?.FileName, Alt = form["alt"], Caption = form["caption"], Credit = form["credit"] }, ct: ct);
        return result.Succeeded ? TypedResults.Created($"/api/admin/images/{result.Value!.Id}", AdminImageJson.From(result.Value)) : Problems.From(result);
    }

    private static async Task<Results<Ok<AdminImageJson>, ProblemHttpResult>> Update(Guid id, HttpRequest request, ImageWriter writer, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<ImageEdit>(request, ct);
        if (input is null)
        {
            return problem!;
        }
        var result = await writer.UpdateAsync(id, input, ct);
        return result.Succeeded ? TypedResults.Ok(AdminImageJson.From(result.Value!)) : Problems.From(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ImageWriter writer, CancellationToken ct)
    {
        var result = await writer.DeleteAsync(id, ct);
        return result.Succeeded ? TypedResults.NoContent() : Problems.From(result);
    }
}
