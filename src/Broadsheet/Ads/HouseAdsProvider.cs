namespace Broadsheet.Ads;

/// <summary>
/// The built-in provider: the publication's own <see cref="AdCreative"/> rows. A creative fits a slot when it
/// is running (between StartsAt and EndsAt), its image has the slot's shape (wide images are banners) and its
/// targeting, if any, matches the page's section (or an ancestor) or one of its topics; targeted creatives are
/// preferred. One page shows each creative at most once. The creatives come from the in-memory
/// <see cref="IAdCreatives"/> (the site snapshot), which every ad write refreshes. The image and link go through <c>/ads/{id}/view</c>
/// and <c>/ads/{id}/click</c>, which count.
/// </summary>
public sealed class HouseAdsProvider(IAdCreatives creatives, TimeProvider clock) : IAdProvider
{
    // Anything at least three times as wide as tall reads as a banner (728x90 is 8:1; 300x250 is 1.2:1).
    private const double BannerAspect = 3.0;

    private readonly HashSet<int> shown = [];
    private List<AdCreative>? running;

    public async ValueTask<AdFill?> FillAsync(AdSlotRequest slot, CancellationToken ct = default)
    {
        if (running is null)
        {
            var now = clock.GetUtcNow();
            var all = await creatives.AllAsync(ct);
            running = [.. all.Where(a => (a.StartsAt is null || a.StartsAt <= now) && (a.EndsAt is null || a.EndsAt > now))];
        }
        var candidates = running
            .Where(a => !shown.Contains(a.Id) && FormatOf(a) == slot.Format && Targets(a, slot))
            .GroupBy(a => Specificity(a))
            .OrderByDescending(g => g.Key)
            .FirstOrDefault()?
            .ToList();
        if (candidates is not { Count: > 0 })
        {
            return null;
        }
        // Pages are rendered rarely (then cached), so a random pick rotates creatives across renders.
        var pick = candidates[Random.Shared.Next(candidates.Count)];
        shown.Add(pick.Id);
        return new AdFill(AdUrls.View(pick.Id), AdUrls.Click(pick.Id), pick.Alt);
    }

    private static AdSlotFormat FormatOf(AdCreative creative) =>
        creative.Image.Height > 0 && (double)creative.Image.Width / creative.Image.Height >= BannerAspect ? AdSlotFormat.Banner : AdSlotFormat.Rectangle;

    private static bool Targets(AdCreative creative, AdSlotRequest slot) =>
        (creative.SectionPath is null || (slot.SectionPath is { } path && (path == creative.SectionPath || path.StartsWith(creative.SectionPath + "/", StringComparison.Ordinal))))
        && (creative.TopicSlug is null || slot.TopicSlugs.Contains(creative.TopicSlug));

    private static int Specificity(AdCreative creative) => (creative.SectionPath is null ? 0 : 1) + (creative.TopicSlug is null ? 0 : 1);
}

public static class AdUrls
{
    public static string View(int id) => $"/ads/{id}/view";

    public static string Click(int id) => $"/ads/{id}/click";
}
