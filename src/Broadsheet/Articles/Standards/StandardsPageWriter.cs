using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles.Standards;

public sealed record StandardsInput
{
    public string? Title { get; init; }

    /// <summary>Only for <see cref="StandardsPageWriter.CreateAsync"/>; made from the title when absent. A page's slug never changes.</summary>
    public string? Slug { get; init; }

    public BodyInput? Body { get; init; }

    /// <summary>Order in the standards list; new pages go last when absent, existing ones keep theirs.</summary>
    public int? Position { get; init; }
}

/// <summary>
/// The one way standards pages (ethics, corrections policy, ownership...) are written and deleted. Errors are keyed
/// <c>slug</c>, <c>title</c>, <c>position</c> and <c>body</c> (or a path below it, such as <c>body.blocks[2].level</c>).
/// </summary>
public sealed class StandardsPageWriter(BroadsheetDb db, TimeProvider clock)
{
    public const int MaxTitle = 200;
    public const int MaxPosition = 10_000;

    /// <summary>Creates a page, its slug typed or made from the title; a page already at that slug is a conflict.</summary>
    public async Task<WriteResult<StandardsPage>> CreateAsync(StandardsInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var slug = NewSlugs.Check(input.Slug, input.Title, errors);
        var body = await ValidateAsync(input, errors, ct);
        if (!errors.IsEmpty)
        {
            return WriteResult.Invalid<StandardsPage>(errors);
        }
        if (await db.StandardsPages.AnyAsync(p => p.Slug == slug, ct))
        {
            return WriteResult.Conflict<StandardsPage>($"A standards page with the address '/standards/{slug}' exists already.");
        }
        return await WriteAsync(null, slug!, input, body!, ct);
    }

    /// <summary>Creates (201) or replaces (200) the page at <paramref name="slug"/>.</summary>
    public async Task<WriteResult<StandardsPage>> SaveAsync(string slug, StandardsInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (Slugs.From(slug) != slug)
        {
            errors.Add("slug", NewSlugs.NotASlug(slug));
        }
        else if (input.Slug is not null && input.Slug != slug)
        {
            errors.Add("slug", "A standards page's address cannot change: it is linked by it.");
        }
        var body = await ValidateAsync(input, errors, ct);
        if (!errors.IsEmpty)
        {
            return WriteResult.Invalid<StandardsPage>(errors);
        }
        return await WriteAsync(await db.StandardsPages.FirstOrDefaultAsync(p => p.Slug == slug, ct), slug, input, body!, ct);
    }

    public async Task<WriteResult<StandardsPage>> DeleteAsync(string slug, CancellationToken ct = default)
    {
        if (await db.StandardsPages.FirstOrDefaultAsync(p => p.Slug == slug, ct) is not { } page)
        {
            return WriteResult.NotFound<StandardsPage>($"No standards page '{slug}'.");
        }
        db.StandardsPages.Remove(page);
        await db.SaveChangesAsync(ct);
        return WriteResult.Ok(page);
    }

    private async Task<WriteResult<StandardsPage>> WriteAsync(StandardsPage? page, string slug, StandardsInput input, List<Block> body, CancellationToken ct)
    {
        var created = page is null;
        if (page is null)
        {
            var position = input.Position ?? (await db.StandardsPages.AnyAsync(ct) ? await db.StandardsPages.MaxAsync(p => p.Position, ct) + 1 : 0);
            page = new StandardsPage { Slug = slug, Title = "", Position = position };
            db.StandardsPages.Add(page);
        }
        page.Title = input.Title!.Trim();
        page.Body = body;
        page.Position = input.Position ?? page.Position;
        page.ModifiedAt = ArticleWriter.Now(clock);
        await db.SaveChangesAsync(ct);
        return created ? WriteResult.Created(page) : WriteResult.Ok(page);
    }

    /// <summary>Checks everything but the slug; the body as blocks when it is valid.</summary>
    private async Task<List<Block>?> ValidateAsync(StandardsInput input, ValidationErrors errors, CancellationToken ct)
    {
        var title = InputText.Trimmed(input.Title);
        if (title is null)
        {
            errors.Add("title", "Enter the page's title.");
        }
        errors.CheckLength(title, "title", MaxTitle, $"Enter a title of at most {MaxTitle} characters.");
        if (input.Position is < 0 or > MaxPosition)
        {
            errors.Add("position", $"Enter a position from 0 to {MaxPosition}.");
        }
        if (input.Body is null)
        {
            errors.Add("body", "Write the page's text.");
            return null;
        }
        var body = input.Body.ToBlocks("body", errors);
        if (body is null)
        {
            return null;
        }
        if (body.Count == 0)
        {
            errors.Add("body", "Write the page's text.");
            return null;
        }
        await ArticleWriter.CheckImagesExistAsync(db, body, input.Body, "body", errors, ct);
        return body;
    }
}
