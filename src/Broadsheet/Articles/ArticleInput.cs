using System.Text.Json.Serialization;
using Broadsheet.Articles.BodyFormats;

namespace Broadsheet.Articles;

/// <summary>
/// An article as a client or an editor submits it, before validation. Every member is optional here so
/// that a missing field is reported by name rather than failing the whole request.
/// </summary>
public sealed record ArticleInput
{
    public string? Headline { get; init; }

    public IReadOnlyList<string?>? Summary { get; init; }

    /// <summary>The section's path, e.g. <c>asia/east-asia</c>.</summary>
    public string? Section { get; init; }

    /// <summary>Topic names, primary first; unknown names become new topics.</summary>
    public IReadOnlyList<string?>? Topics { get; init; }

    /// <summary>Contributors in byline order; unknown names become new contributors.</summary>
    public IReadOnlyList<BylineInput?>? Byline { get; init; }

    public HeroImageInput? HeroImage { get; init; }

    public BodyInput? Body { get; init; }

    /// <summary>BCP 47 tag; <c>en</c> when absent.</summary>
    public string? Language { get; init; }

    /// <summary>news, opinion, analysis, explainer, review or sponsored; news when absent.</summary>
    public string? Type { get; init; }

    public string? Dateline { get; init; }

    /// <summary>Who paid for the article: required for sponsored articles, refused for every other type.</summary>
    public string? Sponsor { get; init; }

    /// <summary>"How we reported this", plain text; paragraphs separated by blank lines.</summary>
    public string? Methods { get; init; }

    /// <summary>Overrides the slug made from the headline.</summary>
    public string? Slug { get; init; }

    /// <summary>Fictional sample content, labelled as such to readers: set by the demo seeding only, never read from a client.</summary>
    [JsonIgnore]
    public bool IsSample { get; init; }
}

public sealed record BylineInput
{
    public string? Name { get; init; }

    /// <summary>person or agency; person when absent.</summary>
    public string? Kind { get; init; }
}

/// <summary>A library image used as the hero, with caption, credit and alt text for this use (else the image's own).</summary>
public sealed record HeroImageInput
{
    public Guid? Id { get; init; }

    public string? Caption { get; init; }

    public string? Credit { get; init; }

    public string? Alt { get; init; }
}

public sealed record NoteInput
{
    /// <summary>correction or update.</summary>
    public string? Kind { get; init; }

    public string? Text { get; init; }
}

/// <summary>The lower-case names clients use for the model's enums.</summary>
public static class ContentNames
{
    public static string Of(ArticleType type) => type.ToString().ToLowerInvariant();

    public static string Of(ArticleStatus status) => status switch
    {
        ArticleStatus.InReview => "inReview",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Of(ContributorKind kind) => kind.ToString().ToLowerInvariant();

    public static string Of(NoteKind kind) => kind.ToString().ToLowerInvariant();

    public static string List<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));

    /// <summary>Parses a name case-insensitively; numbers are not names.</summary>
    public static bool TryParse<T>(string? name, out T value)
        where T : struct, Enum
    {
        value = default;
        return name is { Length: > 0 } && !char.IsAsciiDigit(name[0]) && !name.StartsWith('-') && Enum.TryParse(name.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
