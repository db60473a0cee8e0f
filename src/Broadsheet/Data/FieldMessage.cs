namespace Broadsheet.Data;

/// <summary>
/// Puts the field's name into a rule's message ("Required." for the headline reads "Headline is required."), so a
/// message makes sense on its own: in an error summary, read out by a screen reader, or in an API client's log.
/// </summary>
public static class FieldMessage
{
    /// <summary>
    /// <paramref name="message"/> about the field called <paramref name="label"/>: "Required." becomes "{label} is required.",
    /// a message starting "Must", "Needs" or "Listed" continues the label; any other message already says what it is about.
    /// </summary>
    public static string Named(string? label, string message)
    {
        if (string.IsNullOrEmpty(label))
        {
            return message;
        }
        if (message == "Required.")
        {
            return $"{label} is required.";
        }
        foreach (var start in Continuations)
        {
            if (message.StartsWith(start, StringComparison.Ordinal))
            {
                return $"{label} {char.ToLowerInvariant(message[0])}{message[1..]}";
            }
        }
        if (message.StartsWith("Listed ", StringComparison.Ordinal))
        {
            return $"{label} is {char.ToLowerInvariant(message[0])}{message[1..]}";
        }
        return message;
    }

    private static readonly string[] Continuations = ["Must ", "Needs "];

    /// <summary>A list position as people count it: index 0 is "1".</summary>
    public static string Number(int index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
