namespace Broadsheet.Speech;

/// <summary>
/// Finds sentences in text: for the audio script's sentence pauses and highlighting, and for engines that
/// synthesise one utterance at a time. A full stop ends a sentence unless it closes a known abbreviation
/// ("Mr.", "e.g.", "Jan. 12", "No. 10"), an initial ("J. K. Rowling"), or a dotted initialism or company
/// suffix that the next word shows to be mid-sentence ("the U.S. economy", "Acme Inc. Chief Executive"; but
/// "Acme Inc. The company"), and never when the next word starts in lower case. Decimals ("3.5") and web
/// addresses have no space after the point, so they never split. The full-width stops of Chinese and
/// Japanese (。！？) end a sentence with no space after them, and a blank line ends one with no stop at all.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> NeverEnd = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Capt",
        "Sgt", "Cpl", "Maj", "Adm", "Rev", "Fr", "Mt", "Hon", "Pres", "Supt", "Insp", "Messrs",
        "vs", "v", "approx", "incl", "cf", "viz", "ca", "c", "Fig", "fig", "Vol", "vol", "Ch", "ch",
        "pp", "p", "Nos", "Ft", "Pt", "Ave",
    };

    // Only mid-sentence when a number follows: "No. 10", "Jan. 12" but "... said no. Then ...".
    private static readonly HashSet<string> BeforeNumbers = new(StringComparer.Ordinal)
    {
        "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Art", "art", "Sec", "sec",
    };

    // Often the last word of a sentence and often followed by a name, like a dotted initialism: they end a
    // sentence only before a word that usually starts one.
    private static readonly HashSet<string> BeforeNames = new(StringComparer.Ordinal)
    {
        "Inc", "Ltd", "Co", "Corp", "Bros", "Dept", "Jr", "Sr",
    };

    // After a dotted initialism ("U.S.") a capital is usually a name; these words usually start a sentence.
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "Yet",
        "In", "On", "At", "By", "For", "With", "From", "To", "As", "If", "When", "While", "After",
        "Before", "Since", "This", "That", "These", "Those", "There", "Here", "His", "Her", "Its",
        "Their", "Our", "My", "Your", "What", "Who", "Why", "How", "Where", "Which", "Some", "Many",
        "Most", "Such", "Still", "However", "Meanwhile", "Officials", "Analysts", "Critics", "Both",
        "Neither", "Nor", "Now", "Then", "Last", "Next", "Earlier", "Later", "According",
    };

    /// <summary>
    /// Sentences of <paramref name="text"/>, as half-open ranges <c>[Start, End)</c> of UTF-16 offsets, trimmed
    /// of surrounding whitespace; none is empty.
    /// </summary>
    public static IReadOnlyList<(int Start, int End)> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<(int Start, int End)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' && IsBlankLineAhead(text, i))
            {
                Add(text, start, i, sentences);
                start = i + 1;
                continue;
            }
            if (!IsTerminator(text[i]))
            {
                continue;
            }
            var end = i + 1;
            while (end < text.Length && IsTerminator(text[end]))
            {
                end++;
            }
            var last = end - 1;
            while (end < text.Length && IsCloser(text[end]))
            {
                end++;
            }
            if (EndsSentenceAt(text, last))
            {
                Add(text, start, end, sentences);
                start = end;
            }
            i = end - 1;
        }
        Add(text, start, text.Length, sentences);
        return sentences;
    }

    /// <summary>
    /// Whether the terminator at <paramref name="index"/> (a '.', '!', '?', '…', '。', '！' or '？', the last of
    /// a run) ends a sentence. The English normaliser asks this too, to keep the full stop of an abbreviation
    /// it expands ("etc.") only when it really ends the sentence.
    /// </summary>
    public static bool EndsSentenceAt(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var after = index + 1;
        while (after < text.Length && IsCloser(text[after]))
        {
            after++;
        }
        if (after == text.Length || IsFullWidthTerminator(text[index]))
        {
            return true;
        }
        if (!char.IsWhiteSpace(text[after]))
        {
            return false;
        }
        var next = SkipSpace(text, after);
        if (next == text.Length)
        {
            return true;
        }
        var nextChar = NextWordStart(text, next);
        if (nextChar < text.Length && char.IsLower(text[nextChar]))
        {
            return false;
        }
        if (text[index] != '.' || (index > 0 && text[index - 1] == '.'))
        {
            return true;
        }

        var wordStart = index;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }
        var word = text[wordStart..index];
        if (word.Length == 0)
        {
            return true;
        }
        var nextIsNumber = nextChar < text.Length && char.IsAsciiDigit(text[nextChar]);
        if (NeverEnd.Contains(word) || (nextIsNumber && BeforeNumbers.Contains(word)))
        {
            return false;
        }
        if (word.Contains('.'))
        {
            var lower = word.ToLowerInvariant();
            if (lower is "e.g" or "i.e")
            {
                return false;
            }
            if (lower is "a.m" or "p.m")
            {
                return true;
            }
            return SentenceStarters.Contains(WordAt(text, nextChar));
        }
        if (BeforeNames.Contains(word))
        {
            return SentenceStarters.Contains(WordAt(text, nextChar));
        }
        // An initial: a lone capital, as in "J. K. Rowling".
        return !(word.Length == 1 && char.IsUpper(word[0]));
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…' || IsFullWidthTerminator(c);

    private static bool IsFullWidthTerminator(char c) => c is '。' or '！' or '？';

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '»' or '」' or '』' or '）';

    private static void Add(string text, int start, int end, List<(int Start, int End)> sentences)
    {
        start = SkipSpace(text, start);
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        if (end > start)
        {
            sentences.Add((start, end));
        }
    }

    private static bool IsBlankLineAhead(string text, int newline)
    {
        for (var j = newline + 1; j < text.Length; j++)
        {
            if (text[j] == '\n')
            {
                return true;
            }
            if (!char.IsWhiteSpace(text[j]))
            {
                return false;
            }
        }
        return false;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i;
    }

    private static int NextWordStart(string text, int i)
    {
        while (i < text.Length && !char.IsLetterOrDigit(text[i]) && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i;
    }

    private static string WordAt(string text, int i)
    {
        var end = i;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }
        return text[i..end];
    }
}
