using System.Diagnostics;
using Npgsql;

namespace Broadsheet.Tests.Faults;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb into a temporary folder, on a free port), so that the test can stop
/// and start it without touching the server other tests share. As root the cluster runs as the postgres user, as
/// test.sh runs its own.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "broadsheet-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string bin;
    private readonly bool asRoot = Environment.UserName == "root";

    private ThrowawayPostgres()
    {
        bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderBy(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version(0, 0))
            .Last();
        Port = AppProcess.FreePort();
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=broadsheet";

    public static async Task<ThrowawayPostgres> StartAsync(CancellationToken ct)
    {
        var server = new ThrowawayPostgres();
        Directory.CreateDirectory(server.folder);
        if (server.asRoot)
        {
            await Run("chown", ["postgres", server.folder], ct);
        }
        await server.RunAsPostgres("initdb", ["-D", server.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], ct);
        await server.StartAgainAsync(ct);
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={server.Port};Username=postgres");
        await connection.OpenAsync(ct);
        await using var create = new NpgsqlCommand("CREATE DATABASE broadsheet", connection);
        await create.ExecuteNonQueryAsync(ct);
        return server;
    }

    private string Data => Path.Combine(folder, "data");

    /// <summary>As a crash or a pulled plug: no checkpoint, every connection dropped.</summary>
    public Task StopAsync(CancellationToken ct) => RunAsPostgres("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"], ct);

    public Task StartAgainAsync(CancellationToken ct) => RunAsPostgres("pg_ctl",
        ["-D", Data, "-l", Path.Combine(folder, "log"), "-w", "-o",
         $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", "start"], ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsPostgres("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"], CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(folder, recursive: true);
    }

    private Task RunAsPostgres(string tool, string[] args, CancellationToken ct) => asRoot
        ? Run("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. args], ct)
        : Run(Path.Combine(bin, tool), args, ct);

    internal static async Task Run(string file, string[] args, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stdout}{await stderr}");
        }
    }
}

/// <summary>A redis-server of the test's own on a free port, to stop and start under a running app.</summary>
public sealed class ThrowawayRedis : IAsyncDisposable
{
    private Process? process;

    public int Port { get; } = AppProcess.FreePort();

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<ThrowawayRedis> StartAsync(CancellationToken ct)
    {
        var redis = new ThrowawayRedis();
        await redis.StartAgainAsync(ct);
        return redis;
    }

    public async Task StartAgainAsync(CancellationToken ct)
    {
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(arg);
        }
        process = Process.Start(start)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(20), ct);
    }

    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
