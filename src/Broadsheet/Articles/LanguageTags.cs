using System.Globalization;
using System.Text.RegularExpressions;

namespace Broadsheet.Articles;

/// <summary>BCP 47 language tags (<c>en</c>, <c>en-GB</c>, <c>zh-Hant-HK</c>), checked for syntax and a known language.</summary>
public static partial class LanguageTags
{
    /// <summary>The tag in its conventional case (language lower, script title, region upper), or null when not valid.</summary>
    public static string? Normalize(string? tag)
    {
        var match = tag is null ? null : Syntax().Match(tag.Trim());
        if (match is null || !match.Success)
        {
            return null;
        }
        var language = match.Groups["language"].Value.ToLowerInvariant();
        try
        {
            // Syntax alone accepts any two letters; the culture data knows which languages exist.
            CultureInfo.GetCultureInfo(language.Split('-')[0], predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
        var parts = new List<string> { language };
        if (match.Groups["script"].Success)
        {
            var script = match.Groups["script"].Value;
            parts.Add(char.ToUpperInvariant(script[0]) + script[1..].ToLowerInvariant());
        }
        if (match.Groups["region"].Success)
        {
            parts.Add(match.Groups["region"].Value.ToUpperInvariant());
        }
        if (match.Groups["rest"].Success && match.Groups["rest"].Length > 0)
        {
            parts.Add(match.Groups["rest"].Value.TrimStart('-').ToLowerInvariant());
        }
        return string.Join('-', parts);
    }

    [GeneratedRegex(
        @"^(?<language>[a-zA-Z]{2,3}(?:-[a-zA-Z]{3}){0,3})(?:-(?<script>[a-zA-Z]{4}))?(?:-(?<region>[a-zA-Z]{2}|[0-9]{3}))?(?<rest>(?:-(?:[a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*(?:-[0-9a-wyzA-WYZ](?:-[a-zA-Z0-9]{2,8})+)*(?:-x(?:-[a-zA-Z0-9]{1,8})+)?)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();
}
