using System.Text;

namespace Broadsheet.Listen;

/// <summary>A half-open range <c>[Start, End)</c> of UTF-16 offsets into a string.</summary>
public readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;

    public string Of(string text) => text[Start..End];

    public override string ToString() => $"[{Start}, {End})";
}

/// <summary>
/// One stretch of spoken text and the stretch of original text it was made from. A verbatim span
/// was copied character for character, so it maps character by character; any other span (a
/// number read out, an abbreviation expanded, collapsed whitespace) maps as a whole.
/// </summary>
public readonly record struct MappedSpan(TextRange Spoken, TextRange Original, bool Verbatim);

/// <summary>
/// Maps offsets in spoken text back to the original text it was made from, and original ranges
/// forward to spoken ones. Spans cover the spoken text end to end, in order, and their original
/// ranges never go backwards, so both directions are binary searches.
/// </summary>
public sealed class OffsetMap
{
    private readonly MappedSpan[] _spans;

    public OffsetMap(IEnumerable<MappedSpan> spans)
    {
        _spans = [.. spans];
        var spoken = 0;
        var original = 0;
        foreach (var span in _spans)
        {
            if (span.Spoken.Start != spoken || span.Spoken.End < span.Spoken.Start)
            {
                throw new ArgumentException("Spans must cover the spoken text contiguously, in order.", nameof(spans));
            }
            if (span.Original.Start < original || span.Original.End < span.Original.Start)
            {
                throw new ArgumentException("Original ranges must not go backwards.", nameof(spans));
            }
            if (span.Verbatim && span.Spoken.Length != span.Original.Length)
            {
                throw new ArgumentException("A verbatim span has the same length on both sides.", nameof(spans));
            }
            spoken = span.Spoken.End;
            original = span.Original.End;
        }
        SpokenLength = spoken;
    }

    public int SpokenLength { get; }

    public IReadOnlyList<MappedSpan> Spans => _spans;

    public static OffsetMap Identity(int length) =>
        new(length == 0 ? [] : [new MappedSpan(new(0, length), new(0, length), Verbatim: true)]);

    /// <summary>
    /// The original text that a spoken range was made from: the union of what every span it touches
    /// came from (verbatim spans clipped to the characters touched). Spans made from nothing, such as
    /// a space inserted between two read-out tokens, count only when nothing else is touched.
    /// </summary>
    public TextRange ToOriginal(TextRange spoken)
    {
        if (_spans.Length == 0)
        {
            return default;
        }
        var start = Math.Clamp(spoken.Start, 0, SpokenLength);
        var end = Math.Clamp(Math.Max(spoken.End, start + 1), 0, SpokenLength);
        var first = SpanAt(start);
        int? from = null;
        var to = 0;
        for (var i = first; i < _spans.Length && _spans[i].Spoken.Start < end; i++)
        {
            var range = OriginalPart(_spans[i], start, end);
            if (range.IsEmpty)
            {
                continue;
            }
            from ??= range.Start;
            to = range.End;
        }
        if (from is { } f)
        {
            return new TextRange(f, to);
        }
        var at = _spans[first].Original.Start;
        return new TextRange(at, at);
    }

    /// <summary>The original range behind the single spoken character at <paramref name="spokenOffset"/>.</summary>
    public TextRange ToOriginal(int spokenOffset) => ToOriginal(new TextRange(spokenOffset, spokenOffset + 1));

    /// <summary>The spoken text made from (any part of) an original range.</summary>
    public TextRange ToSpoken(TextRange original)
    {
        int? from = null;
        var to = 0;
        foreach (var span in _spans)
        {
            if (span.Original.Start >= original.End)
            {
                break;
            }
            if (span.Original.IsEmpty || span.Original.End <= original.Start)
            {
                continue;
            }
            var spoken = span.Verbatim
                ? new TextRange(
                    span.Spoken.Start + Math.Max(0, original.Start - span.Original.Start),
                    span.Spoken.End - Math.Max(0, span.Original.End - original.End))
                : span.Spoken;
            from ??= spoken.Start;
            to = spoken.End;
        }
        if (from is { } f)
        {
            return new TextRange(f, to);
        }
        var next = _spans.FirstOrDefault(s => s.Original.Start >= original.Start, new MappedSpan(new(SpokenLength, SpokenLength), default, false));
        return new TextRange(next.Spoken.Start, next.Spoken.Start);
    }

    private static TextRange OriginalPart(MappedSpan span, int spokenStart, int spokenEnd)
    {
        if (!span.Verbatim)
        {
            return span.Original;
        }
        var from = Math.Max(spokenStart, span.Spoken.Start) - span.Spoken.Start;
        var to = Math.Min(spokenEnd, span.Spoken.End) - span.Spoken.Start;
        return new TextRange(span.Original.Start + from, span.Original.Start + to);
    }

    private int SpanAt(int spokenOffset)
    {
        int lo = 0, hi = _spans.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_spans[mid].Spoken.Start <= spokenOffset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo;
    }
}

/// <summary>
/// Writes spoken text piece by piece, remembering for each piece the original text it came from.
/// A normaliser walks its source left to right and either keeps a stretch verbatim, says something
/// in place of a stretch, or marks whitespace (collapsed to one space, dropped at either end).
/// </summary>
public sealed class SpokenTextBuilder(string source)
{
    private readonly StringBuilder _spoken = new();
    private readonly List<MappedSpan> _spans = [];

    public string Source { get; } = source;

    public void Keep(int start, int end)
    {
        if (end > start)
        {
            Append(Source[start..end], start, end, verbatim: true);
        }
    }

    public void Say(string spoken, int start, int end)
    {
        if (spoken.Length > 0)
        {
            Append(spoken, start, end, verbatim: spoken.Length == end - start && string.CompareOrdinal(spoken, 0, Source, start, spoken.Length) == 0);
        }
    }

    public void Space(int start, int end)
    {
        if (_spoken.Length > 0 && _spoken[^1] != ' ')
        {
            Add(" ", start, end, verbatim: end - start == 1 && Source[start] == ' ');
        }
    }

    public NormalisedText Build()
    {
        if (_spoken.Length > 0 && _spoken[^1] == ' ')
        {
            _spoken.Length--;
            _spans.RemoveAt(_spans.Count - 1);
        }
        return new NormalisedText(Source, _spoken.ToString(), new OffsetMap(_spans));
    }

    private void Append(string spoken, int start, int end, bool verbatim)
    {
        // Two read-out tokens that touched in the source ("G" "20", "M" "&" "S") must not run together.
        if (_spoken.Length > 0 && char.IsLetterOrDigit(_spoken[^1]) && char.IsLetterOrDigit(spoken[0]))
        {
            Add(" ", start, start, verbatim: false);
        }
        Add(spoken, start, end, verbatim);
    }

    private void Add(string spoken, int start, int end, bool verbatim)
    {
        var at = _spoken.Length;
        _spoken.Append(spoken);
        _spans.Add(new MappedSpan(new(at, _spoken.Length), new(start, end), verbatim));
    }
}
