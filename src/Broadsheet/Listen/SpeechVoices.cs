using System.Text.Json;
using Broadsheet.Speech;

namespace Broadsheet.Listen;

/// <summary>
/// The voices this process offers. A process that runs the worker jobs probes the speech engines once, at start-up, and
/// writes their voice list to <c>{DataPath}/voices.json</c> (<see cref="VoiceListPublishing"/>); a web-only process loads
/// no engine and offers the voices of that list (the player, the podcast feeds, listeners' requests), read again when
/// a worker writes a new one. Resolve <see cref="VoiceCatalog"/> per use: it is <see cref="Current"/>.
/// </summary>
public sealed class SpeechVoices
{
    public const string ListFile = "voices.json";

    /// <summary>How often a web-only process looks whether the worker wrote a new list.</summary>
    public static readonly TimeSpan ListCheckInterval = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly VoiceCatalog? probed;
    private readonly string listPath;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private VoiceCatalog listed = new([]);
    private DateTime listWritten = DateTime.MinValue;
    private DateTimeOffset nextLook = DateTimeOffset.MinValue;

    private SpeechVoices(VoiceCatalog? probed, string listPath, TimeProvider clock)
    {
        this.probed = probed;
        this.listPath = listPath;
        this.clock = clock;
    }

    /// <summary>A worker's voices: the engines, probed now.</summary>
    public static SpeechVoices Probed(VoiceCatalog catalog, string listPath) => new(catalog, listPath, TimeProvider.System);

    /// <summary>A web-only process's voices: the list a worker wrote.</summary>
    public static SpeechVoices Listed(string listPath, TimeProvider clock) => new(null, listPath, clock);

    public static string ListPath(BroadsheetOptions options) => Path.Combine(Path.GetFullPath(options.DataPath), ListFile);

    /// <summary>True when this process loaded the speech engines (it runs the worker jobs).</summary>
    public bool EnginesLoaded => probed is not null;

    public VoiceCatalog Current
    {
        get
        {
            if (probed is not null)
            {
                return probed;
            }
            lock (gate)
            {
                var now = clock.GetUtcNow();
                if (now >= nextLook)
                {
                    nextLook = now + ListCheckInterval;
                    var written = File.Exists(listPath) ? File.GetLastWriteTimeUtc(listPath) : DateTime.MinValue;
                    if (written != listWritten)
                    {
                        listed = Read(listPath);
                        listWritten = written;
                    }
                }
                return listed;
            }
        }
    }

    /// <summary>Writes the probed voices for the web processes; the file is replaced whole, so a reader never sees half a list.</summary>
    public async Task PublishAsync(CancellationToken ct)
    {
        if (probed is null)
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(listPath)!);
        var temporary = listPath + "." + Environment.ProcessId + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(probed.Voices, Json), ct);
        File.Move(temporary, listPath, overwrite: true);
    }

    private static VoiceCatalog Read(string path)
    {
        try
        {
            var voices = File.Exists(path) ? JsonSerializer.Deserialize<List<Voice>>(File.ReadAllText(path)) ?? [] : [];
            // One listed engine per engine name, in the order of the list: the catalogue's preference order.
            return new VoiceCatalog(voices.GroupBy(v => v.Engine).Select(g => new ListedVoices(g.Key, [.. g])));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return new VoiceCatalog([]);
        }
    }

    /// <summary>An engine's voices as a worker listed them; it makes no audio (the worker does).</summary>
    private sealed class ListedVoices(string name, IReadOnlyList<Voice> voices) : ISpeechEngine
    {
        public string Name => name;

        public bool IsAvailable => true;

        public string? UnavailableReason => null;

        public IReadOnlyList<Voice> Voices => voices;

        public SpeechResult Synthesize(string text, Voice voice, CancellationToken ct) =>
            throw new InvalidOperationException("A web-only process makes no audio: the worker does.");
    }
}

/// <summary>At a worker's start: writes the voices it can make for the web processes (<see cref="SpeechVoices"/>).</summary>
public sealed class VoiceListPublishing(SpeechVoices voices, ILogger<VoiceListPublishing> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await voices.PublishAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not write the voice list; web-only processes offer no voices until a worker writes it");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
