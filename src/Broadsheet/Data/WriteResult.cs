namespace Broadsheet.Data;

/// <summary>
/// Field errors collected while validating an edit, keyed by the camelCase JSON path of the field
/// (<c>headline</c>, <c>summary[2]</c>, <c>heroImage.id</c>) so every client can point at what is wrong.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }
        messages.Add(message);
    }

    public bool Has(string field) => errors.ContainsKey(field);

    /// <summary>Names each field in its messages (<see cref="FieldMessage.Named"/>), by the label <paramref name="labelOf"/> gives its key (null: leave it).</summary>
    public void Name(Func<string, string?> labelOf)
    {
        foreach (var (field, messages) in errors)
        {
            var label = labelOf(field);
            for (var i = 0; i < messages.Count; i++)
            {
                messages[i] = FieldMessage.Named(label, messages[i]);
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="message"/> when <paramref name="value"/> is longer than <paramref name="max"/>, and the
    /// <see cref="TextRules"/> problem when it holds control characters or nothing visible: every writer checks each of
    /// its text fields here, so the rules hold whichever door the text came through.
    /// </summary>
    public void CheckLength(string? value, string field, int max, string message)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, message);
        }
        else
        {
            TextRules.Check(value, field, this, multiline: true);
        }
    }

    public IDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

public static class InputText
{
    /// <summary>Text as it is stored: trimmed, and null when nothing but white space was given.</summary>
    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public enum WriteStatus
{
    Ok,
    Created,
    Invalid,
    NotFound,

    /// <summary>The caller edited an older version than the one stored.</summary>
    VersionMismatch,

    /// <summary>The change contradicts the current state, e.g. deleting something still in use.</summary>
    Conflict,
}

/// <summary>The outcome of a write: the saved value, or why nothing was written.</summary>
public sealed class WriteResult<T>
    where T : class
{
    internal WriteResult(WriteStatus status, T? value, IDictionary<string, string[]>? errors, string? message)
    {
        Status = status;
        Value = value;
        Errors = errors ?? new Dictionary<string, string[]>();
        Message = message;
    }

    public WriteStatus Status { get; }

    public T? Value { get; }

    public IDictionary<string, string[]> Errors { get; }

    public string? Message { get; }

    public bool Succeeded => Status is WriteStatus.Ok or WriteStatus.Created;
}

public static class WriteResult
{
    public static WriteResult<T> Ok<T>(T value)
        where T : class => new(WriteStatus.Ok, value, null, null);

    public static WriteResult<T> Created<T>(T value)
        where T : class => new(WriteStatus.Created, value, null, null);

    public static WriteResult<T> Invalid<T>(ValidationErrors errors)
        where T : class => new(WriteStatus.Invalid, null, errors.ToDictionary(), null);

    public static WriteResult<T> Invalid<T>(string field, string message)
        where T : class
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Invalid<T>(errors);
    }

    public static WriteResult<T> NotFound<T>(string message)
        where T : class => new(WriteStatus.NotFound, null, null, message);

    public static WriteResult<T> VersionMismatch<T>(string message)
        where T : class => new(WriteStatus.VersionMismatch, null, null, message);

    public static WriteResult<T> Conflict<T>(string message)
        where T : class => new(WriteStatus.Conflict, null, null, message);
}

/// <summary>
/// What every text field written through any door (headlines, summaries, names, alt text, captions...) may hold: no
/// control characters (which XML cannot carry and no reader can see) and not only invisible characters.
/// </summary>
public static class TextRules
{
    public const string ControlCharacterMessage = "Must not contain control characters (such as U+0000 or U+0007).";
    public const string InvisibleMessage = "Must contain visible text, not only spaces or invisible characters.";

    /// <summary>Why <paramref name="value"/> is not acceptable text, or null when it is (or is null). Tabs and line breaks are allowed where <paramref name="multiline"/>.</summary>
    public static string? Problem(string? value, bool multiline = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        var visible = false;
        foreach (var c in value)
        {
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return ControlCharacterMessage;
            }
            visible |= !IsInvisible(c);
        }
        return visible ? null : InvisibleMessage;
    }

    /// <summary>Adds an error for <paramref name="field"/> when <paramref name="value"/> breaks <see cref="Problem"/>.</summary>
    public static void Check(string? value, string field, ValidationErrors errors, bool multiline = false)
    {
        if (Problem(value, multiline) is { } message)
        {
            errors.Add(field, message);
        }
    }

    /// <summary>Whitespace, format characters (zero-width spaces and joiners, bidi controls, soft hyphens) and controls.</summary>
    public static bool IsInvisible(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format || c is '\u2800' or '\u3164' or '\uFFA0' or '\u115F' or '\u1160';

    /// <summary>
    /// <paramref name="value"/> without the characters XML 1.0 cannot carry, for writers of XML output (feeds) given
    /// text stored before the rules above existed.
    /// </summary>
    public static string ForXml(string value)
    {
        var clean = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                clean.Append(c).Append(value[++i]);
            }
            else if (System.Xml.XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }
        return clean.Length == value.Length ? value : clean.ToString();
    }
}
