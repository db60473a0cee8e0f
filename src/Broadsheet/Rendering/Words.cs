using System.Collections.Frozen;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Broadsheet.Rendering;

/// <summary>
/// The page furniture (labels, buttons, notices around the story) in one language, read from the
/// <c>Rendering/Words/{language}.words</c> tables: one <c>key = text</c> per line, <c>#</c> starts a comment.
/// English is complete by rule; a key another table lacks falls back to English and is marked <c>lang="en"</c>,
/// so a reader's screen reader switches voice instead of reading English with Chinese rules.
/// </summary>
public sealed class Words
{
    public const string Fallback = "en";

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Tables = Load();
    private static readonly FrozenDictionary<string, Words> ByLanguage =
        Tables.Keys.ToFrozenDictionary(k => k, k => new Words(k), StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, string> own;
    private readonly FrozenDictionary<string, string> fallback;

    private Words(string language)
    {
        Language = language;
        own = Tables[language];
        fallback = Tables[Fallback];
    }

    /// <summary>The table's language tag, e.g. <c>en</c> or <c>zh-Hant</c>.</summary>
    public string Language { get; }

    /// <summary>Every language with a table.</summary>
    public static IReadOnlyCollection<string> Languages => Tables.Keys;

    /// <summary>The keys of one table, for the completeness test.</summary>
    public static IReadOnlyCollection<string> KeysOf(string language) => Tables[language].Keys;

    /// <summary>
    /// The table for a BCP 47 tag: an exact table first, then the script a region implies (<c>zh-TW</c>,
    /// <c>zh-HK</c> and <c>zh-MO</c> write Traditional Chinese), then the primary language, then English.
    /// </summary>
    public static Words For(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return ByLanguage[Fallback];
        if (ByLanguage.TryGetValue(language, out var exact)) return exact;
        var parts = language.Split('-', StringSplitOptions.RemoveEmptyEntries);
        var primary = parts[0];
        if (primary.Equals("zh", StringComparison.OrdinalIgnoreCase))
        {
            var traditional = parts.Skip(1).Any(p => p.Equals("Hant", StringComparison.OrdinalIgnoreCase)
                || p.Equals("TW", StringComparison.OrdinalIgnoreCase) || p.Equals("HK", StringComparison.OrdinalIgnoreCase)
                || p.Equals("MO", StringComparison.OrdinalIgnoreCase));
            var script = traditional ? "zh-Hant" : "zh-Hans";
            if (ByLanguage.TryGetValue(script, out var zh)) return zh;
        }
        return ByLanguage.TryGetValue(primary, out var general) ? general : ByLanguage[Fallback];
    }

    /// <summary>The phrase for a key; an unknown key is a programming error and throws.</summary>
    public Phrase this[string key]
    {
        get
        {
            if (own.TryGetValue(key, out var text)) return new Phrase(text, null);
            if (fallback.TryGetValue(key, out var english)) return new Phrase(english, Fallback);
            throw new KeyNotFoundException($"No page furniture '{key}' in Rendering/Words/{Fallback}.words.");
        }
    }

    /// <summary>A phrase with <c>{0}</c>-style holes filled, e.g. a reading time.</summary>
    public Phrase Format(string key, params object?[] values)
    {
        var phrase = this[key];
        return phrase with { Text = string.Format(System.Globalization.CultureInfo.InvariantCulture, phrase.Text, values) };
    }

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var assembly = typeof(Words).Assembly;
        const string prefix = "Broadsheet.Rendering.Words.";
        var tables = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(".words", StringComparison.Ordinal))
                continue;
            var language = name[prefix.Length..^".words".Length];
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            tables[language] = Parse(reader.ReadToEnd(), $"Rendering/Words/{language}.words");
        }
        if (!tables.ContainsKey(Fallback))
            throw new InvalidOperationException($"Rendering/Words/{Fallback}.words is missing from the assembly.");
        return tables.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Reads a table; a malformed or repeated line names the file and line.</summary>
    public static FrozenDictionary<string, string> Parse(string text, string file)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var equals = line.IndexOf('=');
            if (equals <= 0)
                throw new FormatException($"{file}:{i + 1}: expected 'key = text'.");
            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (!entries.TryAdd(key, value))
                throw new FormatException($"{file}:{i + 1}: '{key}' appears twice.");
        }
        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>
/// A piece of furniture. Written into a page it is HTML-encoded, and wrapped in <c>&lt;span lang&gt;</c> when it
/// fell back to another language; use <see cref="Text"/> inside attributes.
/// </summary>
public sealed record Phrase(string Text, string? Lang) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        if (Lang is null)
        {
            encoder.Encode(writer, Text);
            return;
        }
        writer.Write("<span lang=\"");
        writer.Write(Lang);
        writer.Write("\">");
        encoder.Encode(writer, Text);
        writer.Write("</span>");
    }

    public override string ToString() => Text;
}
