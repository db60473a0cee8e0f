using System.Diagnostics;
using System.Net;
using Broadsheet.Tests.Faults;
using Broadsheet.Tests.Newsroom;

namespace Broadsheet.Tests.Operations;

/// <summary>
/// A deployment as docs/deployment.md describes it, on this machine: two web instances and one worker on the test
/// PostgreSQL and Redis, behind a real Varnish running the shipped VCL (deploy/varnish/broadsheet.vcl) with vmod_xkey.
/// Web 1 and the worker are real <c>dotnet Broadsheet.dll</c> processes; web 2 runs in the test's own process, a process
/// apart from both that shares nothing with them but the database, Redis and Varnish, and whose code is compiled
/// already (an app process costs seconds of CPU to start). Everything starts at once, once for the class.
/// </summary>
public sealed class ScaleOutSite : IAsyncLifetime
{
    private readonly string varnishFolder = Path.Combine(Path.GetTempPath(), "broadsheet-tests", "varnish-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<AppProcess> processes = [];
    private FaultDatabase database = null!;
    private Process? varnish;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> varnishLog = new();

    public AppProcess Web1 { get; private set; } = null!;

    public LoggedApp Web2 { get; private set; } = null!;

    public AppProcess Worker { get; private set; } = null!;

    public FaultDatabase Database => database;

    /// <summary>Varnish's address: what readers reach.</summary>
    public Uri Varnish { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var redis = Environment.GetEnvironmentVariable("BROADSHEET_TEST_REDIS") is { Length: > 0 } r
            ? r
            : throw new InvalidOperationException("BROADSHEET_TEST_REDIS is not set. Run the tests with ./test.sh, which starts Redis.");
        var web1Port = AppProcess.FreePort();
        var varnishPort = AppProcess.FreePort();
        Varnish = new Uri($"http://127.0.0.1:{varnishPort}/");
        database = await FaultDatabase.CreateAsync(DatabaseProvider.PostgreSQL, ct);
        var common = new Dictionary<string, string>(database.Settings)
        {
            ["Broadsheet__Redis"] = redis,
            ["Broadsheet__RedisPrefix"] = "scaleout" + Guid.NewGuid().ToString("N")[..8] + ":",
            ["Broadsheet__Edge__Purger"] = "Varnish",
            ["Broadsheet__Edge__VarnishUrls__0"] = Varnish.ToString(),
            ["Broadsheet__Edge__RepurgeSeconds"] = "0.3",
        };
        Dictionary<string, string> Web(int port) => new(common)
        {
            ["Broadsheet__Role"] = "web",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        };
        var worker = new Dictionary<string, string>(common)
        {
            ["Broadsheet__Role"] = "worker",
            ["Broadsheet__Listen__Worker"] = "true",
            ["Broadsheet__Listen__PollSeconds"] = "0.5",
            ["Broadsheet__Listen__VoicesAhead"] = "1",
            ["Broadsheet__Listen__WorkerNiceness"] = "0",
            // Its audio encoders' hot loops are its work: they get their optimised second compilation (AppProcess.ShortLived).
            ["DOTNET_TC_CallCounting"] = "1",
        };
        var starting = Task.WhenAll(AppProcess.StartAsync(Web(web1Port), ct), AppProcess.StartAsync(worker, ct));
        // Web 2 starts while the processes do, on the thread pool (its start blocks); Varnish once its port is known.
        Web2 = database.InProcessApp(new Dictionary<string, string>(common) { ["Broadsheet__Role"] = "web" });
        var web2Port = await Task.Run(() => Web2.BaseAddress.Port, ct);
        var varnishStarted = StartVarnishAsync(varnishPort, web1Port, web2Port, ct);
        var started = await starting;
        processes.AddRange(started);
        (Web1, Worker) = (started[0], started[1]);
        await varnishStarted;
    }

    public HttpClient VarnishClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = Varnish, Timeout = TimeSpan.FromSeconds(30) };

    private async Task StartVarnishAsync(int port, int web1, int web2, CancellationToken ct)
    {
        Directory.CreateDirectory(varnishFolder);
        // The child process runs as Varnish's own user and must read the compiled VCL in its working folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(varnishFolder, (UnixFileMode)0b111_101_101);
        }
        var shipped = Path.Combine(AppProcess.ProjectFolder(), "..", "..", "deploy", "varnish", "broadsheet.vcl");
        File.Copy(shipped, Path.Combine(varnishFolder, "broadsheet.vcl"));
        await File.WriteAllTextAsync(Path.Combine(varnishFolder, "backends.vcl"), $$"""
            backend web1 { .host = "127.0.0.1"; .port = "{{web1}}"; }
            backend web2 { .host = "127.0.0.1"; .port = "{{web2}}"; }
            sub vcl_init {
                new web = directors.round_robin();
                web.add_backend(web1);
                web.add_backend(web2);
            }
            sub broadsheet_backend {
                set req.backend_hint = web.backend();
            }
            """, ct);
        var start = new ProcessStartInfo(File.Exists("/usr/sbin/varnishd") ? "/usr/sbin/varnishd" : "varnishd")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "-F", "-a", $"127.0.0.1:{port}", "-f", Path.Combine(varnishFolder, "broadsheet.vcl"), "-p", $"vcl_path={varnishFolder}",
            "-n", Path.Combine(varnishFolder, "state"), "-s", "malloc,32m", "-T", "none",
        })
        {
            start.ArgumentList.Add(argument);
        }
        if (Environment.UserName != "root")
        {
            // Without root there is no user to drop to.
            start.ArgumentList.Add("-j");
            start.ArgumentList.Add("none");
        }
        varnish = new Process { StartInfo = start };
        varnish.OutputDataReceived += (_, e) => varnishLog.Enqueue(e.Data ?? "");
        varnish.ErrorDataReceived += (_, e) => varnishLog.Enqueue(e.Data ?? "");
        varnish.Start();
        varnish.BeginOutputReadLine();
        varnish.BeginErrorReadLine();
        using var client = VarnishClient();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(varnish.HasExited, "varnishd exited:\n" + string.Join('\n', varnishLog));
            try
            {
                // Any answer will do: Varnish refuses a PURGE without keys.
                using var answer = await client.SendAsync(new HttpRequestMessage(new HttpMethod("PURGE"), "/"), ct);
                if (answer.StatusCode == HttpStatusCode.BadRequest)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "Varnish did not answer within 30 s:\n" + string.Join('\n', varnishLog));
            await Task.Delay(50, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(processes.Select(p => p.DisposeAsync().AsTask()));
        if (Web2 is not null)
        {
            await Web2.DisposeAsync();
        }
        if (varnish is not null)
        {
            if (!varnish.HasExited)
            {
                varnish.Kill(entireProcessTree: true);
                await varnish.WaitForExitAsync();
            }
            varnish.Dispose();
        }
        if (database is not null)
        {
            await database.DisposeAsync();
        }
        try
        {
            Directory.Delete(varnishFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
