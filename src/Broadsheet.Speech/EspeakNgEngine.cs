using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Broadsheet.Speech;

/// <summary>
/// Offline speech through eSpeak NG (<c>libespeak-ng.so.1</c>), with word and sentence marks from its synth callback.
/// </summary>
/// <remarks>
/// eSpeak NG keeps global state and is not thread-safe, so every native call made by any instance of this class is
/// serialised through one process-wide lock; concurrent <see cref="Synthesize"/> calls simply queue. The library is
/// loaded and initialised once per process.
/// </remarks>
public sealed class EspeakNgEngine : ISpeechEngine, ISpeechEngineDiagnostics
{
    /// <summary>The engine name used in <see cref="Voice.Engine"/>.</summary>
    public const string EngineName = "espeak-ng";

    /// <summary>Library names tried by the parameterless constructor, in order.</summary>
    public static readonly IReadOnlyList<string> DefaultLibraryNames = ["libespeak-ng.so.1", "libespeak-ng.so", "espeak-ng"];

    private const string FemaleVariant = "f3";

    // One lock for all native calls: the library has a single global synthesiser.
    private static readonly Lock s_native = new();
    private static EspeakNative? s_lib;
    private static int s_sampleRate;
    private static string? s_version;
    private static Collector? s_current;
    private static string? s_voiceName;

    /// <summary>
    /// Voices read through another voice file. eSpeak NG's Mandarin dictionary (cmn_dict) turns most characters into
    /// numbered pinyin ("日" is "ri4"), and the plain <c>cmn</c> voice reads Latin letters as English, so it says "ri"
    /// then the English word "four". The <c>cmn-Latn-pinyin</c> file has the same dictionary but reads Latin as pinyin,
    /// the digit as the tone: Mandarin is read through it, under the <c>cmn</c> language and id.
    /// </summary>
    private static readonly Dictionary<string, string> ReadThrough = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sit/cmn"] = "sit/cmn-Latn-pinyin",
    };

    /// <summary>Languages a news site expects eSpeak NG to cover; a missing one is reported in <see cref="Problems"/>.</summary>
    private static readonly string[] ExpectedLanguages = ["en-GB", "en-US", "yue", "cmn"];

    private readonly Dictionary<string, string> _espeakNames = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];

    /// <summary>Loads <c>libespeak-ng.so.1</c>. Never throws; check <see cref="IsAvailable"/>.</summary>
    public EspeakNgEngine()
        : this(DefaultLibraryNames)
    {
    }

    /// <summary>Loads eSpeak NG from the first library name (or path) that loads. Never throws; check <see cref="IsAvailable"/>.</summary>
    /// <param name="libraryNames">Candidate library names or absolute paths. eSpeak NG is initialised once per process: if
    /// another instance already did so, these names are only probed and the library already in use is shared.</param>
    public EspeakNgEngine(IEnumerable<string> libraryNames)
    {
        ArgumentNullException.ThrowIfNull(libraryNames);
        try
        {
            lock (s_native)
            {
                UnavailableReason = EnsureInitialised(libraryNames);
                Voices = UnavailableReason is null ? DiscoverVoices().AsReadOnly() : [];
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            UnavailableReason = $"eSpeak NG could not be initialised: {ex.Message}";
            Voices = [];
        }

        if (UnavailableReason is null && Voices.Count == 0)
        {
            UnavailableReason = "eSpeak NG loaded but reported no usable voices (is espeak-ng-data installed?).";
        }

        if (UnavailableReason is not null)
        {
            Voices = [];
            _problems.Add(UnavailableReason);
            return;
        }

        foreach (var language in ExpectedLanguages)
        {
            if (!Voices.Any(v => string.Equals(v.Language, language, StringComparison.OrdinalIgnoreCase)))
            {
                _problems.Add($"eSpeak NG has no voice for {language} (is the full espeak-ng-data installed?).");
            }
        }
    }

    /// <inheritdoc />
    public string Name => EngineName;

    /// <inheritdoc />
    public bool IsAvailable => UnavailableReason is null;

    /// <inheritdoc />
    public string? UnavailableReason { get; }

    /// <inheritdoc />
    public IReadOnlyList<Voice> Voices { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Problems => _problems.AsReadOnly();

    /// <summary>Native output sample rate (22050 Hz for eSpeak NG), or 0 when unavailable.</summary>
    public int SampleRate => IsAvailable ? s_sampleRate : 0;

    /// <summary>eSpeak NG version string, or <see langword="null"/> when unavailable.</summary>
    public string? Version => IsAvailable ? s_version : null;

    /// <inheritdoc />
    public SpeechResult Synthesize(string text, Voice voice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        if (!IsAvailable)
        {
            throw new InvalidOperationException($"{EngineName} is unavailable: {UnavailableReason}");
        }

        if (!_espeakNames.TryGetValue(voice.Id, out var espeakName))
        {
            throw new ArgumentException($"Voice '{voice.Id}' does not belong to {EngineName}.", nameof(voice));
        }

        ct.ThrowIfCancellationRequested();
        var raw = SynthesizeRaw(text, espeakName, ct);
        var marks = BuildMarks(text, raw.Events, raw.Samples.Length, raw.SampleRate);
        return new SpeechResult(raw.Samples, raw.SampleRate, marks);
    }

    /// <summary>
    /// What eSpeak NG would say for <paramref name="text"/> in <paramref name="voice"/>, as its phoneme mnemonics (the
    /// <c>espeak-ng -x</c> output), one clause per item. A switch to another language's rules shows as <c>(en)</c>.
    /// </summary>
    public unsafe IReadOnlyList<string> Phonemes(string text, Voice voice)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        if (!IsAvailable || !_espeakNames.TryGetValue(voice.Id, out var espeakName))
        {
            throw new ArgumentException($"Voice '{voice.Id}' does not belong to {EngineName}.", nameof(voice));
        }

        var utf8 = Utf8.Z(text.Replace('\0', ' '));
        var name = Utf8.Z(espeakName);
        var clauses = new List<string>();
        lock (s_native)
        {
            var lib = s_lib ?? throw new InvalidOperationException($"{EngineName} is not initialised.");
            fixed (byte* n = name)
            {
                if (lib.SetVoiceByName(n) != 0)
                {
                    throw new InvalidOperationException($"{EngineName} could not select voice '{espeakName}'.");
                }
            }

            s_voiceName = espeakName;
            fixed (byte* t = utf8)
            {
                var cursor = t;
                // espeak_TextToPhonemes moves the pointer to the next clause, and to null at the end of the text.
                while (cursor is not null && *cursor != 0)
                {
                    var phonemes = lib.TextToPhonemes(&cursor, (int)EspeakNative.CharsUtf8, 0);
                    clauses.Add(Marshal.PtrToStringUTF8((nint)phonemes) ?? "");
                }
            }
        }

        return clauses;
    }

    /// <summary>Runs eSpeak NG and returns the raw samples and WORD/SENTENCE/END events (positions still in code points).</summary>
    internal static unsafe RawSynthesis SynthesizeRaw(string text, string espeakName, CancellationToken ct)
    {
        // espeak stops at a NUL; a space keeps every UTF-16 index unchanged.
        var utf8 = Utf8.Z(text.Replace('\0', ' '));
        var name = Utf8.Z(espeakName);
        var collector = new Collector(ct);

        lock (s_native)
        {
            var lib = s_lib ?? throw new InvalidOperationException($"{EngineName} is not initialised.");
            s_current = collector;
            try
            {
                int rc;
                // Selecting a voice reloads its data files; an article is read part by part in one voice.
                if (!string.Equals(s_voiceName, espeakName, StringComparison.Ordinal))
                {
                    s_voiceName = null;
                    fixed (byte* n = name)
                    {
                        rc = lib.SetVoiceByName(n);
                    }

                    if (rc != 0)
                    {
                        throw new InvalidOperationException($"{EngineName} could not select voice '{espeakName}' (error {rc}).");
                    }

                    s_voiceName = espeakName;
                }

                fixed (byte* t = utf8)
                {
                    rc = lib.Synth(t, (nuint)utf8.Length, 0, EspeakNative.PosCharacter, 0, EspeakNative.CharsUtf8, null, null);
                }

                if (rc != 0 && !collector.Aborted)
                {
                    throw new InvalidOperationException($"{EngineName} synthesis failed (error {rc}).");
                }

                _ = lib.Synchronize();
            }
            finally
            {
                s_current = null;
            }
        }

        if (collector.Failure is not null)
        {
            throw new InvalidOperationException($"{EngineName} callback failed: {collector.Failure.Message}", collector.Failure);
        }

        ct.ThrowIfCancellationRequested();
        return new RawSynthesis(collector.Samples.ToArray(), s_sampleRate, collector.Events);
    }

    /// <summary>Turns engine events into marks with UTF-16 text ranges.</summary>
    internal static List<SpeechMark> BuildMarks(string text, IReadOnlyList<RawEvent> events, int sampleCount, int sampleRate)
    {
        var positions = new TextPositions(text);
        var totalMs = sampleRate <= 0 ? 0 : (int)Math.Round(sampleCount * 1000.0 / sampleRate);

        // Words: WORD events in order of audio (they already are). eSpeak reports the extra spoken words of an expanded
        // token (numbers, symbols, emoji names) at overlapping or blank positions; those are folded into the source word.
        var words = new List<(int Start, int End, int Ms, int SentenceIndex)>();
        var sentenceStarts = new List<int>();
        var ends = new List<int>();
        foreach (var e in events)
        {
            switch (e.Type)
            {
                case EspeakNative.EventSentence:
                    sentenceStarts.Add(Math.Clamp(e.AudioPosition, 0, totalMs));
                    break;
                case EspeakNative.EventEnd:
                    ends.Add(Math.Clamp(e.AudioPosition, 0, totalMs));
                    break;
                case EspeakNative.EventWord:
                    var cpStart = Math.Max(e.TextPosition - 1, 0);
                    var start = positions.ToUtf16(cpStart);
                    var end = positions.ToUtf16(cpStart + Math.Max(e.Length, 0));
                    while (start < end && char.IsWhiteSpace(text[start]))
                    {
                        start++;
                    }

                    var previousEnd = words.Count > 0 ? words[^1].End : 0;
                    var blank = start >= text.Length || char.IsWhiteSpace(text[start]);
                    if (words.Count > 0 && (start < previousEnd || blank))
                    {
                        continue; // part of the previous source word
                    }

                    if (blank)
                    {
                        continue;
                    }

                    // A symbol glued to the end of the previous word ("73%", "5°") is spoken as a word of its own
                    // ("percent"); it belongs to the same source token.
                    if (words.Count > 0 && start == previousEnd && SuffixSymbolEnd(text, start) is var symbolEnd and > 0)
                    {
                        words[^1] = words[^1] with { End = symbolEnd };
                        continue;
                    }

                    words.Add((start, Math.Max(end, start), Math.Clamp(e.AudioPosition, 0, totalMs), Math.Max(sentenceStarts.Count - 1, 0)));
                    break;
            }
        }

        // eSpeak's lengths stop early for some tokens ("U" of "U.S.", "3" of "3rd", zero after a quote mark):
        // extend each range over the rest of its token, but never into the next word. eSpeak also speaks some
        // word pairs as one entry ("on the", "of the", "had been") and reports only the first word; the range then
        // grows over the words it swallowed.
        for (var i = 0; i < words.Count; i++)
        {
            var limit = i + 1 < words.Count ? words[i + 1].Start : text.Length;
            var w = words[i];
            var end = ExtendOverToken(text, w.Start, w.End, limit);
            if (i + 1 < words.Count)
            {
                end = ExtendOverSkippedWords(text, end, limit);
            }

            words[i] = (w.Start, end, w.Ms, w.SentenceIndex);
        }

        words.RemoveAll(w => w.End <= w.Start);

        var marks = new List<SpeechMark>(words.Count + sentenceStarts.Count);
        var wordMarks = new List<SpeechMark>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var next = i + 1 < words.Count ? words[i + 1].Ms : totalMs;
            // A clause/sentence END between this word and the next one ends the word earlier (the pause is not the word).
            foreach (var endMs in ends)
            {
                if (endMs > w.Ms && endMs < next)
                {
                    next = endMs;
                    break;
                }
            }

            wordMarks.Add(new SpeechMark(SpeechMarkKind.Word, w.Start, w.End - w.Start, w.Ms, Math.Max(next, w.Ms)));
        }

        // Sentences: group the words by the SENTENCE event that preceded them.
        for (var s = 0; s < Math.Max(sentenceStarts.Count, words.Count > 0 ? 1 : 0); s++)
        {
            var first = -1;
            var last = -1;
            for (var i = 0; i < words.Count; i++)
            {
                if (words[i].SentenceIndex == s)
                {
                    if (first < 0)
                    {
                        first = i;
                    }

                    last = i;
                }
            }

            if (first < 0)
            {
                continue;
            }

            var textStart = words[first].Start;
            var textEnd = ExtendOverClosingPunctuation(text, wordMarks[last].TextEnd);
            var startMs = s < sentenceStarts.Count ? Math.Min(sentenceStarts[s], wordMarks[first].StartMs) : wordMarks[first].StartMs;
            marks.Add(new SpeechMark(SpeechMarkKind.Sentence, textStart, textEnd - textStart, startMs, wordMarks[last].EndMs));
        }

        marks.AddRange(wordMarks);
        return SortMarks(marks);
    }

    internal static List<SpeechMark> SortMarks(List<SpeechMark> marks) =>
        [.. marks.OrderBy(m => m.StartMs).ThenBy(m => m.Kind == SpeechMarkKind.Sentence ? 0 : 1).ThenBy(m => m.TextStart)];

    /// <summary>Extends a word's end over letters, digits and marks, and over ' . - between them, up to <paramref name="limit"/>.</summary>
    internal static int ExtendOverToken(string text, int start, int end, int limit)
    {
        end = Math.Max(end, start);
        while (end < limit)
        {
            var c = text[end];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || char.IsSurrogate(c))
            {
                end++;
            }
            else if (c is '\'' or '’' or '.' or '-' or '‐' && end > start && end + 1 < limit && char.IsLetterOrDigit(text[end + 1]))
            {
                end++;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    /// <summary>
    /// End of a run of symbols starting at <paramref name="start"/> that ends its token ("73%" → after "%"; "25%." →
    /// after "%"), or -1 when the symbols lead into more text ("BBC/ITV").
    /// </summary>
    internal static int SuffixSymbolEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && !char.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        if (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            return -1;
        }

        // Sentence punctuation after the symbol is not part of the word.
        while (end > start + 1 && IsTrailingPunctuation(text[end - 1]))
        {
            end--;
        }

        return end > start ? end : -1;
    }

    private static bool IsTrailingPunctuation(char c) =>
        c is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '"' or '\'' or '”' or '’' or '»' or '…';

    /// <summary>
    /// If the text between <paramref name="end"/> and the next word (<paramref name="limit"/>) contains words that got no
    /// event of their own, extends the range over them (stopping before trailing spaces and punctuation).
    /// </summary>
    internal static int ExtendOverSkippedWords(string text, int end, int limit)
    {
        var lastWordChar = -1;
        for (var i = end; i < limit; i++)
        {
            if (char.IsLetterOrDigit(text[i]) || char.IsSurrogate(text[i]))
            {
                lastWordChar = i;
            }
        }

        if (lastWordChar < 0)
        {
            return end;
        }

        var extended = lastWordChar + 1;
        if (extended < limit && char.IsLowSurrogate(text[extended]))
        {
            extended++;
        }

        return extended;
    }

    /// <summary>Moves <paramref name="end"/> over sentence-closing punctuation and quotes that directly follow it.</summary>
    internal static int ExtendOverClosingPunctuation(string text, int end)
    {
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && (char.IsPunctuation(text[end]) || char.IsSymbol(text[end])))
        {
            end++;
        }

        return end;
    }

    private static unsafe string? EnsureInitialised(IEnumerable<string> libraryNames)
    {
        var names = libraryNames.ToList();
        if (s_lib is not null)
        {
            // Already initialised by another instance: still probe the names this instance was given, so a wrong name
            // is reported, but share the library already in use.
            return names.Contains(s_lib.Library.Name) || NativeLibraryHandle.TryLoad(names, out var probeError) is not null
                ? null
                : Missing(probeError);
        }

        var lib = EspeakNative.TryLoad(names, out var error);
        if (lib is null)
        {
            return Missing(error);
        }

        // DONT_EXIT: without it a missing espeak-ng-data directory terminates the process.
        var rate = lib.Initialize(EspeakNative.AudioOutputSynchronous, 500, null, EspeakNative.InitializeDontExit);
        if (rate <= 0)
        {
            return $"eSpeak NG failed to initialise (espeak_Initialize returned {rate}); is espeak-ng-data installed?";
        }

        lib.SetSynthCallback(&OnSynth);
        nint dataPath = 0;
        var version = Utf8.FromPointer(lib.Info(&dataPath));
        s_version = version;
        s_sampleRate = rate;
        s_lib = lib;
        return null;
    }

    private static string Missing(string? error) =>
        $"eSpeak NG library could not be loaded ({error}). Install the Debian package libespeak-ng1.";

    private unsafe List<Voice> DiscoverVoices()
    {
        var lib = s_lib!;
        var found = new List<(string Language, string File, string Name, byte Gender, string Identifier, int Priority)>();
        var list = lib.ListVoices(null);
        for (var p = list; p is not null && *p is not null; p++)
        {
            var v = *p;
            var identifier = Utf8.FromPointer(v->Identifier) ?? "";
            // mb/ voices need the separate MBROLA synthesiser and databases; !v/ entries are variants, not voices.
            if (identifier.Length == 0 || identifier.StartsWith("mb/", StringComparison.Ordinal) || identifier.StartsWith("!v", StringComparison.Ordinal))
            {
                continue;
            }

            // A file another voice is read through is not offered on its own.
            if (ReadThrough.ContainsValue(identifier))
            {
                continue;
            }

            var languages = Languages(v->Languages);
            if (languages.Count == 0 || languages[0].Name == "variant")
            {
                continue;
            }

            var language = languages[0].Name;
            var primary = language.Split('-')[0];
            // eSpeak's own preference for the bare language ("en": en-gb 2, en-us 3, en-029 10) orders the voices, so
            // a request for "en" or "fr" gets the voice eSpeak itself would pick.
            var priority = languages.Where(l => l.Name == primary).Select(l => (int)l.Priority).DefaultIfEmpty(languages[0].Priority + 100).Min();
            var file = identifier[(identifier.LastIndexOf('/') + 1)..];
            found.Add((language, file, Utf8.FromPointer(v->Name) ?? file, v->Gender, identifier, priority));
        }

        // Ids: the language code when unique; otherwise the voice whose file is named after the language keeps it and the
        // others use their file name. This does not depend on the order of espeak_ListVoices.
        var byLanguage = found.GroupBy(f => f.Language.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count());
        var voices = new List<Voice>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in found
            .OrderBy(f => f.Language.Split('-')[0], StringComparer.Ordinal)
            .ThenBy(f => f.Priority)
            .ThenBy(f => f.Language, StringComparer.Ordinal)
            .ThenBy(f => f.Identifier, StringComparer.Ordinal))
        {
            var lang = f.Language.ToLowerInvariant();
            var baseId = byLanguage[lang] == 1 || string.Equals(f.File, lang, StringComparison.OrdinalIgnoreCase) ? lang : f.File.ToLowerInvariant();
            var id = "espeak-" + Slug(baseId);
            for (var n = 2; !used.Add(id); n++)
            {
                id = $"espeak-{Slug(baseId)}-{n.ToString(CultureInfo.InvariantCulture)}";
            }

            var display = f.Name.Replace('_', ' ');
            var gender = f.Gender switch { 1 => "male", 2 => "female", _ => "unknown" };
            var file = ReadThrough.GetValueOrDefault(f.Identifier, f.Identifier);
            voices.Add(new Voice(id, EngineName, ToBcp47(f.Language), gender == "unknown" ? display : $"{display}, {gender}", gender));
            _espeakNames[id] = file;

            var femaleId = id + "-f";
            if (gender != "female" && used.Add(femaleId))
            {
                voices.Add(new Voice(femaleId, EngineName, ToBcp47(f.Language), $"{display}, female", "female"));
                _espeakNames[femaleId] = file + "+" + FemaleVariant;
            }
        }

        return voices;
    }

    /// <summary>Parses espeak_VOICE.languages: [priority byte][zero-terminated name]… then a zero byte.</summary>
    private static unsafe List<(byte Priority, string Name)> Languages(nint languages)
    {
        var result = new List<(byte, string)>();
        if (languages == 0)
        {
            return result;
        }

        var p = (byte*)languages;
        while (*p != 0 && result.Count < 64)
        {
            var priority = *p++;
            var name = Marshal.PtrToStringUTF8((nint)p) ?? "";
            result.Add((priority, name));
            while (*p != 0)
            {
                p++;
            }

            p++;
        }

        return result;
    }

    /// <summary>Lower-case letters, digits and single dashes.</summary>
    internal static string Slug(string value)
    {
        var chars = new List<char>(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                chars.Add(c);
            }
            else if (chars.Count > 0 && chars[^1] != '-')
            {
                chars.Add('-');
            }
        }

        return new string([.. chars]).Trim('-');
    }

    /// <summary>Normalises the case of an eSpeak language code to BCP 47 conventions (en-gb-x-rp → en-GB-x-rp).</summary>
    internal static string ToBcp47(string code)
    {
        var parts = code.Split('-', '_');
        var privateUse = false;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (i == 0 || privateUse)
            {
                parts[i] = part.ToLowerInvariant();
            }
            else if (part.Length == 1)
            {
                privateUse = part is "x" or "X";
                parts[i] = part.ToLowerInvariant();
            }
            else if (part.Length == 2 && part.All(char.IsAsciiLetter))
            {
                parts[i] = part.ToUpperInvariant();
            }
            else if (part.Length == 4 && part.All(char.IsAsciiLetter))
            {
                parts[i] = char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant();
            }
            else
            {
                parts[i] = part.ToLowerInvariant();
            }
        }

        return string.Join('-', parts);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe int OnSynth(short* wav, int count, EspeakEvent* events)
    {
        var c = s_current;
        if (c is null)
        {
            return 0;
        }

        try
        {
            if (wav is not null && count > 0)
            {
                c.Samples.AddRange(new ReadOnlySpan<short>(wav, count));
            }

            for (var e = events; e is not null && e->Type != EspeakNative.EventListTerminated; e++)
            {
                if (e->Type is EspeakNative.EventWord or EspeakNative.EventSentence or EspeakNative.EventEnd)
                {
                    c.Events.Add(new RawEvent(e->Type, e->TextPosition, e->Length, e->AudioPosition));
                }

                if (e->Type == EspeakNative.EventMsgTerminated)
                {
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            c.Failure = ex;
            c.Aborted = true;
            return 1;
        }

        if (c.Token.IsCancellationRequested)
        {
            c.Aborted = true;
            return 1;
        }

        return 0;
    }

    internal sealed record RawEvent(int Type, int TextPosition, int Length, int AudioPosition);

    internal sealed record RawSynthesis(short[] Samples, int SampleRate, IReadOnlyList<RawEvent> Events);

    private sealed class Collector(CancellationToken token)
    {
        public CancellationToken Token { get; } = token;

        public List<short> Samples { get; } = new(1 << 16);

        public List<RawEvent> Events { get; } = [];

        public bool Aborted { get; set; }

        public Exception? Failure { get; set; }
    }
}
