namespace Broadsheet.Ads;

/// <summary>A house advertisement: an image and a link, optionally targeted at a section or topic, within dates.</summary>
public sealed class AdCreative
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public Guid ImageId { get; set; }
    public Media.Image Image { get; set; } = null!;
    public required string LinkUrl { get; set; }
    public required string Alt { get; set; }
    public string? SectionPath { get; set; }
    public string? TopicSlug { get; set; }
    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
    public long Impressions { get; set; }
    public long Clicks { get; set; }
}
