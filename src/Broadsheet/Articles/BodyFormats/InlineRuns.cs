using System.Text;

namespace Broadsheet.Articles.BodyFormats;

/// <summary>The marks a run of text carries while a converter walks nested markup.</summary>
internal readonly record struct Marks(bool Bold = false, bool Italic = false, string? Href = null)
{
    public static readonly Marks None;
}

/// <summary>
/// Collects text into <see cref="Inline"/> runs, collapsing whitespace across run boundaries the way a
/// browser does, so that converted bodies never carry layout whitespace or empty runs.
/// </summary>
internal sealed class InlineRuns
{
    private readonly List<Inline> runs = [];
    private readonly StringBuilder text = new();
    private Marks marks;
    private bool pendingSpace;
    private Marks spaceMarks;

    public bool IsEmpty => runs.Count == 0 && text.Length == 0;

    public void Space()
    {
        if (!pendingSpace)
        {
            spaceMarks = marks;
        }
        pendingSpace = true;
    }

    public void Append(string value, Marks withMarks)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!pendingSpace)
                {
                    spaceMarks = withMarks;
                }
                pendingSpace = true;
                continue;
            }
            if (char.IsControl(c) || c == '\uFEFF')
            {
                continue;
            }
            var started = !IsEmpty;
            if (withMarks != marks && text.Length > 0)
            {
                // A space keeps the marks it was written with (never a link's): it joins whichever neighbour
                // has those marks, or stands as its own run between them.
                var blank = spaceMarks with { Href = null };
                if (pendingSpace && blank == marks)
                {
                    text.Append(' ');
                    pendingSpace = false;
                }
                runs.Add(new Inline(text.ToString(), marks.Bold, marks.Italic, marks.Href));
                text.Clear();
                if (pendingSpace && blank != withMarks)
                {
                    runs.Add(new Inline(" ", blank.Bold, blank.Italic));
                    pendingSpace = false;
                }
            }
            marks = withMarks;
            if (pendingSpace && started)
            {
                text.Append(' ');
            }
            pendingSpace = false;
            text.Append(c);
        }
    }

    public void Append(IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            Append(inline.Text, new Marks(inline.Bold, inline.Italic, inline.Href));
        }
    }

    /// <summary>The runs so far, then starts afresh.</summary>
    public List<Inline> Take()
    {
        if (text.Length > 0)
        {
            runs.Add(new Inline(text.ToString(), marks.Bold, marks.Italic, marks.Href));
        }
        var result = runs.ToList();
        runs.Clear();
        text.Clear();
        marks = Marks.None;
        pendingSpace = false;
        return result;
    }
}
