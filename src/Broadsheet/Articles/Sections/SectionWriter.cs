using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles.Sections;

public sealed record SectionInput
{
    public string? Name { get; init; }

    /// <summary>Order among its siblings; new sections go last when absent, existing ones keep theirs.</summary>
    public int? Position { get; init; }
}

/// <summary>
/// The one way sections are created, renamed, reordered and deleted. A section is addressed by its path (slug
/// segments joined by slashes, e.g. <c>asia/east-asia</c>), which never changes. Errors are keyed <c>name</c>,
/// <c>position</c>, <c>path</c> (the address itself) and <c>parent</c> (the section it would sit in).
/// </summary>
public sealed class SectionWriter(BroadsheetDb db)
{
    public const int MaxPath = 200;
    public const int MaxName = 120;
    public const int MaxPosition = 10_000;

    /// <summary>Creates the section at <paramref name="path"/> (201) or renames and reorders the one there (200).</summary>
    public Task<WriteResult<Section>> SaveAsync(string path, SectionInput input, CancellationToken ct = default) =>
        WriteAsync(path, input, mustBeNew: false, new ValidationErrors(), ct);

    /// <summary>
    /// Creates a section inside <paramref name="parentPath"/> (at the top when null) whose address ends in
    /// <paramref name="slug"/>, or in a slug made from the name when that is empty; a section already there is an
    /// error on <c>path</c>, a bad slug on <c>slug</c>.
    /// </summary>
    public async Task<WriteResult<Section>> CreateAsync(string? parentPath, string? slug, SectionInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (NewSlugs.Check(slug, input.Name, errors) is not { } made)
        {
            CheckFields(input, errors);
            return WriteResult.Invalid<Section>(errors);
        }
        return await WriteAsync(parentPath is null ? made : $"{parentPath}/{made}", input, mustBeNew: true, errors, ct);
    }

    public async Task<WriteResult<Section>> DeleteAsync(string path, CancellationToken ct = default)
    {
        if (await db.Sections.FirstOrDefaultAsync(s => s.Path == path, ct) is not { } section)
        {
            return WriteResult.NotFound<Section>($"No section '{path}'.");
        }
        if (await DeleteBlockedByAsync(section, ct) is { } reason)
        {
            return WriteResult.Conflict<Section>(reason);
        }
        db.Sections.Remove(section);
        await db.SaveChangesAsync(ct);
        return WriteResult.Ok(section);
    }

    /// <summary>Why the section cannot be deleted, or null when nothing depends on it.</summary>
    public async Task<string?> DeleteBlockedByAsync(Section section, CancellationToken ct = default) =>
        await db.Sections.AnyAsync(s => s.ParentId == section.Id, ct) ? "This section has subsections; delete or move them first."
        : await db.Articles.AnyAsync(a => a.SectionId == section.Id, ct) ? "This section has articles; move or delete them first."
        : await db.AdCreatives.AnyAsync(a => a.SectionPath == section.Path, ct) ? "Ads are targeted at this section; retarget or delete them first."
        : null;

    /// <summary>Why <paramref name="path"/> cannot be a section's address, or null.</summary>
    public static string? PathError(string path)
    {
        if (path.Length is 0 or > MaxPath)
        {
            return $"A section's full address is 1 to {MaxPath} characters; choose a shorter one.";
        }
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || Slugs.From(segment) != segment)
            {
                return $"Each part of the address must use lower-case letters, digits and hyphens; '{segment}' does not.";
            }
        }
        return null;
    }

    /// <summary>Why a section cannot sit at <paramref name="depth"/> levels, or null.</summary>
    public static string? DepthError(int depth) =>
        depth > ArticleUrls.MaxSectionDepth ? $"Sections nest at most {ArticleUrls.MaxSectionDepth} deep; put it in a higher section." : null;

    private static string? CheckFields(SectionInput input, ValidationErrors errors)
    {
        var name = InputText.Trimmed(input.Name);
        if (name is null)
        {
            errors.Add("name", "Enter the section's name.");
        }
        errors.CheckLength(name, "name", MaxName, $"Enter a name of at most {MaxName} characters.");
        if (input.Position is < 0 or > MaxPosition)
        {
            errors.Add("position", $"Enter a position from 0 to {MaxPosition}.");
        }
        return name;
    }

    private async Task<WriteResult<Section>> WriteAsync(string path, SectionInput input, bool mustBeNew, ValidationErrors errors, CancellationToken ct)
    {
        var name = CheckFields(input, errors);
        var pathError = PathError(path);
        if (pathError is not null)
        {
            errors.Add("path", pathError);
        }
        var section = pathError is null ? await db.Sections.FirstOrDefaultAsync(s => s.Path == path, ct) : null;
        if (section is not null && mustBeNew)
        {
            errors.Add("path", $"A section with the address '/news/{path}' exists already.");
        }
        Section? parent = null;
        if (section is null && pathError is null)
        {
            var depthError = DepthError(path.Count(c => c == '/') + 1);
            var slash = path.LastIndexOf('/');
            if (depthError is not null)
            {
                errors.Add("parent", depthError);
            }
            else if (slash > 0)
            {
                var parentPath = path[..slash];
                parent = await db.Sections.FirstOrDefaultAsync(s => s.Path == parentPath, ct);
                if (parent is null)
                {
                    errors.Add("parent", $"The parent section '{parentPath}' does not exist; create it first.");
                }
            }
        }
        if (!errors.IsEmpty)
        {
            return WriteResult.Invalid<Section>(errors);
        }

        var created = section is null;
        if (section is null)
        {
            var siblings = db.Sections.Where(s => s.ParentId == (parent == null ? null : parent.Id));
            var position = input.Position ?? (await siblings.AnyAsync(ct) ? await siblings.MaxAsync(s => s.Position, ct) + 1 : 0);
            section = new Section { Path = path, Name = name!, Parent = parent, Position = position };
            db.Sections.Add(section);
        }
        else
        {
            section.Name = name!;
            section.Position = input.Position ?? section.Position;
        }
        await db.SaveChangesAsync(ct);
        return created ? WriteResult.Created(section) : WriteResult.Ok(section);
    }
}
