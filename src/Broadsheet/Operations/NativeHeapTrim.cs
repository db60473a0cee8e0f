using System.Runtime.InteropServices;

namespace Broadsheet.Operations;

/// <summary>
/// Hands the native heap's free pages back to the operating system: once when the application has started, and then
/// every <see cref="Interval"/>. glibc's allocator returns freed memory only from the top of each heap, so what the
/// runtime, the JIT and SQLite free in the middle stays resident: right after start-up about 10 MB of the process's
/// 16 MB native heap is free but resident (docs/benchmarks.md, "Memory, third round"), and the per-thread heaps that
/// requests' SQLite connections allocate from grow the same way under load. <c>malloc_trim</c> releases those pages
/// (the addresses stay reserved, so reuse costs a page fault, not a system call); a few milliseconds every interval.
/// A no-op off Linux and on a C library without <c>malloc_trim</c> (musl).
/// </summary>
public sealed partial class NativeHeapTrim(IHostApplicationLifetime lifetime, TimeProvider time, ILogger<NativeHeapTrim> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private static bool unavailable = !OperatingSystem.IsLinux();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (unavailable || !await Started(stoppingToken))
        {
            return;
        }
        // Start-up's garbage (the EF model's building, configuration binding, the migration check) is collected and its
        // emptied regions returned before the first trim, so that both start from what the process keeps.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            if (!Trim())
            {
                log.LogDebug("malloc_trim is not available; the native heap is left as it is.");
                return;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task<bool> Started(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Releases the native heaps' free pages; false when the C library has no <c>malloc_trim</c>.</summary>
    public static bool Trim()
    {
        if (unavailable)
        {
            return false;
        }
        try
        {
            _ = MallocTrim(0);
            return true;
        }
        catch (EntryPointNotFoundException)
        {
            unavailable = true;
            return false;
        }
        catch (DllNotFoundException)
        {
            unavailable = true;
            return false;
        }
    }

    /// <summary>glibc's <c>malloc_trim</c>: 1 when it released memory, 0 when there was none to release.</summary>
    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    internal static partial int MallocTrim(nuint pad);
}
