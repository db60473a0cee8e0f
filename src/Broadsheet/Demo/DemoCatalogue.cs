using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Articles.Contributors;
using Broadsheet.Articles.Sections;
using Broadsheet.Articles.Standards;
using Broadsheet.Articles.Topics;
using Broadsheet.Data;
using Broadsheet.Media;

namespace Broadsheet.Demo;

/// <summary>
/// Writes the demo's publication, sections, topics, contributors, images, standards pages and ads, each through its
/// type's writer (the same validation as the newsroom and the admin API) on the seeding scope's context, so every
/// save joins the seeding transaction. Articles go through <see cref="ArticleWriter"/> and <see cref="Publishing"/>.
/// </summary>
internal sealed class DemoCatalogue(BroadsheetDb db, IServiceProvider services, TimeProvider clock)
{
    private readonly SectionWriter sections = ActivatorUtilities.CreateInstance<SectionWriter>(services);
    private readonly TopicWriter topics = ActivatorUtilities.CreateInstance<TopicWriter>(services);
    private readonly ContributorWriter contributors = ActivatorUtilities.CreateInstance<ContributorWriter>(services);
    private readonly StandardsPageWriter standards = ActivatorUtilities.CreateInstance<StandardsPageWriter>(services, clock);
    private readonly AdWriter ads = ActivatorUtilities.CreateInstance<AdWriter>(services);

    /// <summary>The publication has no writer of its own: it is made once, here or by the set-up, and edited in configuration.</summary>
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
        var slash = section.Path.LastIndexOf('/');
        var (parent, slug) = slash < 0 ? (null, section.Path) : (section.Path[..slash], section.Path[(slash + 1)..]);
        Check("publication.json", await sections.CreateAsync(parent, slug, new SectionInput { Name = section.Name }, ct));
    }

    public async Task AddTopicAsync(DemoTopic topic, CancellationToken ct) =>
        Check("publication.json", await topics.CreateAsync(new TopicInput { Slug = topic.Slug, Name = topic.Name, Description = topic.Description }, ct));

    public async Task AddContributorAsync(DemoContributor contributor, CancellationToken ct) =>
        Check("publication.json", await contributors.CreateAsync(new ContributorInput
        {
            Slug = contributor.Slug, Name = contributor.Name, Kind = contributor.Kind, Role = contributor.Role, Bio = contributor.Bio,
            Expertise = contributor.Expertise, Email = contributor.Email, Links = contributor.Links,
        }, ct));

    /// <summary>Records an image whose files <see cref="ImageWriter.PrepareAsync"/> made, as that method asks of its callers.</summary>
    public async Task AddImageAsync(Image image, CancellationToken ct)
    {
        db.Images.Add(image);
        await db.SaveChangesAsync(ct);
    }

    public async Task AddStandardsPageAsync(DemoStandardsPage page, int position, CancellationToken ct) =>
        Check(page.File, await standards.CreateAsync(new StandardsInput { Slug = page.Slug, Title = page.Title, Body = new BodyInput(Markdown: page.Body), Position = position }, ct));

    public async Task AddAdAsync(DemoAd ad, Guid imageId, DateTimeOffset now, CancellationToken ct) =>
        Check("publication.json", await ads.CreateAsync(new AdInput
        {
            Name = ad.Name,
            ImageId = imageId,
            LinkUrl = ad.Link,
            Alt = ad.Alt,
            SectionPath = ad.Section,
            TopicSlug = ad.Topic,
            StartsAt = now.AddDays(-ad.StartsDaysAgo),
            EndsAt = ad.EndsDaysAgo is { } days ? now.AddDays(-days) : null,
        }, ct: ct));

    /// <summary>A demo file the writers refuse is a broken file: say which, and why.</summary>
    private static void Check<T>(string file, WriteResult<T> result)
        where T : class
    {
        if (!result.Succeeded)
        {
            throw new InvalidDataException($"{file}: {(result.Status == WriteStatus.Invalid ? DemoContent.Describe(result.Errors) : result.Message)}");
        }
    }
}
