using System.Globalization;
using System.Text;

namespace Broadsheet.Articles;

public static class Slugs
{
    public const int MaxLength = 80;

    /// <summary>
    /// A URL slug from a headline or name: lower case, accents folded to ASCII, words joined by hyphens,
    /// cut on a word boundary. Scripts without an ASCII form (Chinese, Korean...) are kept as letters,
    /// which browsers show readably and percent-encode on the wire.
    /// </summary>
    public static string From(string text, int maxLength = MaxLength)
    {
        // A lone surrogate (JSON allows "\ud800") makes Normalize throw; the round trip turns it into U+FFFD, no letter.
        var decomposed = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)).Normalize(NormalizationForm.FormKD);
        var slug = new StringBuilder(Math.Min(decomposed.Length, maxLength + 1));
        var pendingHyphen = false;
        var afterAscii = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                // Accents on Latin letters fold away (é -> e); in other scripts marks are part of the letter
                // (Hangul jamo, Japanese dakuten, Devanagari vowel signs) and are kept, then recomposed.
                if (!afterAscii && slug.Length > 0 && !pendingHyphen)
                {
                    slug.Append(c);
                }
                continue;
            }
            if (c is '\'' or '\u2019')
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }
                pendingHyphen = false;
                slug.Append(char.ToLowerInvariant(c));
                afterAscii = char.IsAscii(c);
            }
            else
            {
                pendingHyphen = true;
            }
        }
        var result = slug.ToString().Normalize(NormalizationForm.FormC);
        if (result.Length > maxLength)
        {
            var cut = result.LastIndexOf('-', maxLength);
            result = cut > maxLength / 2 ? result[..cut] : result[..maxLength].TrimEnd('-');
        }
        return result.Length == 0 ? "untitled" : result;
    }
}
