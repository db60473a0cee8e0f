namespace Broadsheet.Listen;

/// <summary>Text ready for a speech engine, with the map from its offsets back to <see cref="Source"/>.</summary>
public sealed record NormalisedText(string Source, string Spoken, OffsetMap Map);

/// <summary>
/// Rewrites page text so that a speech engine reads it the way a person would (numbers, dates,
/// currencies, abbreviations), keeping a map from every spoken offset back to the source.
/// One implementation per language; <see cref="TextNormalisers"/> picks one by primary subtag.
/// </summary>
public interface ITextNormaliser
{
    /// <summary>The primary language subtag this normaliser reads, e.g. <c>en</c>.</summary>
    string Language { get; }

    /// <summary>
    /// Must be pure and thread-safe. The result's map must cover the whole spoken text, and every
    /// sentence-ending mark of the source that still ends a sentence should survive so the engine pauses.
    /// </summary>
    NormalisedText Normalise(string text);
}

/// <summary>For languages without a normaliser: the engine gets the text unchanged.</summary>
public sealed class PassThroughNormaliser : ITextNormaliser
{
    public string Language => "und";

    public NormalisedText Normalise(string text) => new(text, text, OffsetMap.Identity(text.Length));
}

/// <summary>The normalisers Broadsheet knows, chosen by the primary subtag of a BCP 47 tag.</summary>
public sealed class TextNormalisers
{
    private static readonly PassThroughNormaliser PassThrough = new();
    private readonly Dictionary<string, ITextNormaliser> _byLanguage = new(StringComparer.OrdinalIgnoreCase);

    public TextNormalisers(IEnumerable<ITextNormaliser> normalisers)
    {
        foreach (var normaliser in normalisers)
        {
            _byLanguage[normaliser.Language] = normaliser;
        }
    }

    public static TextNormalisers Default { get; } = new([new EnglishNormaliser()]);

    public ITextNormaliser For(string language) =>
        _byLanguage.GetValueOrDefault(PrimarySubtag(language), PassThrough);

    public static string PrimarySubtag(string language)
    {
        var tag = language.Trim();
        var end = tag.IndexOfAny(['-', '_']);
        return (end < 0 ? tag : tag[..end]).ToLowerInvariant();
    }
}
