using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Broadsheet.Speech;

namespace Broadsheet.Listen;

/// <summary>
/// The names the article page gives its readable elements in <c>data-listen-place</c>, so the player can find the text a
/// timing points at: <c>h</c> the headline, <c>s2</c> the third summary point, <c>b4.0</c> body block 4 (item 0; list
/// items count up), <c>b4.0a</c> a quote's attribution, <c>b4.0e</c> an embed's title.
/// </summary>
public static class ListenPlaces
{
    public static string Key(PagePlace place) => place.Region switch
    {
        PageRegion.Headline => "h",
        PageRegion.Summary => string.Create(CultureInfo.InvariantCulture, $"s{place.Item}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"b{place.BlockIndex}.{place.Item}") + place.Field switch
        {
            PageField.Attribution => "a",
            PageField.EmbedTitle => "e",
            _ => "",
        },
    };

    public static string Body(int blockIndex, int item = 0, PageField field = PageField.Text) =>
        Key(new PagePlace(PageRegion.Body, blockIndex, item, field));
}

/// <summary>A word or sentence: when it is heard and which characters of which page element it is.</summary>
/// <param name="Place">Index into <see cref="AudioTimings.Places"/>.</param>
/// <param name="Start">UTF-16 offset into the element's text.</param>
/// <param name="End">Exclusive end.</param>
public readonly record struct TimedText(int StartMs, int EndMs, int Place, int Start, int End);

/// <summary>
/// The read-along data of one recording. Served as compact JSON (each word and sentence an array
/// <c>[startMs, endMs, place, start, end]</c>) and as WebVTT (a cue per sentence with a timestamp per word).
/// </summary>
public sealed class AudioTimings
{
    public const int FormatVersion = 1;

    public required int DurationMs { get; init; }

    /// <summary>The <see cref="ListenPlaces"/> key of each script part, in script order.</summary>
    public required IReadOnlyList<string> Places { get; init; }

    /// <summary>The page text of each part (what the VTT cues show).</summary>
    public required IReadOnlyList<string> Texts { get; init; }

    public required IReadOnlyList<TimedText> Words { get; init; }

    public required IReadOnlyList<TimedText> Sentences { get; init; }

    /// <summary>
    /// Builds the timings of <paramref name="script"/> from the assembled marks, shifted for the encoded file as
    /// <see cref="SpeechTimings.ForEncodedAudio"/> says (no shift when the file carries gapless information).
    /// </summary>
    public static AudioTimings Build(AudioScript script, AssembledSpeech speech, EncodedAudio? encoded = null)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(speech);
        var raw = speech.Marks.Select(m => m.Mark).ToList();
        var shifted = encoded is null ? raw : SpeechTimings.ForEncodedAudio(raw, encoded);
        var duration = encoded is null || ReferenceEquals(shifted, raw) ? speech.DurationMs : speech.DurationMs + encoded.PlaybackDelayMs;
        var words = new List<TimedText>();
        var sentences = new List<TimedText>();
        for (var i = 0; i < speech.Marks.Count; i++)
        {
            var partIndex = speech.Marks[i].Part;
            var part = script.Parts[partIndex];
            var mark = shifted[i];
            if (mark.Kind == SpeechMarkKind.Word)
            {
                var location = part.Locate(mark.TextStart, mark.TextLength);
                if (location.Range.IsEmpty)
                {
                    continue;
                }
                // "£12m" is heard as three words; on the page it is one, highlighted until the last of them ends.
                if (words.Count > 0 && words[^1] is var previous && previous.Place == partIndex
                    && previous.Start == location.Range.Start && previous.End == location.Range.End)
                {
                    words[^1] = previous with { EndMs = Math.Max(previous.EndMs, mark.EndMs) };
                    continue;
                }
                words.Add(new TimedText(mark.StartMs, mark.EndMs, partIndex, location.Range.Start, location.Range.End));
            }
            else
            {
                var range = part.Map.ToOriginal(new TextRange(mark.TextStart, mark.TextEnd));
                if (!range.IsEmpty)
                {
                    sentences.Add(new TimedText(mark.StartMs, mark.EndMs, partIndex, range.Start, range.End));
                }
            }
        }
        return new AudioTimings
        {
            DurationMs = duration,
            Places = [.. script.Parts.Select(p => ListenPlaces.Key(p.Place))],
            Texts = [.. script.Parts.Select(p => p.Text)],
            Words = [.. words.OrderBy(w => w.StartMs)],
            Sentences = [.. sentences.OrderBy(s => s.StartMs)],
        };
    }

    public byte[] ToJson()
    {
        var document = new TimingsDocument(
            FormatVersion,
            DurationMs,
            Places,
            [.. Words.Select(Row)],
            [.. Sentences.Select(Row)]);
        return JsonSerializer.SerializeToUtf8Bytes(document, TimingsJson.Default.TimingsDocument);
    }

    public static AudioTimings FromJson(ReadOnlySpan<byte> json)
    {
        var d = JsonSerializer.Deserialize(json, TimingsJson.Default.TimingsDocument) ?? throw new JsonException("Empty timings.");
        static TimedText Parse(int[] r) => new(r[0], r[1], r[2], r[3], r[4]);
        return new AudioTimings
        {
            DurationMs = d.DurationMs,
            Places = d.Places,
            Texts = [],
            Words = [.. d.Words.Select(Parse)],
            Sentences = [.. d.Sentences.Select(Parse)],
        };
    }

    /// <summary>
    /// WebVTT: one cue per sentence showing its page text, with a timestamp tag before every word after the first
    /// (karaoke-style cue timing, RFC-free but in the W3C WebVTT spec).
    /// </summary>
    public string ToWebVtt()
    {
        var vtt = new StringBuilder("WEBVTT\n\n");
        var n = 0;
        foreach (var sentence in Sentences)
        {
            var text = Texts[sentence.Place];
            var end = Math.Max(sentence.EndMs, sentence.StartMs + 1);
            vtt.Append(CultureInfo.InvariantCulture, $"{++n}\n{Timestamp(sentence.StartMs)} --> {Timestamp(end)}\n");
            var at = sentence.Start;
            foreach (var word in Words.Where(w => w.Place == sentence.Place && w.Start >= sentence.Start && w.End <= sentence.End))
            {
                if (word.Start > at || word.StartMs > sentence.StartMs)
                {
                    Escape(vtt, text.AsSpan(at, word.Start - at));
                    if (word.StartMs > sentence.StartMs && word.StartMs < end)
                    {
                        vtt.Append('<').Append(Timestamp(word.StartMs)).Append('>');
                    }
                    at = word.Start;
                }
            }
            Escape(vtt, text.AsSpan(at, sentence.End - at));
            vtt.Append("\n\n");
        }
        return vtt.ToString();
    }

    public static string Timestamp(int ms)
    {
        var t = TimeSpan.FromMilliseconds(Math.Max(0, ms));
        return string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}.{t.Milliseconds:000}");
    }

    private static void Escape(StringBuilder vtt, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': vtt.Append("&amp;"); break;
                case '<': vtt.Append("&lt;"); break;
                case '>': vtt.Append("&gt;"); break;
                case '\r' or '\n': vtt.Append(' '); break;
                default: vtt.Append(c); break;
            }
        }
    }

    private static int[] Row(TimedText t) => [t.StartMs, t.EndMs, t.Place, t.Start, t.End];
}

public sealed record TimingsDocument(
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("durationMs")] int DurationMs,
    [property: JsonPropertyName("places")] IReadOnlyList<string> Places,
    [property: JsonPropertyName("words")] int[][] Words,
    [property: JsonPropertyName("sentences")] int[][] Sentences);

[JsonSerializable(typeof(TimingsDocument))]
internal sealed partial class TimingsJson : JsonSerializerContext;
