using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Broadsheet.Data;
using Broadsheet.Listen;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Broadsheet.Tests.Hardening;

/// <summary>
/// The audio worker with its database unreachable (a real PostgreSQL client pointed at a port nothing listens on):
/// each failed pass waits a growing pause on the clock before the next, and the log gets one stack trace, then a line
/// at the 2nd, 4th, 8th... failure.
/// </summary>
public sealed class AudioWorkerOutageTests
{
    [Fact]
    public async Task With_the_database_unreachable_the_worker_backs_off_and_keeps_its_log_short()
    {
        await using var app = new BroadsheetApp(DatabaseProvider.Sqlite);
        _ = app.BaseAddress;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var log = new CollectingLogger();
        await using var unreachable = new ServiceCollection()
            .AddDbContext<BroadsheetDb, PostgresBroadsheetDb>(o => o.UseNpgsql($"Host=127.0.0.1;Port={ClosedPort()};Database=none;Username=none;Timeout=2"))
            .BuildServiceProvider();
        var worker = ActivatorUtilities.CreateInstance<AudioWorker>(app.Services, unreachable.GetRequiredService<IServiceScopeFactory>(), (TimeProvider)clock, (ILogger<AudioWorker>)log);
        await worker.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await WaitUntilAsync(() => worker.FailedPasses >= 1);
            Assert.Equal(1, worker.FailedPasses);
            for (var failures = 1; failures < 8; failures++)
            {
                // Drive the clock in small steps until the next pass fails: it must not come before the pause is over
                // (a busy loop would count on with the clock standing still). A failure that lands between this loop's
                // look and its step starts its pause before that step, which the previous round counted: so the pass
                // may come one step before the pause as counted here, never earlier.
                var step = TimeSpan.FromMilliseconds(250);
                var advanced = TimeSpan.Zero;
                while (worker.FailedPasses == failures)
                {
                    Assert.True(advanced < TimeSpan.FromMinutes(5), $"No pass ran in {advanced} after failure {failures}.");
                    clock.Advance(step);
                    advanced += step;
                    await Task.Delay(5, TestContext.Current.CancellationToken);
                }
                Assert.Equal(failures + 1, worker.FailedPasses);
                Assert.True(advanced + step >= AudioWorker.Backoff(failures), $"Pass {failures + 1} came {advanced} after failure {failures}, before its pause of {AudioWorker.Backoff(failures)}.");
            }
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
        }

        Assert.Equal(1, log.Entries.Count(e => e.Exception is not null));
        // The first failure, then the 2nd, 4th and 8th.
        Assert.Equal(4, log.Entries.Count(e => e.Level == LogLevel.Warning));
        Assert.True(AudioWorker.Backoff(2) > AudioWorker.Backoff(1));
        Assert.Equal(TimeSpan.FromMinutes(1), AudioWorker.Backoff(1000));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true within a minute.");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    private sealed class CollectingLogger : ILogger<AudioWorker>
    {
        public ConcurrentQueue<(LogLevel Level, Exception? Exception, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, exception, formatter(state, exception)));
    }
}
