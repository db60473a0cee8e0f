using System.Globalization;
using System.Text;

namespace Broadsheet.Search;

/// <summary>
/// Words as search sees them, the same for what is indexed and what a reader types. Neither database's tokenizer
/// segments Chinese or Japanese (a sentence is one long "word" to both), so runs of Han, kana and Hangul become
/// overlapping two-character grams ("谈判桌上" → "谈判 判桌 桌上"): a two-character word is then found anywhere in a
/// sentence, and a longer one as a phrase of its grams, on SQLite's FTS5 and PostgreSQL's parser alike.
/// </summary>
public static class SearchText
{
    /// <summary>Text to index: the original with every CJK run replaced by its grams (spaced off from the words around it).</summary>
    public static string ForIndex(string text)
    {
        if (!HasCjk(text))
        {
            return Clean(text);
        }
        var result = new StringBuilder(text.Length * 3);
        var run = new List<string>();
        foreach (var element in Elements(text))
        {
            if (IsCjk(element))
            {
                run.Add(element);
                continue;
            }
            AppendGrams(result, run);
            result.Append(Clean(element));
        }
        AppendGrams(result, run);
        return result.ToString();
    }

    /// <summary>
    /// The words of a piece of query text, in order: runs of letters, digits and marks (everything else separates
    /// words), and each CJK run as its grams, so that they match the index as a phrase.
    /// </summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var run = new List<string>();
        foreach (var element in Elements(text))
        {
            if (IsCjk(element))
            {
                Flush(word, words);
                run.Add(element);
                continue;
            }
            words.AddRange(Grams(run));
            run.Clear();
            if (IsWordElement(element))
            {
                word.Append(element);
            }
            else
            {
                Flush(word, words);
            }
        }
        Flush(word, words);
        words.AddRange(Grams(run));
        return words;
    }

    public static bool HasCjk(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsCjk(rune))
            {
                return true;
            }
        }
        return false;
    }

    public static bool IsCjk(Rune rune) => rune.Value switch
    {
        >= 0x3040 and <= 0x30FF => true, // hiragana, katakana
        >= 0x3400 and <= 0x4DBF => true, // CJK extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK unified ideographs
        >= 0xAC00 and <= 0xD7AF => true, // Hangul syllables
        >= 0xF900 and <= 0xFAFF => true, // compatibility ideographs
        >= 0x20000 and <= 0x3134F => true, // extensions B to G
        _ => false,
    };

    private static bool IsCjk(string element) => Rune.TryGetRuneAt(element, 0, out var rune) && IsCjk(rune);

    /// <summary>Letters, digits and combining marks make words; a base letter with its accents is one element.</summary>
    private static bool IsWordElement(string element) =>
        Rune.TryGetRuneAt(element, 0, out var rune) && (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark);

    private static IEnumerable<string> Elements(string text)
    {
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            yield return e.GetTextElement();
        }
    }

    private static void Flush(StringBuilder word, List<string> words)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString().ToLowerInvariant());
            word.Clear();
        }
    }

    /// <summary>One gram for a lone character, otherwise every overlapping pair.</summary>
    private static List<string> Grams(List<string> run) => run.Count switch
    {
        0 => [],
        1 => [run[0]],
        _ => [.. Enumerable.Range(0, run.Count - 1).Select(i => run[i] + run[i + 1])],
    };

    private static void AppendGrams(StringBuilder result, List<string> run)
    {
        if (run.Count == 0)
        {
            return;
        }
        result.Append(' ').AppendJoin(' ', Grams(run)).Append(' ');
        run.Clear();
    }

    /// <summary>
    /// Without control characters and unpaired surrogates: PostgreSQL refuses NUL in text and Npgsql a string that is
    /// not valid UTF-16, and neither is a word.
    /// </summary>
    public static string Clean(string text)
    {
        if (!NeedsCleaning(text))
        {
            return text;
        }
        var result = new StringBuilder(text.Length);
        foreach (var rune in EnumerateValid(text))
        {
            result.Append(Rune.IsControl(rune) && rune.Value is not ('\n' or '\t') ? " " : rune.ToString());
        }
        return result.ToString();
    }

    private static bool NeedsCleaning(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\n' or '\t')))
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<Rune> EnumerateValid(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) == System.Buffers.OperationStatus.Done)
            {
                yield return rune;
            }
            else
            {
                yield return new Rune(' ');
            }
            i += used;
        }
    }
}
