namespace Broadsheet.Speech;

/// <summary>A light sentence splitter for engines that synthesise one utterance at a time.</summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "rev", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
        "vs", "etc", "e.g", "i.e", "no", "nos", "fig", "approx", "inc", "ltd", "co", "corp", "dept", "est", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "u.s", "u.k", "a.m", "p.m",
    };

    /// <summary>Splits <paramref name="text"/> into trimmed, non-empty sentence ranges (UTF-16 start, length).</summary>
    public static List<(int Start, int Length)> Split(string text)
    {
        var result = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var boundary = -1;
            if (c is '\n' && i + 1 < text.Length && IsBlankLineAhead(text, i))
            {
                boundary = i;
            }
            else if (c is '.' or '!' or '?' or '…' or '。' or '！' or '？')
            {
                var end = i + 1;
                while (end < text.Length && (text[end] is '.' or '!' or '?' or '…' or '"' or '\'' or ')' or ']' or '”' or '’' or '»'))
                {
                    end++;
                }

                var fullWidth = c is '。' or '！' or '？';
                var atEnd = end >= text.Length;
                if (atEnd || fullWidth || (char.IsWhiteSpace(text[end]) && StartsSentence(text, end)))
                {
                    if (c != '.' || !IsAbbreviation(text, i))
                    {
                        boundary = end - 1;
                    }
                }

                i = end - 1;
            }

            if (boundary >= 0)
            {
                Add(text, start, boundary + 1, result);
                start = boundary + 1;
            }
        }

        Add(text, start, text.Length, result);
        return result;
    }

    private static void Add(string text, int start, int end, List<(int, int)> result)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            result.Add((start, end - start));
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

    private static bool StartsSentence(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            return true;
        }

        var c = text[i];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\'' or '“' or '‘' or '(' or '[' or '«' || !char.IsLetter(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.OtherLetter;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var s = dot;
        while (s > 0 && !char.IsWhiteSpace(text[s - 1]) && text[s - 1] is not ('(' or '"' or '“'))
        {
            s--;
        }

        var word = text[s..dot];
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // an initial, as in "J. Smith"
        }

        return Abbreviations.Contains(word);
    }
}
