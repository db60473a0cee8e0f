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

    /// <summary>The phrase for a key that may be missing from every table (a voice's accent), or <see langword="null"/>.</summary>
    public Phrase? Find(string key) =>
        own.TryGetValue(key, out var text) ? new Phrase(text, null)
        : fallback.TryGetValue(key, out var english) ? new Phrase(english, Fallback)
        : null;

    /// <summary>
    /// A phrase whose <c>{0}</c> is markup (a link): the text either side is encoded, <paramref name="inside"/> is
    /// written as it is, and a fallback is wrapped in <c>&lt;span lang&gt;</c> like any phrase.
    /// </summary>
    public IHtmlContent Around(string key, IHtmlContent inside)
    {
        var phrase = this[key];
        var hole = phrase.Text.IndexOf("{0}", StringComparison.Ordinal);
        if (hole < 0) throw new FormatException($"Page furniture '{key}' has no {{0}} for its markup.");
        var builder = new HtmlContentBuilder();
        if (phrase.Lang is not null) builder.AppendHtml($"<span lang=\"{phrase.Lang}\">");
        builder.Append(phrase.Text[..hole]).AppendHtml(inside).Append(phrase.Text[(hole + 3)..]);
        if (phrase.Lang is not null) builder.AppendHtml("</span>");
        return builder;
    }

    /// <summary>A phrase with <c>{0}</c>-style holes filled, e.g. a reading time.</summary>
    public Phrase Format(string key, params object?[] values)
    {
        var phrase = this[key];
        return phrase with { Text = string.Format(System.Globalization.CultureInfo.InvariantCulture, phrase.Text, values) };
    }

    /// <summary>
    /// A counted phrase: <c>{key}.one</c> for exactly one, else <c>{key}.other</c>, with <c>{0}</c> the count (Chinese
    /// and English need no more plural forms; a language that does adds keys and a rule here).
    /// </summary>
    public Phrase Count(string key, long count) =>
        Format(count == 1 ? key + ".one" : key + ".other", count.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// A date and time in the table's own pattern (<c>date.time</c>, a .NET custom format: "6 December 2026, 14:05",
    /// "2026年12月6日 14:05") in the publication's time zone, with <c>date.utc</c> appended when that zone is UTC.
    /// </summary>
    public Phrase Time(DateTimeOffset time, TimeZoneInfo zone)
    {
        var pattern = this["date.time"];
        var local = TimeZoneInfo.ConvertTime(time, zone);
        var text = local.ToString(pattern.Text, System.Globalization.CultureInfo.InvariantCulture);
        if (zone == TimeZoneInfo.Utc) text = string.Format(System.Globalization.CultureInfo.InvariantCulture, this["date.utc"].Text, text);
        return pattern with { Text = text };
    }

    /// <summary>
    /// The <c>lang</c> attribute for something written in <paramref name="language"/> inside a page (or element) in
    /// <paramref name="around"/>: <see langword="null"/>, so no attribute, when both read the same (en and en-GB;
    /// zh-Hant and zh-TW), else <paramref name="language"/>.
    /// </summary>
    public static string? LangIfOther(string? around, string? language)
    {
        if (string.IsNullOrWhiteSpace(language) || string.IsNullOrWhiteSpace(around)) return null;
        var same = For(language).Language.Equals(For(around).Language, StringComparison.OrdinalIgnoreCase)
            && Primary(language).Equals(Primary(around), StringComparison.OrdinalIgnoreCase);
        return same ? null : language;
    }

    private static string Primary(string tag)
    {
        var dash = tag.IndexOf('-');
        return dash < 0 ? tag : tag[..dash];
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
