namespace Broadsheet.Speech;

/// <summary>
/// Maps code-point positions (as counted by native engines that read UTF-8) to UTF-16 indices of the original string.
/// </summary>
/// <remarks>A surrogate pair is one code point but two UTF-16 units; a lone surrogate is encoded as U+FFFD by the
/// UTF-8 encoder, so it counts as one code point and one unit. Both cases keep the mapping exact.</remarks>
internal sealed class TextPositions
{
    private readonly int[] _utf16IndexOfCodePoint;

    public TextPositions(string text)
    {
        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        map.Add(text.Length);
        _utf16IndexOfCodePoint = [.. map];
        Text = text;
    }

    public string Text { get; }

    /// <summary>Number of code points in the text.</summary>
    public int CodePointCount => _utf16IndexOfCodePoint.Length - 1;

    /// <summary>UTF-16 index of the code point at zero-based <paramref name="codePointIndex"/>, clamped to the text.</summary>
    public int ToUtf16(int codePointIndex) =>
        _utf16IndexOfCodePoint[Math.Clamp(codePointIndex, 0, _utf16IndexOfCodePoint.Length - 1)];
}
