using System.Collections.Concurrent;
using Broadsheet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Tests.Newsroom;

/// <summary>The collection's shared app per provider, for account tests that each make their own users, so they do not interfere.</summary>
public sealed class NewsroomApps(SharedApps shared)
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];

    // On the thread pool: blocking on the start-up must not hold the test runner's own threads.
    public BroadsheetApp On(DatabaseProvider provider) => Task.Run(() => shared.On(provider)).GetAwaiter().GetResult();
}

/// <summary>A <see cref="BroadsheetApp"/> with extra settings and the log lines it wrote.</summary>
public sealed class LoggedApp(DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null) : BroadsheetApp(provider)
{
    private readonly LineCollector lines = new();

    public IReadOnlyList<string> LogLines => lines.Lines.ToList();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(lines)));
    }

    private sealed class LineCollector : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(LineCollector owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue(formatter(state, exception));
        }
    }
}
