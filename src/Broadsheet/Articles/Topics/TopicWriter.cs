using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles.Topics;

public sealed record TopicInput
{
    public string? Name { get; init; }

    /// <summary>Only when creating; made from the name when absent. A topic's slug never changes.</summary>
    public string? Slug { get; init; }

    public string? Description { get; init; }
}

/// <summary>
/// The one way topics are created, changed and deleted, whichever door the change comes through. Errors are keyed
/// <c>name</c>, <c>slug</c> and <c>description</c>.
/// </summary>
public sealed class TopicWriter(BroadsheetDb db)
{
    public const int MaxName = 120;
    public const int MaxDescription = 2000;

    public async Task<WriteResult<Topic>> CreateAsync(TopicInput input, CancellationToken ct = default)
    {
        var errors = Validate(input);
        var slug = NewSlugs.Check(input.Slug, input.Name, errors);
        if (!errors.IsEmpty)
        {
            return WriteResult.Invalid<Topic>(errors);
        }
        if (await db.Topics.AnyAsync(t => t.Slug == slug, ct))
        {
            return WriteResult.Conflict<Topic>($"A topic with the address '/topics/{slug}' exists already.");
        }
        var topic = new Topic { Slug = slug!, Name = input.Name!.Trim(), Description = InputText.Trimmed(input.Description) };
        db.Topics.Add(topic);
        await db.SaveChangesAsync(ct);
        return WriteResult.Created(topic);
    }

    /// <summary>Renames the topic or changes its description; <see cref="TopicInput.Slug"/>, when given, must be its slug.</summary>
    public async Task<WriteResult<Topic>> UpdateAsync(string slug, TopicInput input, CancellationToken ct = default)
    {
        if (await db.Topics.FirstOrDefaultAsync(t => t.Slug == slug, ct) is not { } topic)
        {
            return WriteResult.NotFound<Topic>($"No topic '{slug}'.");
        }
        var errors = Validate(input);
        if (input.Slug is not null && input.Slug != slug)
        {
            errors.Add("slug", "A topic's address cannot change: its pages are linked by it.");
        }
        if (!errors.IsEmpty)
        {
            return WriteResult.Invalid<Topic>(errors);
        }
        topic.Name = input.Name!.Trim();
        topic.Description = InputText.Trimmed(input.Description);
        await db.SaveChangesAsync(ct);
        return WriteResult.Ok(topic);
    }

    public async Task<WriteResult<Topic>> DeleteAsync(string slug, CancellationToken ct = default)
    {
        if (await db.Topics.FirstOrDefaultAsync(t => t.Slug == slug, ct) is not { } topic)
        {
            return WriteResult.NotFound<Topic>($"No topic '{slug}'.");
        }
        if (await DeleteBlockedByAsync(topic, ct) is { } reason)
        {
            return WriteResult.Conflict<Topic>(reason);
        }
        db.Topics.Remove(topic);
        await db.SaveChangesAsync(ct);
        return WriteResult.Ok(topic);
    }

    /// <summary>Why the topic cannot be deleted, or null when nothing uses it.</summary>
    public async Task<string?> DeleteBlockedByAsync(Topic topic, CancellationToken ct = default) =>
        await db.Set<ArticleTopic>().AnyAsync(t => t.TopicId == topic.Id, ct) ? "Articles use this topic; remove it from them first."
        : await db.AdCreatives.AnyAsync(a => a.TopicSlug == topic.Slug, ct) ? "Ads are targeted at this topic; retarget or delete them first."
        : null;

    private static ValidationErrors Validate(TopicInput input)
    {
        var errors = new ValidationErrors();
        var name = InputText.Trimmed(input.Name);
        if (name is null)
        {
            errors.Add("name", "Enter the topic's name.");
        }
        errors.CheckLength(name, "name", MaxName, $"Enter a name of at most {MaxName} characters.");
        errors.CheckLength(InputText.Trimmed(input.Description), "description", MaxDescription, $"Enter a description of at most {MaxDescription} characters.");
        return errors;
    }
}
