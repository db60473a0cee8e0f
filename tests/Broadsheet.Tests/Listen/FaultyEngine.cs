using Broadsheet.Speech;

namespace Broadsheet.Tests.Listen;

/// <summary>
/// A real speech engine that fails on purpose, for fault injection: its voice <c>fault-hang</c> never returns and
/// ignores cancellation (as a wedged native call would), its voice <c>fault-crash</c> throws. Both read Xhosa
/// (<c>xh</c>), which no installed engine does, so only articles in that language reach them.
/// </summary>
public sealed class FaultyEngine : ISpeechEngine, IDisposable
{
    public const string CrashMessage = "The engine process died (simulated segfault).";

    private readonly ManualResetEventSlim released = new(false);

    public string Name => "faulty";

    public bool IsAvailable => true;

    public string? UnavailableReason => null;

    public IReadOnlyList<Voice> Voices { get; } =
    [
        new("fault-hang", "faulty", "xh", "Hangs forever", "unknown"),
        new("fault-crash", "faulty", "xh", "Crashes every time", "unknown"),
    ];

    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public SpeechResult Synthesize(string text, Voice voice, CancellationToken ct)
    {
        Interlocked.Increment(ref calls);
        if (voice.Id == "fault-crash")
        {
            throw new InvalidOperationException(CrashMessage);
        }
        released.Wait(CancellationToken.None); // deaf to ct on purpose: only the watchdog gets past this
        throw new OperationCanceledException("Released at the end of the test.");
    }

    public void Dispose()
    {
        released.Set();
        released.Dispose();
    }
}
