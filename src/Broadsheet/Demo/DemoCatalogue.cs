using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;
using Broadsheet.Media;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Demo;

/// <summary>
/// Writes the demo's publication, sections, topics, contributors, images, standards pages and ads: one method per
/// content type, each saving its one row, so that each becomes a call to that type's writer once it has one.
/// Articles do not come through here: they go through <see cref="ArticleWriter"/> and <see cref="Publishing"/>.
/// </summary>
internal sealed class DemoCatalogue(BroadsheetDb db)
{
    public async Task AddPublicationAsync(DemoManifest manifest, string baseUrl, CancellationToken ct)
    {
        db.Publications.Add(new Publication
        {
            Name = manifest.Name,
            BaseUrl = baseUrl.TrimEnd('/'),
            Language = manifest.Language,
            TimeZone = manifest.TimeZone,
            Tagline = manifest.Tagline,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task AddSectionAsync(DemoSection section, CancellationToken ct)
    {
        var parentPath = section.Path.Contains('/') ? section.Path[..section.Path.LastIndexOf('/')] : null;
        var parent = parentPath is null ? null : await db.Sections.SingleAsync(s => s.Path == parentPath, ct);
        var parentId = parent?.Id;
        db.Sections.Add(new Section
        {
            Path = section.Path,
            Name = section.Name,
            Parent = parent,
            Position = await db.Sections.CountAsync(s => s.ParentId == parentId, ct),
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task AddTopicAsync(DemoTopic topic, CancellationToken ct)
    {
        db.Topics.Add(new Topic { Slug = topic.Slug, Name = topic.Name, Description = topic.Description });
        await db.SaveChangesAsync(ct);
    }

    public async Task AddContributorAsync(DemoContributor contributor, CancellationToken ct)
    {
        // DemoFiles checked the kind.
        var kind = Enum.Parse<ContributorKind>(contributor.Kind, ignoreCase: true);
        db.Contributors.Add(new Contributor { Slug = contributor.Slug, Name = contributor.Name, Kind = kind, Role = contributor.Role, Bio = contributor.Bio });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records an image whose files <see cref="ImageLibrary.PrepareAsync"/> made, as an upload's import does.</summary>
    public async Task AddImageAsync(Image image, CancellationToken ct)
    {
        db.Images.Add(image);
        await db.SaveChangesAsync(ct);
    }

    public async Task AddStandardsPageAsync(DemoStandardsPage page, int position, DateTimeOffset modifiedAt, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var body = new BodyInput(Markdown: page.Body).ToBlocks("body", errors)
            ?? throw new InvalidDataException($"{page.File}: {DemoContent.Describe(errors)}");
        db.StandardsPages.Add(new StandardsPage { Slug = page.Slug, Title = page.Title, Body = body, Position = position, ModifiedAt = modifiedAt });
        await db.SaveChangesAsync(ct);
    }

    public async Task AddAdAsync(DemoAd ad, Guid imageId, DateTimeOffset now, CancellationToken ct)
    {
        db.AdCreatives.Add(new AdCreative
        {
            Name = ad.Name,
            ImageId = imageId,
            LinkUrl = ad.Link,
            Alt = ad.Alt,
            SectionPath = ad.Section,
            TopicSlug = ad.Topic,
            StartsAt = now.AddDays(-ad.StartsDaysAgo),
            EndsAt = ad.EndsDaysAgo is { } days ? now.AddDays(-days) : null,
        });
        await db.SaveChangesAsync(ct);
    }
}
