namespace Broadsheet.Speech;

/// <summary>
/// Optional companion to <see cref="ISpeechEngine"/>: problems found at start-up that do not make the whole engine
/// unavailable (a missing voice, a missing language), reported by <see cref="VoiceCatalog.Problems"/>.
/// </summary>
public interface ISpeechEngineDiagnostics
{
    /// <summary>Human-readable problems, including <see cref="ISpeechEngine.UnavailableReason"/> when the engine is unavailable.</summary>
    IReadOnlyList<string> Problems { get; }
}
