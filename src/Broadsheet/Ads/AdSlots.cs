namespace Broadsheet.Ads;

/// <summary>A slot as the page renders it: a creative when the provider has one, else the publication's own promo.</summary>
public sealed record AdSlotView(AdSlotFormat Format, AdFill? Fill, HousePromo Promo);

/// <summary>A promo for the publication itself, rendered as styled HTML so it costs no image request.</summary>
public sealed record HousePromo(string Heading, string Text, string Href);

/// <summary>Fills a page's slots through the registered <see cref="IAdProvider"/>, with house promos as the fallback.</summary>
public sealed class AdSlots(IAdProvider provider, Microsoft.Extensions.Options.IOptions<AdsOptions> options)
{
    public bool Enabled => options.Value.Enabled;

    public AdsOptions Options => options.Value;

    public async Task<AdSlotView> FillAsync(AdSlotRequest slot, string publication, string? sectionName, CancellationToken ct)
    {
        var fill = await provider.FillAsync(slot, ct);
        return new AdSlotView(slot.Format, fill, Promo(slot, publication, sectionName));
    }

    private static HousePromo Promo(AdSlotRequest slot, string publication, string? sectionName) =>
        (slot.Position % 3) switch
        {
            0 => new HousePromo($"Why you can trust {publication}", "How we report, check our facts and correct our mistakes.", "/standards"),
            1 when slot.SectionPath is not null && sectionName is not null =>
                new HousePromo($"More from {sectionName}", $"The latest {sectionName} coverage from {publication}.", Articles.ArticleUrls.SectionPath(slot.SectionPath)),
            _ => new HousePromo($"Today in {publication}", "The top stories, updated through the day.", "/"),
        };
}
