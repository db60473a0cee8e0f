using Broadsheet.Data;

namespace Broadsheet.Articles.BodyFormats;

/// <summary>
/// A body as an editor or a client sends it: exactly one of Markdown, HTML or the typed blocks themselves.
/// Markdown and HTML are converted to blocks; the source text is never stored.
/// </summary>
public sealed record BodyInput(string? Markdown = null, string? Html = null, IReadOnlyList<Block?>? Blocks = null)
{
    public const int MaxSourceLength = 1_000_000;

    /// <summary>The body as blocks, or null with the reasons added to <paramref name="errors"/> under <paramref name="field"/>.</summary>
    public List<Block>? ToBlocks(string field, ValidationErrors errors)
    {
        var given = (Markdown is null ? 0 : 1) + (Html is null ? 0 : 1) + (Blocks is null ? 0 : 1);
        if (given != 1)
        {
            errors.Add(field, "Give exactly one of markdown, html or blocks.");
            return null;
        }
        if (Blocks is not null)
        {
            return BodyRules.Validate(Blocks, $"{field}.blocks", errors) ? Blocks.Select(b => b!).ToList() : null;
        }
        var (source, format) = Markdown is not null ? (Markdown, "markdown") : (Html!, "html");
        if (source.Length > MaxSourceLength)
        {
            errors.Add($"{field}.{format}", $"Must be at most {MaxSourceLength} characters.");
            return null;
        }
        var blocks = format == "markdown" ? MarkdownBody.ToBlocks(source) : HtmlBody.ToBlocks(source);
        // Converted output is valid by construction; checking it anyway catches what the source could not know
        // (over-long headings) and names the source field.
        return BodyRules.Validate(blocks, $"{field}.{format}", errors, errorsAtField: true) ? blocks : null;
    }
}

/// <summary>What a stored body may contain. Typed blocks from clients are checked here before anything is written.</summary>
public static class BodyRules
{
    public const int MaxBlocks = 5000;
    public const int MaxTextLength = 20_000;
    public const int MaxShortText = 1000;

    /// <summary>
    /// True when every block is valid. Errors are named by JSON path (<c>body.blocks[3].content[0].href</c>),
    /// or all at <paramref name="path"/> when <paramref name="errorsAtField"/> (for converted sources).
    /// </summary>
    public static bool Validate(IReadOnlyList<Block?> blocks, string path, ValidationErrors errors, bool errorsAtField = false)
    {
        var ok = true;
        // Each message names its block as the editor numbers them ("Paragraph 3 needs text."), so it reads the same in
        // the newsroom's form and in the admin API's problem details.
        void Fail(string field, string label, string message)
        {
            ok = false;
            errors.Add(errorsAtField ? path : field, FieldMessage.Named(label, message));
        }

        if (blocks.Count > MaxBlocks)
        {
            Fail(path, "The body", $"Must have at most {MaxBlocks} blocks.");
            return false;
        }
        for (var i = 0; i < blocks.Count; i++)
        {
            var at = $"{path}[{i}]";
            var name = Name(blocks[i], i);
            switch (blocks[i])
            {
                case null:
                    Fail(at, name, "Must be a block.");
                    break;
                case ParagraphBlock p:
                    CheckRuns(p.Content, $"{at}.content", name, Fail);
                    break;
                case HeadingBlock h:
                    CheckText(h.Text, $"{at}.text", name, 300, Fail);
                    if (h.Level is < 2 or > 4)
                    {
                        Fail($"{at}.level", name, "Must be level 2, 3 or 4.");
                    }
                    break;
                case QuoteBlock q:
                    CheckRuns(q.Content, $"{at}.content", name, Fail);
                    if (q.Attribution is { Length: > 300 })
                    {
                        Fail($"{at}.attribution", $"The attribution of {Lower(name)}", "Must be at most 300 characters.");
                    }
                    break;
                case ListBlock l:
                    if (l.Items is null || l.Items.Count == 0)
                    {
                        Fail($"{at}.items", name, "Needs at least one item.");
                        break;
                    }
                    for (var item = 0; item < l.Items.Count; item++)
                    {
                        CheckRuns(l.Items[item], $"{at}.items[{item}]", $"Item {FieldMessage.Number(item)} of {Lower(name)}", Fail);
                    }
                    break;
                case ImageBlock image:
                    if (image.ImageId == Guid.Empty)
                    {
                        Fail($"{at}.imageId", name, "Needs an image from the library.");
                    }
                    CheckOptional(image.Caption, $"{at}.caption", $"The caption of {Lower(name)}", MaxShortText, Fail);
                    CheckOptional(image.Credit, $"{at}.credit", $"The credit of {Lower(name)}", 200, Fail);
                    CheckOptional(image.Alt, $"{at}.alt", $"The alt text of {Lower(name)}", 500, Fail);
                    break;
                case EmbedBlock embed:
                    if (!Links.IsWebUrl(embed.Url))
                    {
                        Fail($"{at}.url", $"The link of {Lower(name)}", "Must be an absolute http or https URL.");
                    }
                    CheckOptional(embed.Title, $"{at}.title", $"The title of {Lower(name)}", 300, Fail);
                    CheckOptional(embed.Provider, $"{at}.provider", $"The provider of {Lower(name)}", 100, Fail);
                    break;
                case SourcesBlock sources:
                    CheckSources(sources, at, name, Fail);
                    break;
            }
        }
        return ok;
    }

    /// <summary>A block as the editor numbers it: its kind and its place in the body ("Paragraph 3").</summary>
    public static string Name(Block? block, int index) => (block switch
    {
        HeadingBlock => "Heading",
        QuoteBlock => "Quote",
        ListBlock => "List",
        ImageBlock => "Image",
        EmbedBlock => "Embed",
        SourcesBlock => "Sources",
        DividerBlock => "Divider",
        ParagraphBlock => "Paragraph",
        _ => "Block",
    }) + " " + FieldMessage.Number(index);

    private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The library images a body shows, so a writer can check they exist.</summary>
    public static IEnumerable<(int Index, Guid ImageId)> Images(IReadOnlyList<Block> blocks) =>
        blocks.Select((b, i) => (b, i)).Where(x => x.b is ImageBlock).Select(x => (x.i, ((ImageBlock)x.b).ImageId));

    public const int MaxSources = 50;

    private static void CheckSources(SourcesBlock sources, string at, string name, Action<string, string, string> fail)
    {
        if (sources.Items is null || sources.Items.Count == 0)
        {
            fail($"{at}.items", name, "Needs at least one source.");
            return;
        }
        if (sources.Items.Count > MaxSources)
        {
            fail($"{at}.items", name, $"Must have at most {MaxSources} sources.");
            return;
        }
        for (var i = 0; i < sources.Items.Count; i++)
        {
            var item = $"{at}.items[{i}]";
            var itemName = $"Source {FieldMessage.Number(i)} of {Lower(name)}";
            if (sources.Items[i] is not { } source)
            {
                fail(item, itemName, "Must be a source with a title and a URL.");
                continue;
            }
            CheckText(source.Title, $"{item}.title", $"The title of {Lower(itemName)}", 300, fail);
            if (!string.IsNullOrWhiteSpace(source.Title) && TextRules.Problem(source.Title) is { } problem)
            {
                fail($"{item}.title", $"The title of {Lower(itemName)}", problem);
            }
            if (!Links.IsWebUrl(source.Url))
            {
                fail($"{item}.url", $"The link of {Lower(itemName)}", "Must be an absolute http or https URL.");
            }
            CheckOptional(source.Note, $"{item}.note", $"The note of {Lower(itemName)}", 500, fail);
        }
    }

    private static void CheckRuns(IReadOnlyList<Inline?>? runs, string at, string name, Action<string, string, string> fail)
    {
        if (runs is null || runs.Count == 0)
        {
            fail(at, name, "Needs text.");
            return;
        }
        var length = 0;
        for (var j = 0; j < runs.Count; j++)
        {
            var run = runs[j];
            var runName = $"Text run {FieldMessage.Number(j)} of {Lower(name)}";
            if (run is null)
            {
                fail($"{at}[{j}]", runName, "Must be a run of text.");
                continue;
            }
            if (string.IsNullOrEmpty(run.Text))
            {
                fail($"{at}[{j}].text", runName, "Needs text.");
            }
            length += run.Text?.Length ?? 0;
            if (run.Href is not null && Links.SafeHref(run.Href) is null)
            {
                fail($"{at}[{j}].href", $"The link in {Lower(name)}", "Must be http, https, mailto or a path on this site.");
            }
        }
        if (length > MaxTextLength)
        {
            fail(at, name, $"Must be at most {MaxTextLength} characters.");
        }
    }

    private static void CheckText(string? text, string at, string name, int max, Action<string, string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            fail(at, name, "Needs text.");
        }
        else if (text.Length > max)
        {
            fail(at, name, $"Must be at most {max} characters.");
        }
    }

    private static void CheckOptional(string? text, string at, string name, int max, Action<string, string, string> fail)
    {
        if (text is { Length: var length } && length > max)
        {
            fail(at, name, $"Must be at most {max} characters.");
        }
    }
}
