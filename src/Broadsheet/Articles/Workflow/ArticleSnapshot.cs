using System.Text.Json;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;

namespace Broadsheet.Articles.Workflow;

public sealed record SnapshotContributor(string Name, string Kind);

/// <summary>
/// Everything an editor can change on an article, by name rather than id (a section path, topic names), so a
/// revision still reads and restores after ids change. Stored as JSON in <see cref="ArticleRevision.Snapshot"/>.
/// </summary>
public sealed record ArticleSnapshot(
    string Headline,
    IReadOnlyList<string> Summary,
    string Section,
    IReadOnlyList<string> Topics,
    IReadOnlyList<SnapshotContributor> Byline,
    string Type,
    string Language,
    string? Dateline,
    string Slug,
    Guid? HeroImageId,
    string? HeroCaption,
    string? HeroCredit,
    string? HeroAlt,
    IReadOnlyList<Block> Body,
    string? Sponsor = null,
    string? Methods = null)
{
    public static ArticleSnapshot From(Article a) => new(
        a.Headline,
        [.. a.Summary],
        a.Section.Path,
        [.. a.Topics.OrderBy(t => t.Position).Select(t => t.Topic.Name)],
        [.. a.Byline.OrderBy(c => c.Position).Select(c => new SnapshotContributor(c.Contributor.Name, ContentNames.Of(c.Contributor.Kind)))],
        ContentNames.Of(a.Type),
        a.Language,
        a.Dateline,
        a.Slug,
        a.HeroImageId,
        a.HeroCaption,
        a.HeroCredit,
        a.HeroAlt,
        [.. a.Body],
        a.Sponsor,
        a.Methods);

    public string ToJson() => JsonSerializer.Serialize(this, BroadsheetDb.Json);

    public static ArticleSnapshot Parse(string json) =>
        JsonSerializer.Deserialize<ArticleSnapshot>(json, BroadsheetDb.Json) ?? throw new FormatException("Empty revision snapshot.");

    /// <summary>The snapshot as an edit; the slug is given only when it no longer follows the headline.</summary>
    public ArticleInput ToInput() => new()
    {
        Headline = Headline,
        Summary = [.. Summary],
        Section = Section,
        Topics = [.. Topics],
        Byline = [.. Byline.Select(c => new BylineInput { Name = c.Name, Kind = c.Kind })],
        HeroImage = HeroImageId is null ? null : new HeroImageInput { Id = HeroImageId, Caption = HeroCaption, Credit = HeroCredit, Alt = HeroAlt },
        Body = new BodyInput(Blocks: [.. Body]),
        Language = Language,
        Type = Type,
        Dateline = Dateline,
        Sponsor = Sponsor,
        Methods = Methods,
        Slug = Slug == Slugs.From(Headline) ? null : Slug,
    };
}
