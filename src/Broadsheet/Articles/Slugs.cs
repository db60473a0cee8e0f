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
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var slug = new StringBuilder(Math.Min(decomposed.Length, maxLength + 1));
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019')
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
            }
            else
            {
                pendingHyphen = true;
            }
        }
        var result = slug.ToString();
        if (result.Length > maxLength)
        {
            var cut = result.LastIndexOf('-', maxLength);
            result = cut > maxLength / 2 ? result[..cut] : result[..maxLength].TrimEnd('-');
        }
        return result.Length == 0 ? "untitled" : result;
    }
}
