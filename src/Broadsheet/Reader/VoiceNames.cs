using Broadsheet.Rendering;
using Broadsheet.Speech;

namespace Broadsheet.Reader;

/// <summary>A voice as the player lists it: a plain name in the page's language ("American English - woman 2").</summary>
public sealed record NamedVoice(Voice Voice, string Name);

/// <summary>The voices of one engine and accent, an <c>optgroup</c> in the player's voice list.</summary>
public sealed record VoiceGroup(string Label, IReadOnlyList<NamedVoice> Voices);

/// <summary>
/// Names voices for listeners: by accent and gender from the page's <see cref="Words"/>, numbered when an engine has
/// several of a kind, never by the engine's own short names ("Slt", "Kal"), grouped by engine and accent.
/// </summary>
public static class VoiceNames
{
    /// <summary>The groups in the order their first voice comes in <paramref name="voices"/> (best match first).</summary>
    public static IReadOnlyList<VoiceGroup> Group(IReadOnlyList<Voice> voices, Words words)
    {
        var groups = voices
            .GroupBy(v => (v.Engine, Accent: Accent(v, words)))
            .Select(g =>
            {
                var list = g.ToList();
                var named = new List<NamedVoice>(list.Count);
                foreach (var voice in list)
                {
                    var kind = words[$"voice.{(voice.Gender is "male" or "female" ? voice.Gender : "unknown")}"].Text;
                    var same = list.Where(v => v.Gender == voice.Gender).ToList();
                    if (same.Count > 1)
                    {
                        kind = words.Format("voice.numbered", kind, same.IndexOf(voice) + 1).Text;
                    }
                    named.Add(new NamedVoice(voice, words.Format("voice.name", g.Key.Accent, kind).Text));
                }
                return new VoiceGroup(words.Format("voice.group", g.Key.Accent, EngineName(g.Key.Engine)).Text, named);
            });
        return [.. groups];
    }

    /// <summary>The accent from the table (<c>voice.accent.en-us</c>), else the engine's description without gender.</summary>
    internal static string Accent(Voice voice, Words words)
    {
        if (words.Find("voice.accent." + voice.Language.ToLowerInvariant()) is { } phrase)
        {
            return phrase.Text;
        }
        var name = voice.DisplayName;
        var comma = name.LastIndexOf(", ", StringComparison.Ordinal);
        return comma > 0 && name[(comma + 2)..] is "male" or "female" ? name[..comma] : name;
    }

    private static string EngineName(string engine) => engine switch
    {
        EspeakNgEngine.EngineName => "eSpeak NG",
        FliteEngine.EngineName => "Flite",
        _ => engine,
    };
}
