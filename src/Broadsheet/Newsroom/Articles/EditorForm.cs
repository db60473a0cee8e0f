using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;

namespace Broadsheet.Newsroom.Articles;

/// <summary>A contributor row of the byline fieldset; rows without a name are ignored.</summary>
public sealed class BylineRow
{
    public string? Name { get; set; }

    public string Kind { get; set; } = "person";
}

/// <summary>
/// One block of the body as a fieldset: <see cref="Type"/> says which fields count. Paragraph and quote text,
/// and each line of a list, are written in <see cref="InlineText"/> markup.
/// </summary>
public sealed class BlockRow
{
    public static readonly IReadOnlyList<string> Types = ["paragraph", "heading", "quote", "list", "image", "embed", "divider", "sources"];

    public string Type { get; set; } = "paragraph";

    public string? Text { get; set; }

    public int Level { get; set; } = 2;

    public string? Attribution { get; set; }

    public bool Pull { get; set; }

    public bool Ordered { get; set; }

    public Guid? ImageId { get; set; }

    public string? Caption { get; set; }

    public string? Credit { get; set; }

    public string? Alt { get; set; }

    public string? Url { get; set; }

    public string? Title { get; set; }

    public string? Provider { get; set; }

    public static BlockRow From(Block block) => block switch
    {
        ParagraphBlock p => new() { Type = "paragraph", Text = InlineText.Format(p.Content) },
        HeadingBlock h => new() { Type = "heading", Text = h.Text, Level = h.Level },
        QuoteBlock q => new() { Type = "quote", Text = InlineText.Format(q.Content), Attribution = q.Attribution, Pull = q.Pull },
        ListBlock l => new() { Type = "list", Text = string.Join('\n', l.Items.Select(InlineText.Format)), Ordered = l.Ordered },
        ImageBlock i => new() { Type = "image", ImageId = i.ImageId, Caption = i.Caption, Credit = i.Credit, Alt = i.Alt },
        EmbedBlock e => new() { Type = "embed", Url = e.Url, Title = e.Title, Provider = e.Provider },
        SourcesBlock s => new() { Type = "sources", Text = SourceLines.Format(s.Items) },
        _ => new() { Type = "divider" },
    };

    /// <summary>The block these fields describe. Blank text stays blank, so validation names the empty block.</summary>
    public Block ToBlock() => Type switch
    {
        "heading" => new HeadingBlock(Text?.Trim() ?? "", Level),
        "quote" => new QuoteBlock(InlineText.Parse(Text), Blank(Attribution), Pull),
        "list" => new ListBlock([.. (Text ?? "").Split('\n').Select(InlineText.Parse).Where(item => item.Count > 0)], Ordered),
        "image" => new ImageBlock(ImageId ?? Guid.Empty, Blank(Caption), Blank(Credit), Blank(Alt)),
        "embed" => new EmbedBlock((Url ?? "").Trim(), Blank(Title), Blank(Provider)),
        "divider" => new DividerBlock(),
        "sources" => new SourcesBlock(SourceLines.Parse(Text)),
        _ => new ParagraphBlock(InlineText.Parse(Text)),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// A sources block as the no-script form writes it: one source a line, <c>Title | https://… | note</c> (the note optional).
/// The URL is the part that is a web address, so a title may hold a bar; a line without one keeps an empty URL, which
/// the writer names.
/// </summary>
public static class SourceLines
{
    public static string Format(IReadOnlyList<SourceEntry> items) =>
        string.Join('\n', items.Select(s => s.Note is null ? $"{s.Title} | {s.Url}" : $"{s.Title} | {s.Url} | {s.Note}"));

    public static List<SourceEntry> Parse(string? text)
    {
        var items = new List<SourceEntry>();
        foreach (var line in (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var parts = line.Split('|').Select(p => p.Trim()).ToList();
            var at = parts.FindIndex(Links.IsWebUrl);
            if (at < 0)
            {
                items.Add(new SourceEntry(line, ""));
                continue;
            }
            var note = string.Join(" | ", parts.Skip(at + 1)).Trim();
            items.Add(new SourceEntry(string.Join(" | ", parts.Take(at)).Trim(), parts[at], note.Length == 0 ? null : note));
        }
        return items;
    }
}

/// <summary>
/// The article editor's form, field for field, bound from a plain HTML post (it works without JavaScript) and
/// stored as JSON for autosave. Converts to the <see cref="ArticleInput"/> the admin API takes, so both go
/// through the same validation.
/// </summary>
public sealed partial class EditorForm
{
    public const int BlankBylineRows = 1;

    public int Version { get; set; }

    public string? Headline { get; set; }

    /// <summary>One summary point a line.</summary>
    public string? Summary { get; set; }

    public string? Section { get; set; }

    /// <summary>Topic names separated by commas, primary first.</summary>
    public string? Topics { get; set; }

    public List<BylineRow> Byline { get; set; } = [];

    public string Type { get; set; } = "news";

    public string Language { get; set; } = "en";

    public string? Dateline { get; set; }

    public string? Sponsor { get; set; }

    /// <summary>"How we reported this".</summary>
    public string? Methods { get; set; }

    public string? Slug { get; set; }

    public Guid? HeroImageId { get; set; }

    public string? HeroCaption { get; set; }

    public string? HeroCredit { get; set; }

    public string? HeroAlt { get; set; }

    public List<BlockRow> Blocks { get; set; } = [];

    /// <summary>A <c>datetime-local</c> value in the publication's time zone, for scheduling.</summary>
    public string? ScheduleFor { get; set; }

    /// <summary>
    /// The body as block JSON, posted by the browser's block editor in place of the block fields; see
    /// <see cref="AbsorbBodyJson"/>. Never kept: it becomes <see cref="Blocks"/>.
    /// </summary>
    public string? BodyJson { get; set; }

    /// <summary>The editor saw the publishing checklist's warnings and publishes anyway.</summary>
    public bool PublishPastWarnings { get; set; }

    public static EditorForm From(ArticleSnapshot s, int version) => new()
    {
        Version = version,
        Headline = s.Headline,
        Summary = string.Join('\n', s.Summary),
        Section = s.Section,
        Topics = string.Join(", ", s.Topics),
        Byline = [.. s.Byline.Select(c => new BylineRow { Name = c.Name, Kind = c.Kind })],
        Type = s.Type,
        Language = s.Language,
        Dateline = s.Dateline,
        Sponsor = s.Sponsor,
        Methods = s.Methods,
        Slug = s.Slug,
        HeroImageId = s.HeroImageId,
        HeroCaption = s.HeroCaption,
        HeroCredit = s.HeroCredit,
        HeroAlt = s.HeroAlt,
        Blocks = [.. s.Body.Select(BlockRow.From)],
    };

    public static EditorForm Blank(string? section) => new() { Version = 0, Section = section, Blocks = [new BlockRow()] };

    public ArticleInput ToInput() => new()
    {
        Headline = Headline,
        Summary = [.. Lines(Summary)],
        Section = Section,
        Topics = [.. (Topics ?? "").Split(',').Select(t => t.Trim()).Where(t => t.Length > 0)],
        Byline = [.. Byline.Where(b => !string.IsNullOrWhiteSpace(b.Name)).Select(b => new BylineInput { Name = b.Name, Kind = b.Kind })],
        HeroImage = HeroImageId is null ? null : new HeroImageInput { Id = HeroImageId, Caption = HeroCaption, Credit = HeroCredit, Alt = HeroAlt },
        Body = new BodyInput(Blocks: [.. Blocks.Select(b => b.ToBlock())]),
        Language = Language,
        Type = Type,
        Dateline = Dateline,
        Sponsor = Sponsor,
        Methods = Methods,
        Slug = string.IsNullOrWhiteSpace(Slug) ? null : Slug,
    };

    /// <summary>The form's content as a snapshot, to compare with a saved version (a conflict, a revision).</summary>
    public ArticleSnapshot ToSnapshot() => new(
        Headline?.Trim() ?? "",
        Lines(Summary),
        Section ?? "",
        [.. (Topics ?? "").Split(',').Select(t => t.Trim()).Where(t => t.Length > 0)],
        [.. Byline.Where(b => !string.IsNullOrWhiteSpace(b.Name)).Select(b => new SnapshotContributor(b.Name!.Trim(), b.Kind))],
        Type,
        Language,
        string.IsNullOrWhiteSpace(Dateline) ? null : Dateline.Trim(),
        string.IsNullOrWhiteSpace(Slug) ? Slugs.From(Headline ?? "") : Slug.Trim(),
        HeroImageId,
        HeroCaption,
        HeroCredit,
        HeroAlt,
        [.. Blocks.Select(b => b.ToBlock())],
        string.IsNullOrWhiteSpace(Sponsor) ? null : Sponsor.Trim(),
        string.IsNullOrWhiteSpace(Methods) ? null : Methods.Trim());

    /// <summary>
    /// Turns the block editor's JSON into the block rows the form and its validation work with. False (and the rows
    /// left as they were) when the JSON is not a list of blocks.
    /// </summary>
    public bool AbsorbBodyJson()
    {
        if (BodyJson is null)
        {
            return true;
        }
        List<Block?>? blocks;
        try
        {
            blocks = JsonSerializer.Deserialize<List<Block?>>(BodyJson, BroadsheetDb.Json);
        }
        catch (JsonException)
        {
            blocks = null;
        }
        catch (NotSupportedException)
        {
            blocks = null;
        }
        BodyJson = null;
        if (blocks is null)
        {
            return false;
        }
        Blocks = [.. blocks.OfType<Block>().Select(BlockRow.From)];
        return true;
    }

    public string ToJson() => JsonSerializer.Serialize(this, BroadsheetDb.Json);

    public static EditorForm? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<EditorForm>(json, BroadsheetDb.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Applies an editing command from a submit button: <c>up:3</c>, <c>down:3</c>, <c>delete:3</c>,
    /// <c>add:heading</c>, <c>add-byline</c>. True when it was one (the form is shown again, nothing saved).
    /// </summary>
    public bool ApplyEditCommand(string? command)
    {
        if (command == "add-byline")
        {
            Byline.Add(new BylineRow());
            return true;
        }
        var match = BlockCommand().Match(command ?? "");
        if (!match.Success)
        {
            return false;
        }
        var verb = match.Groups[1].Value;
        var argument = match.Groups[2].Value;
        if (verb == "add")
        {
            if (BlockRow.Types.Contains(argument))
            {
                Blocks.Add(new BlockRow { Type = argument });
            }
            return true;
        }
        if (!int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 0 || index >= Blocks.Count)
        {
            return true;
        }
        switch (verb)
        {
            case "up" when index > 0:
                (Blocks[index - 1], Blocks[index]) = (Blocks[index], Blocks[index - 1]);
                break;
            case "down" when index < Blocks.Count - 1:
                (Blocks[index + 1], Blocks[index]) = (Blocks[index], Blocks[index + 1]);
                break;
            case "delete":
                Blocks.RemoveAt(index);
                break;
        }
        return true;
    }

    /// <summary>
    /// The form field an <see cref="ArticleWriter"/> error names (<c>body.blocks[3].content[0].href</c> →
    /// <c>Form.Blocks[3].Text</c>), so each message shows beside what the user typed.
    /// </summary>
    public static string FieldFor(string apiField, string prefix = "Form")
    {
        var match = ApiField().Match(apiField);
        if (!match.Success)
        {
            return prefix;
        }
        var root = match.Groups[1].Value;
        var index = match.Groups[2].Success ? match.Groups[2].Value : null;
        var rest = match.Groups[3].Value;
        var field = root switch
        {
            "headline" => "Headline",
            "summary" => "Summary",
            "section" => "Section",
            "topics" => "Topics",
            "byline" when index is not null => $"Byline[{index}].Name",
            "byline" => "Byline",
            "heroImage" => rest.StartsWith(".caption", StringComparison.Ordinal) ? "HeroCaption"
                : rest.StartsWith(".credit", StringComparison.Ordinal) ? "HeroCredit"
                : rest.StartsWith(".alt", StringComparison.Ordinal) ? "HeroAlt" : "HeroImageId",
            "language" => "Language",
            "type" => "Type",
            "dateline" => "Dateline",
            "sponsor" => "Sponsor",
            "methods" => "Methods",
            "slug" => "Slug",
            "body" => BodyField(rest),
            _ => null,
        };
        return field is null ? prefix : $"{prefix}.{field}";
    }

    private static string BodyField(string rest)
    {
        var match = BlockField().Match(rest);
        if (!match.Success)
        {
            return "Blocks";
        }
        var index = match.Groups[1].Value;
        var field = match.Groups[2].Value switch
        {
            "imageId" => "ImageId",
            "caption" => "Caption",
            "credit" => "Credit",
            "alt" => "Alt",
            "url" => "Url",
            "title" => "Title",
            "provider" => "Provider",
            "attribution" => "Attribution",
            _ => "Text",
        };
        return $"Blocks[{index}].{field}";
    }

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    [GeneratedRegex(@"^(up|down|delete|add):([a-z0-9]+)$")]
    private static partial Regex BlockCommand();

    [GeneratedRegex(@"^([a-zA-Z]+)(?:\[(\d+)\])?(.*)$")]
    private static partial Regex ApiField();

    [GeneratedRegex(@"^\.blocks\[(\d+)\](?:\.([a-zA-Z]+))?")]
    private static partial Regex BlockField();
}
