using Broadsheet.Data;
using Broadsheet.Media;
using Broadsheet.Newsroom.Admin;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsroom.Images;

public sealed class UploadInput
{
    public IFormFile? File { get; set; }

    public string? Alt { get; set; }

    public string? Caption { get; set; }

    public string? Credit { get; set; }
}

/// <summary>
/// The image library: search by alt text, caption or credit, and upload (a plain file input, which the
/// page's script turns into a drop zone). Caption and credit left empty are read from the file's IPTC/XMP.
/// </summary>
// Above the media limit, so that ImageLibrary rejects an oversized file with its own clear message.
[RequestSizeLimit(UploadCeiling)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadCeiling)]
public sealed class IndexModel(BroadsheetDb db, ImageWriter writer, IOptions<BroadsheetOptions> options) : PageModel
{
    public const long UploadCeiling = 256L * 1024 * 1024;
    public const int PageSize = 60;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public UploadInput Upload { get; set; } = new();

    public List<Image> Found { get; private set; } = [];

    public bool HasNext { get; private set; }

    public long MaxBytes => options.Value.Media.MaxUploadBytes;

    public string MaxSize => $"{MaxBytes / (1024.0 * 1024.0):0.#} MB";

    public async Task OnGetAsync(CancellationToken ct) => await SearchAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            // A form posted without choosing a file still has an empty file part.
            await using var content = Upload.File is { Length: > 0 } file ? file.OpenReadStream() : null;
            var result = await writer.UploadAsync(new ImageUpload { Content = content, FileName = Upload.File?.FileName, Alt = Upload.Alt, Caption = Upload.Caption, Credit = Upload.Credit }, ct: ct);
            if (result.Succeeded)
            {
                var image = result.Value!;
                var fromFile = (string.IsNullOrWhiteSpace(Upload.Caption) && image.Caption is not null) || (string.IsNullOrWhiteSpace(Upload.Credit) && image.Credit is not null);
                StatusMessage.Set(TempData, fromFile
                    ? "Uploaded. The caption and credit were read from the file: check them below."
                    : "Uploaded. Check the caption and credit, and click the picture to set its focal point.");
                return Redirect($"/newsroom/images/{image.Id}");
            }
            WriterErrors.AddTo(ModelState, result, field => "Upload." + char.ToUpperInvariant(field[0]) + field[1..]);
        }
        await SearchAsync(ct);
        return Page();
    }

    /// <summary>The picture picker's answer: the same search as the page, as JSON with a thumbnail for each.</summary>
    public async Task<IActionResult> OnGetPickerAsync(CancellationToken ct)
    {
        await SearchAsync(ct);
        return new JsonResult(Found.Select(i => new { id = i.Id, alt = i.Alt, thumb = Thumbnails.Small(i) }));
    }

    /// <summary>
    /// An upload from the article editor (a picture dropped or pasted into the body), through the same writer as the
    /// form; answers with the new image or problem details naming the field, so the editor keeps the file and asks again.
    /// </summary>
    public async Task<IActionResult> OnPostUploadJsonAsync(IFormFile? file, string? alt, string? credit, CancellationToken ct)
    {
        await using var content = file is { Length: > 0 } ? file.OpenReadStream() : null;
        var result = await writer.UploadAsync(new ImageUpload { Content = content, FileName = file?.FileName, Alt = alt, Credit = credit }, ct: ct);
        if (!result.Succeeded)
        {
            return new ObjectResult(new ValidationProblemDetails(result.Errors) { Status = StatusCodes.Status422UnprocessableEntity, Detail = result.Message ?? "The picture was not uploaded." })
            {
                StatusCode = StatusCodes.Status422UnprocessableEntity,
                ContentTypes = { "application/problem+json" },
            };
        }
        var image = result.Value!;
        return new JsonResult(new { id = image.Id, alt = image.Alt, thumb = Thumbnails.Small(image) }) { StatusCode = StatusCodes.Status201Created };
    }

    private async Task SearchAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var query = db.Images.AsNoTracking();
        foreach (var word in (Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8))
        {
            var lower = word.ToLowerInvariant();
#pragma warning disable CA1862 // Translated to SQL lower(…) LIKE: case-insensitive on both providers, which StringComparison is not.
            query = query.Where(i => i.Alt.ToLower().Contains(lower) || (i.Caption != null && i.Caption.ToLower().Contains(lower)) || (i.Credit != null && i.Credit.ToLower().Contains(lower)));
#pragma warning restore CA1862
        }
        var page = await query.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id)
            .Skip(PageOffset.Of(PageNumber, PageSize)).Take(PageSize + 1).ToListAsync(ct);
        HasNext = page.Count > PageSize;
        Found = [.. page.Take(PageSize)];
    }

    public string PageLink(int page) => Url.Page("/Newsroom/Images/Index", new { q = Q, p = page == 1 ? (int?)null : page })!;
}
