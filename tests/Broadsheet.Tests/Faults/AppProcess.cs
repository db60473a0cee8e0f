using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Broadsheet.Tests.Faults;

/// <summary>
/// The real app as an operator runs it: <c>dotnet Broadsheet.dll</c> in a process of its own, so a test can kill it
/// with SIGKILL, read its CPU time and count its log lines.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string AdminKey = "fault-admin-key-0123456789abcdef";

    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Broadsheet.dll"));
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        // As `dotnet run --project src/Broadsheet` does: the project folder (with wwwroot) is the content root.
        start.Environment["ASPNETCORE_CONTENTROOT"] = ProjectFolder();
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Broadsheet__BootstrapApiKey"] = AdminKey;
        start.Environment["Broadsheet__SeedDemoContent"] = "false";
        start.Environment["Broadsheet__Listen__Worker"] = "false";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The app exited before listening:\n" + Log));
    }

    /// <summary>
    /// Runtime settings for a process that lives seconds, not days: each method is compiled once, quickly (the
    /// framework's precompiled code or a quick JIT), and never again. The app turns tiered compilation off for its
    /// long-running server, so that every method is compiled once, optimised: that costs a short-lived process seconds
    /// of CPU at start-up. Tiered compilation alone starts it on less, but then compiles every method called 30 times
    /// a second time, optimised, in the background, which costs more than it saves over the few hundred requests of a
    /// test. Measured on the app as the fault tests start it (start-up, then 20 creates, publishes and reads of an
    /// article; CPU of the process, two runs each, load average 30-60): shipped 4.5 s + 3.2 s, tiered 2.7 s + 5.8 s,
    /// these settings 2.7 s + 2.3 s. Not for a process whose own hot loops are the work (the audio worker's encoders).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ShortLived { get; } = new Dictionary<string, string>
    {
        ["DOTNET_TieredCompilation"] = "1",
        ["DOTNET_TieredPGO"] = "0",
        ["DOTNET_TC_CallCounting"] = "0",
    };

    public int Id => process.Id;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Everything the app wrote so far, stdout and stderr interleaved.</summary>
    public string Log => string.Join('\n', lines);

    public int LineCount => lines.Count;

    public bool HasExited => process.HasExited;

    /// <summary>The process's CPU time (user and system) so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the app with these settings (environment variables, e.g. <c>Broadsheet__Redis</c>) and waits until it listens.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        var app = new AppProcess(settings);
        app.process.Start();
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        try
        {
            app.BaseAddress = await app.listening.Task.WaitAsync(TimeSpan.FromSeconds(90), ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    public HttpClient Client() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public HttpClient AdminClient()
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no flush, exactly what a crash or the OOM killer does.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    /// <summary>A TCP port nobody listens on right now, for the servers a test starts.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, failing with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < timeout, $"Timed out after {timeout.TotalSeconds:0} s waiting until {what}.");
            await Task.Delay(100, ct);
        }
    }

    public static string ProjectFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Broadsheet.slnx")))
        {
            dir = dir.Parent;
        }
        return dir is null
            ? throw new InvalidOperationException("The repository root (Broadsheet.slnx) is not above the test binaries.")
            : Path.Combine(dir.FullName, "src", "Broadsheet");
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }
        lines.Enqueue(line);
        const string marker = "Now listening on: ";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            listening.TrySetResult(new Uri(line[(at + marker.Length)..].Trim().TrimEnd('/') + "/"));
        }
    }
}
