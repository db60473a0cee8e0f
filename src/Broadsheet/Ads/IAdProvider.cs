namespace Broadsheet.Ads;

/// <summary>
/// Extension point: decides what fills an ad slot on a reader page. Implementations are called while a page
/// is rendered, and the rendered page is then output-cached and served to many readers, so anything that must
/// happen per view (counting impressions and clicks) belongs at the URLs the fill points to, not here.
/// Register an implementation as scoped <see cref="IAdProvider"/> in place of <see cref="HouseAdsProvider"/>.
/// </summary>
public interface IAdProvider
{
    /// <summary>
    /// The creative for this slot, or <see langword="null"/> when nothing fits; the page then shows the
    /// publication's own promo, so a slot is never an empty box.
    /// </summary>
    ValueTask<AdFill?> FillAsync(AdSlotRequest slot, CancellationToken ct = default);
}

/// <summary>
/// The ad creatives as the page being rendered sees them: the rendering's in-memory site snapshot, which every ad
/// write refreshes, so a provider never queries the database per page.
/// </summary>
public interface IAdCreatives
{
    ValueTask<IReadOnlyList<AdCreative>> AllAsync(CancellationToken ct = default);
}

/// <summary>The two slot shapes a reader page reserves space for.</summary>
public enum AdSlotFormat
{
    /// <summary>A 728x90 banner scaled to the column width, above the article.</summary>
    Banner,

    /// <summary>A 300x250 medium rectangle, between blocks of the body.</summary>
    Rectangle,
}

/// <summary>
/// One slot to fill: its shape, its place on the page (0 = top banner, 1.. = in-article slots in order) and
/// what the page is about, for targeting.
/// </summary>
public sealed record AdSlotRequest(AdSlotFormat Format, int Position, string? SectionPath, IReadOnlyList<string> TopicSlugs);

/// <summary>
/// What the slot shows: an image at <paramref name="ImageUrl"/> linking to <paramref name="ClickUrl"/>. Both
/// URLs should be first-party (the site's CSP allows no third-party requests) and count views and clicks.
/// </summary>
public sealed record AdFill(string ImageUrl, string ClickUrl, string Alt);
