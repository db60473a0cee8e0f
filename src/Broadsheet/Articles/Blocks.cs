using System.Text.Json.Serialization;

namespace Broadsheet.Articles;

/// <summary>
/// One typed piece of an article body. Bodies are stored as a JSON array of blocks and
/// rendered by one Razor partial per block type; raw HTML is never stored.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ParagraphBlock), "paragraph")]
[JsonDerivedType(typeof(HeadingBlock), "heading")]
[JsonDerivedType(typeof(QuoteBlock), "quote")]
[JsonDerivedType(typeof(ListBlock), "list")]
[JsonDerivedType(typeof(ImageBlock), "image")]
[JsonDerivedType(typeof(EmbedBlock), "embed")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(SourcesBlock), "sources")]
public abstract record Block;

/// <summary>A run of text with the marks it carries. A paragraph is a list of runs.</summary>
public sealed record Inline(string Text, bool Bold = false, bool Italic = false, string? Href = null)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Bold { get; init; } = Bold;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Italic { get; init; } = Italic;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Href { get; init; } = Href;
}

public sealed record ParagraphBlock(IReadOnlyList<Inline> Content) : Block;

public sealed record HeadingBlock(string Text, int Level = 2) : Block;

/// <summary>A quotation; <see cref="Pull"/> marks a pull quote repeated from the text for emphasis.</summary>
public sealed record QuoteBlock(IReadOnlyList<Inline> Content, string? Attribution = null, bool Pull = false) : Block;

public sealed record ListBlock(IReadOnlyList<IReadOnlyList<Inline>> Items, bool Ordered = false) : Block;

/// <summary>An image from the library; caption, credit and alt text may be overridden for this use.</summary>
public sealed record ImageBlock(Guid ImageId, string? Caption = null, string? Credit = null, string? Alt = null) : Block;

/// <summary>
/// A reference to outside content (a post, a video). Rendered as a link card, never as a third-party
/// iframe or script, so reader pages make no third-party requests.
/// </summary>
public sealed record EmbedBlock(string Url, string? Title = null, string? Provider = null) : Block;

public sealed record DividerBlock : Block;

/// <summary>One document, study, data set or report a story relies on, which readers can open and check.</summary>
public sealed record SourceEntry(string Title, string Url, string? Note = null)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; } = Note;
}

/// <summary>
/// The sources and references behind a story (the Trust Project's citations indicator): shown as a list under the
/// heading "Sources" and named in the article's JSON-LD as <c>citation</c>.
/// </summary>
public sealed record SourcesBlock(IReadOnlyList<SourceEntry> Items) : Block;
