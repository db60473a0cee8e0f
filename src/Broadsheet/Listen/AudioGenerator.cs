using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Broadsheet.Speech;
using Microsoft.Extensions.Options;

namespace Broadsheet.Listen;

/// <summary>What a generation wrote: the recording (kept for the Opus pass) and the MP3's figures.</summary>
public sealed record GeneratedAudio(AssembledSpeech Speech, int DurationMs, long Mp3Bytes, int ElapsedMs);

/// <summary>
/// Turns a script into files: synthesis part by part, assembly with the script's pauses, MP3 plus timings (JSON and
/// WebVTT) first, because that is what makes the audio ready, and Opus after, as a second pass.
/// </summary>
public sealed class AudioGenerator(VoiceCatalog catalog, AudioFiles files, IOptions<ListenOptions> options)
{
    private readonly ListenOptions listen = options.Value;

    /// <summary>
    /// Synthesises and writes the MP3, JSON and VTT files of one recording. Blocking: call it on a worker thread. The MP3 is
    /// encoded on a second thread (at the calling thread's niceness) while the later parts are still being synthesised,
    /// so a recording is ready about when its synthesis ends.
    /// </summary>
    public GeneratedAudio WriteMp3AndTimings(int articleId, AudioScript script, Voice voice, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var engine = catalog.EngineFor(voice);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pieces = new BlockingCollection<(short[] Samples, int Rate)>();
        var encoding = BackgroundThread.Run(() => EncodeMp3(pieces, stop), listen.WorkerNiceness, "Broadsheet MP3");
        AssembledSpeech speech;
        try
        {
            speech = SpeechAssembly.Synthesize(script, (text, token) => engine.Synthesize(text, voice, token),
                (samples, rate) => pieces.Add((samples, rate), stop.Token), stop.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Only a failed encoder stops synthesis by itself: its error is the one to report.
            pieces.CompleteAdding();
            encoding.GetAwaiter().GetResult();
            throw;
        }
        catch
        {
            stop.Cancel();
            pieces.CompleteAdding();
            throw;
        }
        pieces.CompleteAdding();
        var (mp3, encoded) = encoding.GetAwaiter().GetResult();
        using (mp3)
        {
            if (speech.Samples.Length == 0 || encoded is null)
            {
                throw new InvalidOperationException($"{engine.Name} produced no audio for voice {voice.Id}.");
            }
            ct.ThrowIfCancellationRequested();
            var timings = AudioTimings.Build(script, speech, encoded);

            // Timings first and the MP3 last: the MP3 is what the status check and the sweep look for.
            files.WriteAtomically(files.PathOf(articleId, voice.Id, script.Fingerprint, AudioFormats.Timings), timings.ToJson());
            files.WriteAtomically(files.PathOf(articleId, voice.Id, script.Fingerprint, AudioFormats.WebVtt), Encoding.UTF8.GetBytes(timings.ToWebVtt()));
            var bytes = files.WriteAtomically(files.PathOf(articleId, voice.Id, script.Fingerprint, AudioFormats.Mp3), s => mp3.WriteTo(s));
            return new GeneratedAudio(speech, encoded.DurationMs, bytes, (int)clock.ElapsedMilliseconds);
        }
    }

    /// <summary>Encodes the pieces as they come; on failure it cancels <paramref name="stop"/> so synthesis ends early.</summary>
    private (MemoryStream Mp3, EncodedAudio? Encoded) EncodeMp3(BlockingCollection<(short[] Samples, int Rate)> pieces, CancellationTokenSource stop)
    {
        var mp3 = new MemoryStream();
        Mp3EncodingSession? session = null;
        try
        {
            foreach (var (samples, rate) in pieces.GetConsumingEnumerable(stop.Token))
            {
                session ??= new Mp3Encoder(listen.Mp3BitrateKbps, quality: listen.Mp3Quality).Open(rate);
                session.Write(samples);
            }
            return (mp3, session?.Finish(mp3));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            mp3.Dispose();
            stop.Cancel();
            throw;
        }
        catch
        {
            mp3.Dispose();
            throw;
        }
        finally
        {
            session?.Dispose();
        }
    }

    /// <summary>Writes the Opus file of a recording already made. Blocking.</summary>
    public long WriteOpus(int articleId, string voiceId, string fingerprint, AssembledSpeech speech, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var opus = new MemoryStream(speech.Samples.Length / 8 + 4096);
        new OggOpusEncoder(listen.OpusBitrate, voip: true, listen.OpusComplexity).Encode(speech.Samples, speech.SampleRate, opus);
        ct.ThrowIfCancellationRequested();
        return files.WriteAtomically(files.PathOf(articleId, voiceId, fingerprint, AudioFormats.Opus), s => opus.WriteTo(s));
    }
}

/// <summary>
/// Runs blocking work on a thread of its own at a lowered scheduling priority (Linux niceness), so that synthesis and
/// encoding take the CPU that page serving leaves, and a native call that never returns holds only that thread.
/// </summary>
public static partial class BackgroundThread
{
    public static Task<T> Run<T>(Func<T> work, int niceness, string name)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            LowerPriority(niceness);
            try
            {
                done.SetResult(work());
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>Sets the calling thread's niceness; on Linux setpriority with a thread id affects that thread only.</summary>
    public static bool LowerPriority(int niceness)
    {
        if (niceness <= 0 || !OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            return SetPriority(0 /* PRIO_PROCESS */, GetThreadId(), niceness) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The calling thread's niceness, or <see langword="null"/> off Linux.</summary>
    public static int? CurrentNiceness()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        var stat = File.ReadAllText($"/proc/self/task/{GetThreadId()}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture); // field 19 of stat: nice
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
