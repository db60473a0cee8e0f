using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Broadsheet.Articles;
using Broadsheet.Speech;

namespace Broadsheet.Listen;

public enum PageRegion
{
    Headline,
    Summary,
    Body,
}

/// <summary>Which text of a block: its main text, a quote's attribution or an embed's title.</summary>
public enum PageField
{
    Text,
    Attribution,
    EmbedTitle,
}

/// <summary>
/// Where a script part stands on the article page. For <see cref="PageRegion.Body"/>,
/// <see cref="BlockIndex"/> and <see cref="Item"/> are those of <see cref="TextSegment"/> (the block's
/// index in the body, the item within a list). The summary is one list: <see cref="Item"/> is the
/// point's index and <see cref="BlockIndex"/> is 0. The headline is (0, 0).
/// </summary>
public readonly record struct PagePlace(PageRegion Region, int BlockIndex, int Item, PageField Field = PageField.Text);

/// <summary>A range of a part's original text, i.e. of the text shown at <see cref="Place"/>.</summary>
public readonly record struct PageLocation(PagePlace Place, TextRange Range);

/// <summary>A sentence of a part: where it is in the original and in the spoken text, and the silence after it.</summary>
public readonly record struct ScriptSentence(TextRange Original, TextRange Spoken, int PauseAfterMs);

/// <summary>Silences between pieces of an article, in milliseconds; the synthesiser inserts them.</summary>
public static class ScriptPauses
{
    public const int Sentence = 350;
    public const int ListItem = 500;
    public const int Paragraph = 750;
    public const int AfterHeadline = 1000;

    /// <summary>Before a heading and at a divider.</summary>
    public const int SectionBreak = 1200;
}

/// <summary>
/// One piece of the article to synthesise on its own: a headline, a summary point, a paragraph,
/// a heading, a quote or its attribution, a list item or an embed's title.
/// </summary>
public sealed class ScriptPart
{
    private readonly NormalisedText _text;

    internal ScriptPart(PagePlace place, NormalisedText text, int pauseAfterMs)
    {
        Place = place;
        _text = text;
        PauseAfterMs = pauseAfterMs;
        var sentences = SentenceSplitter.Split(text.Source).Select(s => new TextRange(s.Start, s.End)).ToList();
        Sentences = [.. sentences.Select((range, i) => new ScriptSentence(
            range,
            text.Map.ToSpoken(range),
            i == sentences.Count - 1 ? 0 : ScriptPauses.Sentence))];
    }

    public PagePlace Place { get; }

    /// <summary>The text as it stands on the page (the block's plain-text projection).</summary>
    public string Text => _text.Source;

    /// <summary>What the engine is given. Offsets the engine reports are UTF-16 offsets into this string.</summary>
    public string Spoken => _text.Spoken;

    public OffsetMap Map => _text.Map;

    public IReadOnlyList<ScriptSentence> Sentences { get; }

    /// <summary>Silence after this part; 0 after the last.</summary>
    public int PauseAfterMs { get; }

    /// <summary>
    /// The page word behind the spoken word at <paramref name="spokenOffset"/> (the offset of an
    /// engine's word mark): the spoken word is the run of non-space characters around the offset,
    /// less surrounding punctuation, and the result is every original character it was made from.
    /// For "twelve million pounds" made from "£12m", each of the three words locates "£12m".
    /// </summary>
    public PageLocation Locate(int spokenOffset) => new(Place, Map.ToOriginal(SpokenWordAt(spokenOffset)));

    /// <summary>The page text behind a spoken range, for engines that report a word's length too.</summary>
    public PageLocation Locate(int spokenOffset, int spokenLength) =>
        new(Place, Map.ToOriginal(Trim(new TextRange(spokenOffset, spokenOffset + Math.Max(1, spokenLength)))));

    /// <summary>The sentence whose spoken range holds <paramref name="spokenOffset"/>, for sentence highlighting.</summary>
    public ScriptSentence? SentenceAt(int spokenOffset) =>
        Sentences.Cast<ScriptSentence?>().FirstOrDefault(s => s!.Value.Spoken.Start <= spokenOffset && spokenOffset < s.Value.Spoken.End);

    public TextRange SpokenWordAt(int spokenOffset)
    {
        var spoken = Spoken;
        if (spoken.Length == 0)
        {
            return default;
        }
        var at = Math.Clamp(spokenOffset, 0, spoken.Length - 1);
        while (at < spoken.Length - 1 && char.IsWhiteSpace(spoken[at]))
        {
            at++;
        }
        var start = at;
        while (start > 0 && !char.IsWhiteSpace(spoken[start - 1]))
        {
            start--;
        }
        var end = at;
        while (end < spoken.Length && !char.IsWhiteSpace(spoken[end]))
        {
            end++;
        }
        return Trim(new TextRange(start, end));
    }

    private TextRange Trim(TextRange range)
    {
        var spoken = Spoken;
        var (start, end) = (Math.Clamp(range.Start, 0, spoken.Length), Math.Clamp(range.End, 0, spoken.Length));
        while (start < end && IsEdge(spoken[start]))
        {
            start++;
        }
        while (end > start && IsEdge(spoken[end - 1]))
        {
            end--;
        }
        return start < end ? new TextRange(start, end) : range;
    }

    private static bool IsEdge(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c);
}

/// <summary>
/// What the listen player reads for an article, in order: the headline, each summary point, then
/// the body's paragraphs, headings, quotes (each followed by its attribution, if any), list items
/// one by one and embeds' titles. Not read: images and their captions (they describe what the
/// listener cannot see, and captions often repeat the text), pull quotes (they repeat the text),
/// embeds' addresses and providers, dividers (heard as a longer pause), and ads, which are never
/// part of an article's blocks.
/// </summary>
public sealed class AudioScript
{
    /// <summary>Bump when audio must be regenerated although no spoken text changed.</summary>
    public const int Version = 1;

    private AudioScript(string language, IReadOnlyList<ScriptPart> parts)
    {
        Language = language;
        Parts = parts;
        CanonicalText = Canonical(language, parts);
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText)));
    }

    /// <summary>The article's BCP 47 language tag, lower-cased.</summary>
    public string Language { get; }

    public IReadOnlyList<ScriptPart> Parts { get; }

    /// <summary>
    /// Everything the listener hears, in one string: the version, the language, and each part's
    /// pause and spoken text. Page-only changes (marks, links, images, captions, a "Mr" that becomes
    /// "Mr.") leave it unchanged.
    /// </summary>
    public string CanonicalText { get; }

    /// <summary>SHA-256 of <see cref="CanonicalText"/>, lower-case hex: audio is stale exactly when this changes.</summary>
    public string Fingerprint { get; }

    public static AudioScript Build(Article article, TextNormalisers? normalisers = null) =>
        Build(article.Headline, article.Summary, article.Body, article.Language, normalisers);

    public static AudioScript Build(string headline, IReadOnlyList<string> summary, IReadOnlyList<Block> body, string language, TextNormalisers? normalisers = null)
    {
        var normaliser = (normalisers ?? TextNormalisers.Default).For(language);
        var parts = new List<(PagePlace Place, NormalisedText Text, int Pause)>();

        void Add(PagePlace place, string? text, int pause)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }
            var normalised = normaliser.Normalise(text);
            if (normalised.Spoken.Length > 0)
            {
                parts.Add((place, normalised, pause));
            }
        }

        void LengthenLastPause(int pause)
        {
            if (parts.Count > 0 && parts[^1].Pause < pause)
            {
                parts[^1] = parts[^1] with { Pause = pause };
            }
        }

        Add(new PagePlace(PageRegion.Headline, 0, 0), headline, ScriptPauses.AfterHeadline);
        for (var point = 0; point < summary.Count; point++)
        {
            Add(new PagePlace(PageRegion.Summary, 0, point), summary[point], ScriptPauses.ListItem);
        }
        LengthenLastPause(ScriptPauses.AfterHeadline);

        var segments = PlainText.Segments(body).ToLookup(s => s.BlockIndex);
        for (var i = 0; i < body.Count; i++)
        {
            var place = new PagePlace(PageRegion.Body, i, 0);
            switch (body[i])
            {
                case DividerBlock:
                    LengthenLastPause(ScriptPauses.SectionBreak);
                    break;
                case HeadingBlock:
                    LengthenLastPause(ScriptPauses.SectionBreak);
                    AddSegments(i);
                    break;
                case QuoteBlock { Pull: true }:
                    break;
                case QuoteBlock quote:
                    var attributed = !string.IsNullOrWhiteSpace(quote.Attribution);
                    AddSegments(i, attributed ? ScriptPauses.Sentence : ScriptPauses.Paragraph);
                    if (attributed)
                    {
                        Add(place with { Field = PageField.Attribution }, quote.Attribution, ScriptPauses.Paragraph);
                    }
                    break;
                case ListBlock:
                    AddSegments(i, ScriptPauses.ListItem);
                    LengthenLastPause(ScriptPauses.Paragraph);
                    break;
                case EmbedBlock embed:
                    Add(place with { Field = PageField.EmbedTitle }, embed.Title, ScriptPauses.Paragraph);
                    break;
                case ParagraphBlock:
                    AddSegments(i);
                    break;
            }
        }

        void AddSegments(int block, int pause = ScriptPauses.Paragraph)
        {
            foreach (var segment in segments[block])
            {
                Add(new PagePlace(PageRegion.Body, block, segment.Item), segment.Text, pause);
            }
        }

        var script = parts.Select((p, i) => new ScriptPart(p.Place, p.Text, i == parts.Count - 1 ? 0 : p.Pause)).ToList();
        return new AudioScript(language.Trim().ToLowerInvariant(), script);
    }

    /// <summary>Maps an engine's word mark at <paramref name="spokenOffset"/> in part <paramref name="partIndex"/> to the page.</summary>
    public PageLocation Locate(int partIndex, int spokenOffset) => Parts[partIndex].Locate(spokenOffset);

    private static string Canonical(string language, IReadOnlyList<ScriptPart> parts)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"broadsheet-audio-script/{Version}\n{language}\n");
        foreach (var part in parts)
        {
            // The length prefix keeps the form unambiguous even if spoken text holds a line break.
            text.Append(CultureInfo.InvariantCulture, $"{part.PauseAfterMs}\t{part.Spoken.Length}\t{part.Spoken}\n");
        }
        return text.ToString();
    }
}
