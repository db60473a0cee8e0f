using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Ads;

/// <summary>Ad slots and their placement rules, bound from <c>Broadsheet:Ads</c>.</summary>
public sealed class AdsOptions
{
    public const string Section = "Broadsheet:Ads";

    /// <summary>Off: no slots at all, not even the house promo.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The first in-article slot comes after at least this many paragraphs.</summary>
    [Range(1, 100)]
    public int FirstSlotAfterParagraphs { get; set; } = 3;

    /// <summary>Words of body text between two in-article slots (and before the first).</summary>
    [Range(0, 10000)]
    public int MinWordsBetweenSlots { get; set; } = 150;

    [Range(0, 20)]
    public int MaxInArticleSlots { get; set; } = 3;

    /// <summary>
    /// Share of the main content's height that ads may take, strictly less than this. The Coalition for
    /// Better Ads' mobile standard treats ad density above 30% as a bad experience.
    /// </summary>
    [Range(0.0, 0.30)]
    public double MaxDensity { get; set; } = 0.30;

    /// <summary>How often impression and click counts held in memory are written to the database.</summary>
    [Range(1, 3600)]
    public int FlushIntervalSeconds { get; set; } = 10;
}
