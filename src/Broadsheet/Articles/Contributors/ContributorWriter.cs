using System.Net.Mail;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles.Contributors;

public sealed record ContributorInput
{
    public string? Name { get; init; }

    /// <summary>Only when creating; made from the name when absent. A contributor's slug never changes.</summary>
    public string? Slug { get; init; }

    /// <summary>person or agency (any case); person when absent.</summary>
    public string? Kind { get; init; }

    public string? Role { get; init; }

    public string? Bio { get; init; }

    public Guid? PhotoId { get; init; }

    /// <summary>Subjects they know well; blank entries and repeats are dropped.</summary>
    public IReadOnlyList<string>? Expertise { get; init; }

    /// <summary>A public email address for readers.</summary>
    public string? Email { get; init; }

    /// <summary>Absolute http(s) addresses of their profiles elsewhere.</summary>
    public IReadOnlyList<string>? Links { get; init; }
}

/// <summary>
/// The one way contributors (staff and agencies) are created, changed and deleted. Errors are keyed <c>name</c>,
/// <c>slug</c>, <c>kind</c>, <c>role</c>, <c>bio</c>, <c>photoId</c>, <c>expertise</c>, <c>email</c> and <c>links</c>.
/// </summary>
public sealed class ContributorWriter(BroadsheetDb db)
{
    public const int MaxName = 120;
    public const int MaxRole = 200;
    public const int MaxBio = 5000;
    public const int MaxSubjects = 10;
    public const int MaxSubject = 100;
    public const int MaxEmail = 254;
    public const int MaxLinks = 5;
    public const int MaxLink = 400;

    public async Task<WriteResult<Contributor>> CreateAsync(ContributorInput input, CancellationToken ct = default)
    {
        var (errors, kind) = await ValidateAsync(input, ct);
        var slug = NewSlugs.Check(input.Slug, input.Name, errors);
        if (!errors.IsEmpty)
        {
            return WriteResult.Invalid<Contributor>(errors);
        }
        if (await db.Contributors.AnyAsync(c => c.Slug == slug, ct))
        {
            return WriteResult.Conflict<Contributor>($"A contributor with the address '/authors/{slug}' exists already.");
        }
        var contributor = new Contributor { Slug = slug!, Name = "" };
        Apply(contributor, input, kind);
        db.Contributors.Add(contributor);
        await db.SaveChangesAsync(ct);
        return WriteResult.Created(contributor);
    }

    /// <summary>Replaces the contributor's name, kind, role, bio, photo, expertise, email and links; <see cref="ContributorInput.Slug"/>, when given, must be its slug.</summary>
    public async Task<WriteResult<Contributor>> UpdateAsync(string slug, ContributorInput input, CancellationToken ct = default)
    {
        if (await db.Contributors.FirstOrDefaultAsync(c => c.Slug == slug, ct) is not { } contributor)
        {
            return WriteResult.NotFound<Contributor>($"No contributor '{slug}'.");
        }
        var (errors, kind) = await ValidateAsync(input, ct);
        if (input.Slug is not null && input.Slug != slug)
        {
            errors.Add("slug", "A contributor's address cannot change: their page is linked by it.");
        }
        if (!errors.IsEmpty)
        {
            return WriteResult.Invalid<Contributor>(errors);
        }
        Apply(contributor, input, kind);
        await db.SaveChangesAsync(ct);
        return WriteResult.Ok(contributor);
    }

    public async Task<WriteResult<Contributor>> DeleteAsync(string slug, CancellationToken ct = default)
    {
        if (await db.Contributors.FirstOrDefaultAsync(c => c.Slug == slug, ct) is not { } contributor)
        {
            return WriteResult.NotFound<Contributor>($"No contributor '{slug}'.");
        }
        if (await DeleteBlockedByAsync(contributor, ct) is { } reason)
        {
            return WriteResult.Conflict<Contributor>(reason);
        }
        db.Contributors.Remove(contributor);
        await db.SaveChangesAsync(ct);
        return WriteResult.Ok(contributor);
    }

    /// <summary>
    /// Makes the contributor the byline of the newsroom account <paramref name="userId"/> (null: of none). An account
    /// has one byline, so another contributor linked to it is unlinked in the same save. A contributor already linked to
    /// another account is taken over only when <paramref name="takeOver"/> (an admin's decision; a user claiming
    /// "this is me" cannot take someone else's byline). Errors are keyed <c>userId</c>.
    /// </summary>
    public async Task<WriteResult<Contributor>> LinkUserAsync(string slug, string? userId, bool takeOver = false, CancellationToken ct = default)
    {
        if (await db.Contributors.FirstOrDefaultAsync(c => c.Slug == slug, ct) is not { } contributor)
        {
            return WriteResult.NotFound<Contributor>($"No contributor '{slug}'.");
        }
        var errors = new ValidationErrors();
        if (userId is not null)
        {
            if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
            {
                errors.Add("userId", "There is no such newsroom account.");
            }
            else if (contributor.Kind != ContributorKind.Person)
            {
                errors.Add("userId", "Only a person can be a newsroom account's byline, not an agency.");
            }
            else if (contributor.UserId is { } other && other != userId && !takeOver)
            {
                errors.Add("userId", "This contributor is another account's byline; an admin can change that.");
            }
        }
        if (!errors.IsEmpty)
        {
            return WriteResult.Invalid<Contributor>(errors);
        }
        if (contributor.UserId == userId)
        {
            return WriteResult.Ok(contributor);
        }
        if (userId is not null)
        {
            foreach (var previous in await db.Contributors.Where(c => c.UserId == userId).ToListAsync(ct))
            {
                previous.UserId = null;
            }
            // The unique index sees the old link go before the new one comes.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await db.SaveChangesAsync(ct);
            contributor.UserId = userId;
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
            return WriteResult.Ok(contributor);
        }
        contributor.UserId = null;
        await db.SaveChangesAsync(ct);
        return WriteResult.Ok(contributor);
    }

    /// <summary>Why the contributor cannot be deleted, or null when they are in no byline.</summary>
    public async Task<string?> DeleteBlockedByAsync(Contributor contributor, CancellationToken ct = default)
    {
        var bylines = await db.Set<BylineEntry>().CountAsync(b => b.ContributorId == contributor.Id, ct);
        return bylines == 0 ? null
            : $"This contributor is in the byline of {bylines} article{(bylines == 1 ? "" : "s")}; remove them from those first.";
    }

    private static void Apply(Contributor contributor, ContributorInput input, ContributorKind kind)
    {
        contributor.Name = input.Name!.Trim();
        contributor.Kind = kind;
        contributor.Role = InputText.Trimmed(input.Role);
        contributor.Bio = InputText.Trimmed(input.Bio);
        contributor.PhotoId = input.PhotoId;
        contributor.Expertise = Entries(input.Expertise);
        contributor.Email = InputText.Trimmed(input.Email);
        contributor.Links = Entries(input.Links);
    }

    /// <summary>A list as it is stored: trimmed, without blanks or repeats, in the order given.</summary>
    public static List<string> Entries(IEnumerable<string?>? values) =>
        [.. (values ?? []).Select(InputText.Trimmed).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];

    private async Task<(ValidationErrors Errors, ContributorKind Kind)> ValidateAsync(ContributorInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = InputText.Trimmed(input.Name);
        if (name is null)
        {
            errors.Add("name", "Enter the contributor's name.");
        }
        errors.CheckLength(name, "name", MaxName, $"Enter a name of at most {MaxName} characters.");
        var kind = ContributorKind.Person;
        if (input.Kind is not null && !ContentNames.TryParse(input.Kind, out kind))
        {
            errors.Add("kind", "Choose person or agency.");
        }
        errors.CheckLength(InputText.Trimmed(input.Role), "role", MaxRole, $"Enter a role of at most {MaxRole} characters.");
        errors.CheckLength(InputText.Trimmed(input.Bio), "bio", MaxBio, $"Enter a biography of at most {MaxBio} characters.");
        var subjects = Entries(input.Expertise);
        if (subjects.Count > MaxSubjects)
        {
            errors.Add("expertise", $"List at most {MaxSubjects} subjects.");
        }
        foreach (var subject in subjects)
        {
            errors.CheckLength(subject, "expertise", MaxSubject, $"Keep each subject to at most {MaxSubject} characters.");
        }
        if (InputText.Trimmed(input.Email) is { } email && !IsEmail(email))
        {
            errors.Add("email", $"Enter an email address such as name@example.com (at most {MaxEmail} characters).");
        }
        var links = Entries(input.Links);
        if (links.Count > MaxLinks)
        {
            errors.Add("links", $"Enter at most {MaxLinks} profile addresses.");
        }
        if (links.Any(link => link.Length > MaxLink || !Links.IsWebUrl(link)))
        {
            errors.Add("links", $"Enter each profile address in full, starting with https:// (at most {MaxLink} characters).");
        }
        if (input.PhotoId is { } photoId && !await db.Images.AnyAsync(i => i.Id == photoId, ct))
        {
            errors.Add("photoId", $"There is no image {photoId} in the library.");
        }
        return (errors, kind);
    }

    private static bool IsEmail(string email) =>
        email.Length <= MaxEmail && !email.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(email, out var address) && address.Address == email && address.Host.Contains('.', StringComparison.Ordinal);
}
