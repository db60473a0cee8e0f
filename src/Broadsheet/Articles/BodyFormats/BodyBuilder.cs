using System.Text.RegularExpressions;

namespace Broadsheet.Articles.BodyFormats;

/// <summary>
/// Where a converter sends inline content: the runs being built, what to do with a block met inside inline
/// content (an image in a paragraph), and what a line break means there.
/// </summary>
internal sealed partial class InlineTarget(InlineRuns runs, Action<Block> onBlock, Action onLineEnd)
{
    private int suppressed;
    private int bold;
    private int italic;

    public InlineRuns Runs => runs;

    public void Block(Block block) => onBlock(block);

    public void EndLine() => onLineEnd();

    public void Text(string text, Marks marks)
    {
        if (suppressed == 0)
        {
            runs.Append(text, marks with { Bold = marks.Bold || bold > 0, Italic = marks.Italic || italic > 0 });
        }
    }

    /// <summary>Follows a raw HTML tag met inside Markdown text: bold and italic apply, script and style text is dropped.</summary>
    public void HtmlTag(string tag)
    {
        var match = TagPattern().Match(tag);
        if (!match.Success)
        {
            return;
        }
        var step = match.Groups[1].Value == "/" ? -1 : 1;
        switch (match.Groups[2].Value.ToLowerInvariant())
        {
            case "script" or "style" or "template" when !tag.EndsWith("/>", StringComparison.Ordinal):
                suppressed = Math.Max(0, suppressed + step);
                break;
            case "b" or "strong":
                bold = Math.Max(0, bold + step);
                break;
            case "i" or "em":
                italic = Math.Max(0, italic + step);
                break;
            case "br":
                runs.Space();
                break;
        }
    }

    [GeneratedRegex("^<(/?)([a-zA-Z][a-zA-Z0-9-]*)")]
    private static partial Regex TagPattern();
}

/// <summary>The body being built: finished blocks plus the paragraph in progress.</summary>
internal sealed class BodyBuilder
{
    private readonly InlineRuns paragraph = new();

    public List<Block> Blocks { get; } = [];

    public InlineTarget ParagraphTarget() => new(paragraph, Add, paragraph.Space);

    public void EndParagraph()
    {
        var runs = paragraph.Take();
        if (runs.Count > 0)
        {
            Blocks.Add(new ParagraphBlock(runs));
        }
    }

    public void Add(Block block)
    {
        EndParagraph();
        Blocks.Add(block);
    }

    public void AddRange(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            Add(block);
        }
    }
}

/// <summary>Builds a heading; blocks met inside it (an image) follow it.</summary>
internal sealed class HeadingCollector(int sourceLevel)
{
    private readonly InlineRuns runs = new();
    private readonly List<Block> deferred = [];

    public InlineTarget Target => new(runs, deferred.Add, runs.Space);

    /// <summary>Only levels 2-4 exist under the headline (the page's one h1); others are moved into that range.</summary>
    public IEnumerable<Block> Build()
    {
        var text = PlainText.Of(runs.Take());
        if (text.Length > 0)
        {
            yield return new HeadingBlock(text, Math.Clamp(sourceLevel, 2, 4));
        }
        foreach (var block in deferred)
        {
            yield return block;
        }
    }
}

/// <summary>
/// Builds a quote line by line, so that a last line like "— Name" can become the attribution.
/// </summary>
internal sealed partial class QuoteCollector
{
    private readonly List<List<Inline>> lines = [];
    private readonly InlineRuns current = new();
    private readonly List<Block> deferred = [];

    public InlineTarget Target => new(current, deferred.Add, EndLine);

    /// <summary>Set when the markup names the source explicitly (<c>&lt;cite&gt;</c>, <c>&lt;footer&gt;</c>).</summary>
    public string? Attribution { get; set; }

    /// <summary>A pull quote: repeated from the text for emphasis rather than quoting a source.</summary>
    public bool Pull { get; init; }

    public void EndLine()
    {
        var runs = current.Take();
        if (runs.Count > 0)
        {
            lines.Add(runs);
        }
    }

    public IEnumerable<Block> Build()
    {
        EndLine();
        if (Attribution is null && lines.Count > 1 && AttributionOf(PlainText.Of(lines[^1])) is { } name)
        {
            Attribution = name;
            lines.RemoveAt(lines.Count - 1);
        }
        var content = new InlineRuns();
        foreach (var line in lines)
        {
            content.Space();
            content.Append(line);
        }
        var runs = content.Take();
        if (runs.Count > 0)
        {
            yield return new QuoteBlock(runs, string.IsNullOrWhiteSpace(Attribution) ? null : Attribution, Pull);
        }
        foreach (var block in deferred)
        {
            yield return block;
        }
    }

    /// <summary>The name in a line like "— Name" (em dash, en dash, horizontal bar or two hyphens), else null.</summary>
    public static string? AttributionOf(string line)
    {
        var match = DashLine().Match(line);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    public static string StripDash(string text) => AttributionOf(text) ?? text.Trim();

    [GeneratedRegex(@"^\s*(?:\u2014|\u2015|\u2013|--)\s*(\S.*)$", RegexOptions.Singleline)]
    private static partial Regex DashLine();
}

/// <summary>Builds one list; items of nested lists become items of this one.</summary>
internal sealed class ListCollector(bool ordered)
{
    private readonly List<IReadOnlyList<Inline>> items = [];
    private readonly InlineRuns current = new();
    private readonly List<Block> deferred = [];

    public InlineTarget Target => new(current, deferred.Add, current.Space);

    public void EndItem()
    {
        var runs = current.Take();
        if (runs.Count > 0)
        {
            items.Add(runs);
        }
    }

    public IEnumerable<Block> Build()
    {
        EndItem();
        if (items.Count > 0)
        {
            yield return new ListBlock(items, ordered);
        }
        foreach (var block in deferred)
        {
            yield return block;
        }
    }
}

internal static partial class Whitespace
{
    /// <summary>Runs of whitespace as one space, trimmed; null when nothing is left.</summary>
    public static string? Collapse(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var collapsed = Runs().Replace(text, " ").Trim();
        return collapsed.Length == 0 ? null : collapsed;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Runs();
}
