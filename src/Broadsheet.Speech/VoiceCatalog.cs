namespace Broadsheet.Speech;

/// <summary>
/// The voices of a set of engines, found once at start-up: lookup by id, by language, a default per language, and a
/// list of problems (missing engines or voices) to show to operators.
/// </summary>
/// <remarks>Engines are listed in preference order; among equally good language matches the earlier engine wins
/// (by default eSpeak NG first, because it is the fastest).</remarks>
public sealed class VoiceCatalog
{
    private readonly Dictionary<string, (Voice Voice, ISpeechEngine Engine)> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(Voice Voice, int EngineIndex, int Order)> _ordered = [];

    /// <summary>Builds the catalogue from <paramref name="engines"/>, in preference order.</summary>
    public VoiceCatalog(IEnumerable<ISpeechEngine> engines)
    {
        ArgumentNullException.ThrowIfNull(engines);
        Engines = [.. engines];
        var problems = new List<string>();
        for (var e = 0; e < Engines.Count; e++)
        {
            var engine = Engines[e];
            if (engine is ISpeechEngineDiagnostics diagnostics)
            {
                problems.AddRange(diagnostics.Problems);
            }
            else if (!engine.IsAvailable)
            {
                problems.Add($"{engine.Name} is unavailable: {engine.UnavailableReason}");
            }

            if (!engine.IsAvailable)
            {
                continue;
            }

            foreach (var voice in engine.Voices)
            {
                if (!_byId.TryAdd(voice.Id, (voice, engine)))
                {
                    problems.Add($"Voice id '{voice.Id}' of {engine.Name} is already used by {_byId[voice.Id].Engine.Name}; ignored.");
                    continue;
                }

                _ordered.Add((voice, e, _ordered.Count));
            }
        }

        Problems = problems;
        Voices = [.. _ordered.Select(v => v.Voice)];
    }

    /// <summary>eSpeak NG then Flite.</summary>
    public static VoiceCatalog CreateDefault() => new([new EspeakNgEngine(), new FliteEngine()]);

    /// <summary>The engines, in preference order, available or not.</summary>
    public IReadOnlyList<ISpeechEngine> Engines { get; }

    /// <summary>All available voices, in engine preference order.</summary>
    public IReadOnlyList<Voice> Voices { get; }

    /// <summary>Human-readable problems found at start-up (unavailable engines, missing voices); empty when all is well.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The voice with this id (case-insensitive), or <see langword="null"/>.</summary>
    public Voice? Find(string id) => id is not null && _byId.TryGetValue(id, out var v) ? v.Voice : null;

    /// <summary>The engine that owns <paramref name="voice"/>.</summary>
    /// <exception cref="ArgumentException">The voice is not in this catalogue.</exception>
    public ISpeechEngine EngineFor(Voice voice)
    {
        ArgumentNullException.ThrowIfNull(voice);
        return _byId.TryGetValue(voice.Id, out var v) ? v.Engine : throw new ArgumentException($"Unknown voice '{voice.Id}'.", nameof(voice));
    }

    /// <summary>Synthesises with the engine that owns <paramref name="voice"/>.</summary>
    public SpeechResult Synthesize(string text, Voice voice, CancellationToken ct) => EngineFor(voice).Synthesize(text, voice, ct);

    /// <summary>
    /// Voices that can read text in <paramref name="language"/> (a BCP 47 tag), best match first: exact tag, then more
    /// specific variants (en → en-GB), then more general ones, then other regions of the same language (en-GB → en-US).
    /// Chinese tags map to the spoken language: zh-HK/zh-MO → yue (Cantonese), other zh → cmn (Mandarin).
    /// </summary>
    public IReadOnlyList<Voice> VoicesFor(string language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return [];
        }

        return [.. _ordered
            .Select(v => (v.Voice, v.EngineIndex, v.Order, Score: MatchScore(v.Voice.Language, language)))
            .Where(v => v.Score > 0)
            .OrderByDescending(v => v.Score)
            .ThenBy(v => v.EngineIndex)
            .ThenBy(v => v.Order)
            .Select(v => v.Voice)];
    }

    /// <summary>The preferred voice for <paramref name="language"/>, or <see langword="null"/> when none matches.</summary>
    public Voice? DefaultFor(string language) => VoicesFor(language).FirstOrDefault();

    /// <summary>How well a voice tagged <paramref name="voiceLanguage"/> reads <paramref name="requested"/>; 0 = not at all.</summary>
    internal static int MatchScore(string voiceLanguage, string requested)
    {
        var v = Canonical(voiceLanguage);
        var r = Canonical(requested);
        if (v.Length == 0 || r.Length == 0)
        {
            return 0;
        }

        if (v == r)
        {
            return 100;
        }

        if (v.StartsWith(r + "-", StringComparison.Ordinal))
        {
            return 80 - Math.Min(SubtagCount(v) - SubtagCount(r), 10);
        }

        if (r.StartsWith(v + "-", StringComparison.Ordinal))
        {
            return 60 - Math.Min(SubtagCount(r) - SubtagCount(v), 10);
        }

        var vPrimary = Primary(v);
        var rPrimary = Primary(r);
        if (vPrimary == rPrimary)
        {
            return 40 - Math.Min(SubtagCount(v) - 1, 10);
        }

        // A generic "zh" request can still be read by the other Chinese voice, as a last resort.
        if (Primary(requested.Trim().ToLowerInvariant().Replace('_', '-')) == "zh" && vPrimary is "cmn" or "yue")
        {
            return 10;
        }

        return 0;
    }

    private static string Canonical(string tag)
    {
        var t = tag.Trim().Replace('_', '-').ToLowerInvariant();
        if (t == "zh" || t.StartsWith("zh-", StringComparison.Ordinal))
        {
            var rest = t.Split('-').Skip(1).ToArray();
            if (rest.Contains("yue") || rest.Contains("hk") || rest.Contains("mo"))
            {
                return "yue";
            }

            return "cmn";
        }

        return t;
    }

    private static string Primary(string tag)
    {
        var dash = tag.IndexOf('-');
        return dash < 0 ? tag : tag[..dash];
    }

    private static int SubtagCount(string tag) => tag.Count(c => c == '-') + 1;
}
