using System.Globalization;
using System.Runtime.InteropServices;

namespace Broadsheet.Speech;

/// <summary>
/// Offline English speech through CMU Flite (<c>libflite.so.1</c> and the <c>libflite_cmu_us_*.so.1</c> voice libraries),
/// with word timings read from the utterance's Token, Word and Segment relations.
/// </summary>
/// <remarks>
/// Flite is not documented as thread-safe, so all native calls from all instances are serialised through one
/// process-wide lock. Text is synthesised one sentence at a time (which also lets cancellation take effect between
/// sentences); each flite token is aligned back to the input string, and when a token expands to several spoken words
/// (numbers, abbreviations) one word mark covers the whole source token.
/// </remarks>
public sealed class FliteEngine : ISpeechEngine, ISpeechEngineDiagnostics
{
    /// <summary>The engine name used in <see cref="Voice.Engine"/>.</summary>
    public const string EngineName = "flite";

    /// <summary>Library names tried for the core library, in order.</summary>
    public static readonly IReadOnlyList<string> DefaultLibraryNames = ["libflite.so.1", "libflite.so"];

    private static readonly VoiceSpec[] Specs =
    [
        new("slt", "en-US", "Slt, US English, female", "female", [("libflite_cmu_us_slt.so.1", "register_cmu_us_slt")]),
        new("awb", "en-GB-scotland", "Awb, Scottish English, male", "male", [("libflite_cmu_us_awb.so.1", "register_cmu_us_awb")]),
        new("rms", "en-US", "Rms, US English, male", "male", [("libflite_cmu_us_rms.so.1", "register_cmu_us_rms")]),
        // kal16 is the 16 kHz build of the kal diphone voice; the 8 kHz one is the fallback.
        new("kal", "en-US", "Kal, US English, male", "male", [("libflite_cmu_us_kal16.so.1", "register_cmu_us_kal16"), ("libflite_cmu_us_kal.so.1", "register_cmu_us_kal")]),
    ];

    private static readonly Lock s_native = new();
    private static FliteNative? s_lib;
    private static readonly Dictionary<string, nint> s_voicePointers = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, string> s_voiceProblems = new(StringComparer.Ordinal);

    private static readonly byte[] TokenZ = "Token\0"u8.ToArray();
    private static readonly byte[] NameZ = "name\0"u8.ToArray();
    private static readonly byte[] EndZ = "end\0"u8.ToArray();
    private static readonly byte[] FirstSegmentZ = "R:SylStructure.daughter1.daughter1.R:Segment\0"u8.ToArray();
    private static readonly byte[] LastSegmentZ = "R:SylStructure.daughtern.daughtern.R:Segment\0"u8.ToArray();
    private static readonly byte[] PreviousSegmentZ = "p\0"u8.ToArray();

    private readonly Dictionary<string, nint> _voices = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];

    /// <summary>Loads flite and every voice library that is installed. Never throws; check <see cref="IsAvailable"/>.</summary>
    public FliteEngine()
        : this(DefaultLibraryNames)
    {
    }

    /// <summary>Loads flite from the first library name that loads. Never throws; check <see cref="IsAvailable"/>.</summary>
    /// <param name="libraryNames">Candidate names or paths for the core library. Flite is loaded once per process: if another
    /// instance already did so, these names are only probed and the library already in use is shared.</param>
    public FliteEngine(IEnumerable<string> libraryNames)
    {
        ArgumentNullException.ThrowIfNull(libraryNames);
        var voices = new List<Voice>();
        try
        {
            lock (s_native)
            {
                UnavailableReason = EnsureInitialised(libraryNames);
                if (UnavailableReason is null)
                {
                    foreach (var spec in Specs)
                    {
                        var pointer = LoadVoice(spec);
                        if (pointer != 0)
                        {
                            var voice = new Voice("flite-" + spec.Key, EngineName, spec.Language, spec.DisplayName, spec.Gender);
                            voices.Add(voice);
                            _voices[voice.Id] = pointer;
                        }
                        else
                        {
                            _problems.Add($"flite voice '{spec.Key}' ({spec.DisplayName}) is unavailable: {s_voiceProblems[spec.Key]}");
                        }
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            UnavailableReason = $"Flite could not be initialised: {ex.Message}";
            voices.Clear();
        }

        if (UnavailableReason is null && voices.Count == 0)
        {
            UnavailableReason = "Flite loaded but none of its voice libraries (libflite_cmu_us_*.so.1) could be loaded. Install the Debian package libflite1.";
        }

        if (UnavailableReason is not null)
        {
            _problems.Insert(0, UnavailableReason);
            voices.Clear();
        }

        Voices = voices.AsReadOnly();
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

    /// <inheritdoc />
    public SpeechResult Synthesize(string text, Voice voice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        if (!IsAvailable)
        {
            throw new InvalidOperationException($"{EngineName} is unavailable: {UnavailableReason}");
        }

        if (!_voices.TryGetValue(voice.Id, out var voicePointer))
        {
            throw new ArgumentException($"Voice '{voice.Id}' does not belong to {EngineName}.", nameof(voice));
        }

        ct.ThrowIfCancellationRequested();
        var samples = new List<short>(1 << 16);
        var marks = new List<SpeechMark>();
        var sampleRate = 0;
        foreach (var (start, end) in SentenceSplitter.Split(text))
        {
            ct.ThrowIfCancellationRequested();
            var sentence = text[start..end];
            var utterance = SynthesizeUtterance(sentence, voicePointer);
            if (sampleRate == 0)
            {
                sampleRate = utterance.SampleRate;
            }
            else if (utterance.SampleRate != sampleRate && utterance.Samples.Length > 0)
            {
                throw new InvalidOperationException($"{EngineName} changed sample rate within one text ({sampleRate} → {utterance.SampleRate}).");
            }

            var offsetMs = (int)Math.Round(samples.Count * 1000.0 / Math.Max(sampleRate, 1));
            samples.AddRange(utterance.Samples);
            var totalMs = (int)Math.Round(samples.Count * 1000.0 / Math.Max(sampleRate, 1));

            var words = AlignTokens(sentence, utterance.Tokens);
            var lastWordMs = offsetMs;
            foreach (var (wStart, wLength, startS, endS) in words)
            {
                var s = Math.Clamp(offsetMs + (int)Math.Round(startS * 1000), offsetMs, totalMs);
                var e = Math.Clamp(offsetMs + (int)Math.Round(endS * 1000), s, totalMs);
                marks.Add(new SpeechMark(SpeechMarkKind.Word, start + wStart, wLength, s, e));
                lastWordMs = Math.Max(lastWordMs, e);
            }

            if (words.Count > 0)
            {
                marks.Add(new SpeechMark(SpeechMarkKind.Sentence, start, end - start, offsetMs, lastWordMs));
            }
        }

        return new SpeechResult([.. samples], sampleRate == 0 ? 16000 : sampleRate, EspeakNgEngine.SortMarks(marks));
    }

    /// <summary>
    /// Maps flite tokens (in order) to UTF-16 ranges of <paramref name="text"/>. Tokens are searched for from a moving
    /// cursor; a token that cannot be found (flite rewrote it) is attributed to the next whitespace-delimited chunk.
    /// </summary>
    internal static List<(int Start, int Length, float StartS, float EndS)> AlignTokens(string text, IReadOnlyList<FliteToken> tokens)
    {
        var result = new List<(int, int, float, float)>();
        var cursor = 0;
        foreach (var token in tokens)
        {
            int start;
            int length;
            var index = FindWhole(text, token.Name, cursor);
            // Accept a match only if it does not skip a whole other chunk of text (otherwise a repeated short token
            // such as "a" could jump far ahead).
            if (index >= 0 && CountChunks(text, cursor, index) <= 1)
            {
                start = index;
                length = token.Name.Length;
            }
            else
            {
                (start, length) = NextChunk(text, cursor);
            }

            if (length > 0)
            {
                cursor = start + length;
                (start, length) = TrimPunctuation(text, start, length);
            }

            if (token.Words.Count == 0 || length == 0)
            {
                continue;
            }

            var startS = token.Words.Min(w => w.StartS);
            var endS = token.Words.Max(w => w.EndS);
            result.Add((start, length, startS, Math.Max(startS, endS)));
        }

        return result;
    }

    /// <summary>Drops quotes and other punctuation flite kept in a token name (e.g. curly quotes), if letters remain.</summary>
    private static (int Start, int Length) TrimPunctuation(string text, int start, int length)
    {
        var end = start + length;
        var hasWordCharacter = false;
        foreach (var c in text.AsSpan(start, length))
        {
            hasWordCharacter |= char.IsLetterOrDigit(c);
        }

        if (!hasWordCharacter)
        {
            return (start, length);
        }

        while (start < end && IsQuoteOrBracket(text[start]))
        {
            start++;
        }

        while (end > start && (IsQuoteOrBracket(text[end - 1]) || text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '…'))
        {
            end--;
        }

        return (start, end - start);
    }

    private static bool IsQuoteOrBracket(char c) =>
        c is '"' or '\'' || char.GetUnicodeCategory(c) is UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation;

    /// <summary>First occurrence of <paramref name="name"/> at or after <paramref name="from"/> that is not part of a longer word.</summary>
    private static int FindWhole(string text, string name, int from)
    {
        if (name.Length == 0)
        {
            return -1;
        }

        for (var i = text.IndexOf(name, from, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + 1, StringComparison.Ordinal))
        {
            var end = i + name.Length;
            var startsWord = i == 0 || !char.IsLetterOrDigit(text[i - 1]) || !char.IsLetterOrDigit(name[0]);
            var endsWord = end >= text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(name[^1]);
            if (startsWord && endsWord)
            {
                return i;
            }
        }

        return -1;
    }

    private static int CountChunks(string text, int from, int to)
    {
        var chunks = 0;
        var inChunk = false;
        for (var i = from; i < to; i++)
        {
            var word = char.IsLetterOrDigit(text[i]);
            if (word && !inChunk)
            {
                chunks++;
            }

            inChunk = word || (inChunk && !char.IsWhiteSpace(text[i]));
        }

        return chunks;
    }

    private static (int Start, int Length) NextChunk(string text, int cursor)
    {
        var s = cursor;
        while (s < text.Length && !char.IsLetterOrDigit(text[s]))
        {
            s++;
        }

        var e = s;
        while (e < text.Length && !char.IsWhiteSpace(text[e]))
        {
            e++;
        }

        while (e > s && !char.IsLetterOrDigit(text[e - 1]))
        {
            e--;
        }

        return (s, e - s);
    }

    private static unsafe Utterance SynthesizeUtterance(string sentence, nint voice)
    {
        var textZ = Utf8.Z(sentence.Replace('\0', ' '));
        lock (s_native)
        {
            var lib = s_lib ?? throw new InvalidOperationException($"{EngineName} is not initialised.");
            nint utt;
            fixed (byte* t = textZ)
            {
                utt = lib.SynthText(t, voice);
            }

            if (utt == 0)
            {
                throw new InvalidOperationException($"{EngineName} returned no utterance.");
            }

            try
            {
                var wave = lib.UttWave(utt);
                short[] samples = [];
                var rate = 0;
                if (wave is not null && wave->NumSamples > 0 && wave->Samples != 0)
                {
                    rate = wave->SampleRate;
                    var channels = Math.Max(wave->NumChannels, 1);
                    var all = new ReadOnlySpan<short>((void*)wave->Samples, checked(wave->NumSamples * channels));
                    samples = channels == 1 ? all.ToArray() : Downmix(all, channels);
                }

                var tokens = new List<FliteToken>();
                var relation = lib.Relation(utt, TokenZ);
                for (var token = relation == 0 ? 0 : lib.RelationHead(relation); token != 0; token = lib.ItemNext(token))
                {
                    var name = lib.FeatureString(token, NameZ) ?? "";
                    var words = new List<FliteWord>();
                    for (var word = lib.ItemDaughter(token); word != 0; word = lib.ItemNext(word))
                    {
                        // Word end = end of its last segment; start = end of the segment before its first one (0 if none).
                        var first = lib.Item(word, FirstSegmentZ);
                        var last = lib.Item(word, LastSegmentZ);
                        var end = last == 0 ? null : lib.FeatureFloat(last, EndZ);
                        if (first == 0 || end is null)
                        {
                            continue; // a word without segments: nothing was spoken for it
                        }

                        var previous = lib.Item(first, PreviousSegmentZ);
                        var start = previous == 0 ? 0f : lib.FeatureFloat(previous, EndZ) ?? 0f;
                        words.Add(new FliteWord(lib.FeatureString(word, NameZ) ?? "", start, end.Value));
                    }

                    tokens.Add(new FliteToken(name, words));
                }

                return new Utterance(samples, rate, tokens);
            }
            finally
            {
                lib.DeleteUtterance(utt);
            }
        }
    }

    private static short[] Downmix(ReadOnlySpan<short> interleaved, int channels)
    {
        var mono = new short[interleaved.Length / channels];
        for (var i = 0; i < mono.Length; i++)
        {
            var sum = 0;
            for (var c = 0; c < channels; c++)
            {
                sum += interleaved[(i * channels) + c];
            }

            mono[i] = (short)(sum / channels);
        }

        return mono;
    }

    private static string? EnsureInitialised(IEnumerable<string> libraryNames)
    {
        var names = libraryNames.ToList();
        if (s_lib is not null)
        {
            // Already loaded by another instance: probe this instance's names so a wrong one is reported, then share.
            return names.Contains(s_lib.Library.Name) || NativeLibraryHandle.TryLoad(names, out var probeError) is not null
                ? null
                : Missing(probeError);
        }

        var lib = FliteNative.TryLoad(names, out var error);
        if (lib is null)
        {
            return Missing(error);
        }

        unsafe
        {
            _ = lib.Init();
        }

        s_lib = lib;
        return null;
    }

    private static string Missing(string? error) =>
        $"Flite library could not be loaded ({error}). Install the Debian package libflite1.";

    private static unsafe nint LoadVoice(VoiceSpec spec)
    {
        if (s_voicePointers.TryGetValue(spec.Key, out var existing))
        {
            return existing;
        }

        if (s_voiceProblems.ContainsKey(spec.Key))
        {
            return 0;
        }

        var failures = new List<string>();
        foreach (var (library, register) in spec.Libraries)
        {
            var handle = NativeLibraryHandle.TryLoad([library], out var error);
            if (handle is null)
            {
                failures.Add(error ?? library);
                continue;
            }

            if (!NativeLibrary.TryGetExport(handle.Handle, register, out var address))
            {
                failures.Add($"{library} does not export {register}");
                continue;
            }

            var voice = ((delegate* unmanaged[Cdecl]<nint, nint>)address)(0);
            if (voice == 0)
            {
                failures.Add($"{register} returned NULL");
                continue;
            }

            s_voicePointers[spec.Key] = voice;
            return voice;
        }

        s_voiceProblems[spec.Key] = string.Join("; ", failures);
        return 0;
    }

    internal sealed record FliteWord(string Name, float StartS, float EndS);

    internal sealed record FliteToken(string Name, IReadOnlyList<FliteWord> Words);

    private sealed record Utterance(short[] Samples, int SampleRate, IReadOnlyList<FliteToken> Tokens);

    private sealed record VoiceSpec(string Key, string Language, string DisplayName, string Gender, (string Library, string Register)[] Libraries);
}
