using System.Globalization;
using System.Text;
using Broadsheet.Articles;
using Broadsheet.Rendering;

namespace Broadsheet.Reader;

/// <summary>Every topic with published articles, alphabetical, under its initial letter.</summary>
public sealed class TopicIndexModel(SiteChrome chrome, PublishedArticles published) : ReaderPageModel(chrome)
{
    /// <summary>From this many topics on, the page starts with links to each letter.</summary>
    public const int LetterLinksFrom = 24;

    public IReadOnlyList<IGrouping<string, TopicCount>> Letters { get; private set; } = [];

    public bool ShowsLetterLinks { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await Chrome.LoadAsync(ct);
        var topics = await published.TopicCountsAsync(ct);
        Letters = ByLetter(topics);
        ShowsLetterLinks = topics.Count >= LetterLinksFrom;
        Meta.Title = "Topics";
        Meta.Description = $"Every topic {Chrome.Publication.Name} covers, A to Z.";
        Meta.CanonicalPath = "/topics";
        TagCache([CacheTags.TopicIndex, CacheTags.Standards]);
    }

    /// <summary>Topics in alphabetical order (ignoring case and accents), grouped by <see cref="InitialOf"/>, "#" last.</summary>
    public static IReadOnlyList<IGrouping<string, TopicCount>> ByLetter(IEnumerable<TopicCount> topics)
    {
        var order = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);
        return [.. topics
            .OrderBy(t => t.Topic.Name, order).ThenBy(t => t.Topic.Slug, StringComparer.Ordinal)
            .GroupBy(t => InitialOf(t.Topic.Name))
            .OrderBy(g => g.Key == "#" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)];
    }

    /// <summary>The name's first letter, without accents, A to Z; "#" for digits, symbols and other scripts.</summary>
    public static string InitialOf(string name)
    {
        var first = name.TrimStart().Normalize(NormalizationForm.FormD).FirstOrDefault();
        var upper = char.ToUpperInvariant(first);
        return upper is >= 'A' and <= 'Z' ? upper.ToString() : "#";
    }

    public static string LetterId(string letter) => letter == "#" ? "other" : letter.ToLowerInvariant();

    public static string LetterName(string letter) => letter == "#" ? "Other" : letter;
}
