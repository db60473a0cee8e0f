namespace Broadsheet.Articles;

public enum ArticleStatus
{
    Draft,
    InReview,
    Scheduled,
    Published,
    Unpublished,
}

/// <summary>Type of work, as schema.org and the Trust Project label it.</summary>
public enum ArticleType
{
    News,
    Opinion,
    Analysis,
    Explainer,
    Review,
    Sponsored,
}

public enum ContributorKind
{
    Person,
    Agency,
}

public enum NoteKind
{
    Correction,
    Update,
}

public sealed class Publication
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string BaseUrl { get; set; }
    public string Language { get; set; } = "en";
    public string TimeZone { get; set; } = "UTC";
    public string? Tagline { get; set; }
}

/// <summary>A node of the section tree; <see cref="Path"/> is the full slash-separated path, e.g. <c>asia/east-asia</c>.</summary>
public sealed class Section
{
    public int Id { get; set; }
    public required string Path { get; set; }
    public required string Name { get; set; }
    public int? ParentId { get; set; }
    public Section? Parent { get; set; }
    public List<Section> Children { get; set; } = [];
    public int Position { get; set; }

    public string Slug => Path[(Path.LastIndexOf('/') + 1)..];
}

public sealed class Topic
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
}

/// <summary>A person (staff, with a profile page) or a wire agency (shown as a plain name).</summary>
public sealed class Contributor
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public ContributorKind Kind { get; set; }
    public string? Role { get; set; }
    public string? Bio { get; set; }
    public Guid? PhotoId { get; set; }
    public Media.Image? Photo { get; set; }

    /// <summary>Subjects they know well, as the author page and <c>knowsAbout</c> show them.</summary>
    public List<string> Expertise { get; set; } = [];

    /// <summary>A public address readers may write to.</summary>
    public string? Email { get; set; }

    /// <summary>Their profiles elsewhere (<c>sameAs</c>): a personal site, a professional network.</summary>
    public List<string> Links { get; set; } = [];

    /// <summary>
    /// The newsroom account this person writes as (at most one contributor per account): their byline by default
    /// and first among the editor's suggestions. Set through <see cref="Contributors.ContributorWriter.LinkUserAsync"/>.
    /// </summary>
    public string? UserId { get; set; }
}

public sealed class Article
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Headline { get; set; }
    public List<string> Summary { get; set; } = [];
    public List<Block> Body { get; set; } = [];
    public Guid? HeroImageId { get; set; }
    public Media.Image? HeroImage { get; set; }
    public string? HeroCaption { get; set; }
    public string? HeroCredit { get; set; }
    public string? HeroAlt { get; set; }
    public int SectionId { get; set; }
    public Section Section { get; set; } = null!;
    public List<ArticleTopic> Topics { get; set; } = [];
    public List<BylineEntry> Byline { get; set; } = [];
    public List<ArticleNote> Notes { get; set; } = [];
    public ArticleType Type { get; set; }
    public string Language { get; set; } = "en";
    public string? Dateline { get; set; }

    /// <summary>Who paid for a <see cref="ArticleType.Sponsored"/> article, named wherever it is shown; null for every other type.</summary>
    public string? Sponsor { get; set; }

    /// <summary>"How we reported this": the methods behind the story, in plain text (the Trust Project's methods indicator).</summary>
    public string? Methods { get; set; }
    public ArticleStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public DateTimeOffset? FirstPublishedAt { get; set; }

    /// <summary>The "Updated" time readers see: set when a published article's content changes.</summary>
    public DateTimeOffset? LastUpdatedAt { get; set; }
    public DateTimeOffset? ScheduledFor { get; set; }

    /// <summary>Fictional demo content, labelled as such on the page.</summary>
    public bool IsSample { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every save.</summary>
    public int Version { get; set; }

    /// <summary>The newsroom user who created the article (null when created through the admin API): a writer may edit only their own drafts.</summary>
    public string? CreatedById { get; set; }

    /// <summary>Who last changed the article, as the newsroom's article list shows it (null: the admin API).</summary>
    public string? ModifiedBy { get; set; }
    public string? ModifiedById { get; set; }

    public string PublicPath => ArticleUrls.PathOf(Section.Path, Id, Slug);

    public Topic? PrimaryTopic => Topics.OrderBy(t => t.Position).Select(t => t.Topic).FirstOrDefault();
}

/// <summary>Who makes a change, for the revision history and the article list: a newsroom user, or the admin API.</summary>
/// <param name="Summary">What the revision says the save was ("Saved", "Restored version 3").</param>
public sealed record ChangedBy(string? UserId, string Name, string Summary = "Saved")
{
    public static readonly ChangedBy Api = new(null, "Admin API");
}

public sealed class ArticleTopic
{
    public int ArticleId { get; set; }
    public int TopicId { get; set; }
    public Topic Topic { get; set; } = null!;
    public int Position { get; set; }
}

public sealed class BylineEntry
{
    public int ArticleId { get; set; }
    public int ContributorId { get; set; }
    public Contributor Contributor { get; set; } = null!;
    public int Position { get; set; }
}

/// <summary>A correction or update note shown to readers at the end of the article.</summary>
public sealed class ArticleNote
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public NoteKind Kind { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>An editable page about the publication's standards: ethics, corrections policy, ownership.</summary>
public sealed class StandardsPage
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public List<Block> Body { get; set; } = [];
    public int Position { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
}

public static class ArticleUrls
{
    /// <summary>How deep sections nest: the reader has one article route per depth, so deeper paths are refused when sections are made.</summary>
    public const int MaxSectionDepth = 4;

    public static string PathOf(string sectionPath, int id, string slug) => $"/news/{sectionPath}/article/{id}/{slug}";

    public static string SectionPath(string sectionPath) => $"/news/{sectionPath}";

    public static string TopicPath(string slug) => $"/topics/{slug}";

    public static string AuthorPath(string slug) => $"/authors/{slug}";
}
