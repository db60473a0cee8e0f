using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;

namespace Broadsheet.Ingest;

/// <summary>A source's rules as the desk applies them to an item (from <see cref="WireSource"/>, or the defaults for an unknown source).</summary>
public sealed record WireRules(string Source, string? Section, IReadOnlyDictionary<string, string> SubjectSections, string? Byline, bool AutoPublish, string? Language)
{
    public static WireRules From(WireSource source) =>
        new(source.Name, source.Section, source.SubjectSections, source.Byline, source.AutoPublish, source.Language);

    /// <summary>A source nobody configured: no section (its items wait in the quarantine until a rule names one) and no auto-publishing.</summary>
    public static WireRules Default(string source) => new(source, null, new Dictionary<string, string>(), null, false, null);
}

/// <summary>How an agency item becomes an article: pure, so the whole mapping is tested without a database.</summary>
public static class WireMapping
{
    /// <summary>The article the item becomes under <paramref name="rules"/>; <paramref name="body"/> is the item's body HTML (fetched when remote).</summary>
    public static ArticleInput ToArticle(WireItem item, WireRules rules, string? body, HeroImageInput? hero) => new()
    {
        Headline = item.Headline ?? item.Slugline,
        Summary = SummaryPoints(item.Summary),
        Section = SectionFor(item, rules),
        Topics = Topics(item.Subjects),
        Byline = Byline(item, rules),
        HeroImage = hero,
        Body = body is null ? null : new BodyInput(Html: body),
        Language = item.Language ?? rules.Language,
        Dateline = item.Dateline,
    };

    /// <summary>The section of the first subject the rules map, else the source's section.</summary>
    public static string? SectionFor(WireItem item, WireRules rules)
    {
        foreach (var subject in item.Subjects)
        {
            foreach (var key in new[] { subject.Code, subject.Name })
            {
                if (key is null)
                {
                    continue;
                }
                var match = rules.SubjectSections.FirstOrDefault(m => string.Equals(m.Key.Trim(), key.Trim(), StringComparison.OrdinalIgnoreCase));
                if (match.Value is { Length: > 0 } path)
                {
                    return path;
                }
            }
        }
        return rules.Section;
    }

    /// <summary>The persons the item names, or the agency as the contributor when it names none.</summary>
    public static IReadOnlyList<BylineInput> Byline(WireItem item, WireRules rules)
    {
        var persons = item.Byline.Select(n => Clip(n.Trim(), 120)).Where(n => n.Length > 0)
            .DistinctBy(n => n, StringComparer.OrdinalIgnoreCase).Take(ArticleWriter.MaxByline - 1).ToList();
        if (persons.Count > 0)
        {
            return [.. persons.Select(n => new BylineInput { Name = n, Kind = "person" })];
        }
        return [new BylineInput { Name = Clip(rules.Byline ?? item.Credit ?? rules.Source, 120), Kind = "agency" }];
    }

    /// <summary>Subject names as topics, in the agency's order; codes without a name say nothing to readers.</summary>
    public static IReadOnlyList<string> Topics(IReadOnlyList<WireSubject> subjects) =>
        [.. subjects.Select(s => s.Name?.Trim()).OfType<string>().Where(n => n.Length is > 0 and <= 120)
            .DistinctBy(n => Slugs.From(n), StringComparer.Ordinal).Take(ArticleWriter.MaxTopics)];

    /// <summary>The summary as points (one per paragraph), each cut at a word to the writer's length.</summary>
    public static IReadOnlyList<string>? SummaryPoints(string? summary)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            return null;
        }
        return [.. summary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Clip(p, ArticleWriter.MaxSummaryPoint)).Take(ArticleWriter.MaxSummaryPoints)];
    }

    /// <summary>Text cut to fit a column, or null.</summary>
    internal static string? Shorten(string? text, int max) => text is null ? null : Clip(text, max);

    /// <summary>Cuts at the last space before <paramref name="max"/> and marks the cut with an ellipsis.</summary>
    internal static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 1);
        return string.Concat(text.AsSpan(0, cut > max / 2 ? cut : max - 1).TrimEnd(), "…");
    }
}
