using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Broadsheet.Operations;

/// <summary>
/// A line per request with where its time went, for finding a tail that load on a shared machine hides: the request's
/// time in the server, each PostgreSQL statement's time (to its first response and to its end, from Npgsql's activities),
/// the process's CPU, the garbage collector's pause and collections by generation during it, and the bytes allocated. Off unless
/// <c>BROADSHEET_REQUEST_TIMING</c> names a file; each distinct statement's text is written once, as <c>#n = SQL</c>,
/// and request lines refer to it by number. The figures of collections and allocations are the process's, so they
/// are the request's own only when requests do not overlap (the benchmark's one connection).
/// </summary>
public sealed class RequestTiming : IDisposable
{
    public const string Variable = "BROADSHEET_REQUEST_TIMING";

    private static readonly AsyncLocal<Trace?> Current = new();

    private readonly StreamWriter log;
    private readonly ConcurrentDictionary<string, int> statements = new(StringComparer.Ordinal);
    private readonly Lock writing = new();
    private readonly ActivityListener listener;

    internal RequestTiming(string path)
    {
        log = new StreamWriter(path, append: true, new UTF8Encoding(false)) { AutoFlush = true };
        // Npgsql's activities cover every command, EF Core's and the hand-written ones (ArticleStatements) alike.
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => Current.Value is null ? ActivitySamplingResult.None : ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>The timing when <c>BROADSHEET_REQUEST_TIMING</c> is set, else null (nothing is measured).</summary>
    public static RequestTiming? FromEnvironment() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? new RequestTiming(path) : null;

    public void Dispose()
    {
        listener.Dispose();
        log.Dispose();
    }

    /// <summary>The middleware, first in the pipeline so that the line covers everything the server does for the request.</summary>
    public async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        var trace = new Trace();
        Current.Value = trace;
        var pause = GC.GetTotalPauseDuration();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes();
        var cpu = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next();
        }
        finally
        {
            var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var line = new StringBuilder(256);
            line.Append(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:HH:mm:ss.fff}\t{http.Request.Path}{http.Request.QueryString}\t{http.Response.StatusCode}\t");
            line.Append(CultureInfo.InvariantCulture, $"total={total:F2}\tcpu={(Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds:F2}\tgc={(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F2}\t");
            line.Append(CultureInfo.InvariantCulture, $"collections={GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}\t");
            line.Append(CultureInfo.InvariantCulture, $"alloc={(GC.GetTotalAllocatedBytes() - allocated) / 1024}KB\tdb={trace.Statements.Sum(s => s.Total):F2}\t");
            lock (trace.Statements)
            {
                foreach (var s in trace.Statements)
                {
                    line.Append(CultureInfo.InvariantCulture, $" #{s.Id}:{s.FirstRow:F2}/{s.Total:F2}");
                }
            }
            lock (writing)
            {
                log.WriteLine(line.ToString());
            }
        }
    }

    private void Stopped(Activity activity)
    {
        if (Current.Value is not { } trace)
        {
            return;
        }
        var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
        var id = statements.GetOrAdd(text, t =>
        {
            var number = statements.Count + 1;
            lock (writing)
            {
                log.WriteLine($"#{number} = {t.ReplaceLineEndings(" ")}");
            }
            return number;
        });
        var firstRow = activity.Events.Where(e => e.Name.Contains("first", StringComparison.OrdinalIgnoreCase))
            .Select(e => (e.Timestamp - activity.StartTimeUtc).TotalMilliseconds).DefaultIfEmpty(-1).First();
        lock (trace.Statements)
        {
            trace.Statements.Add(new Statement(id, firstRow, activity.Duration.TotalMilliseconds));
        }
    }

    private sealed class Trace
    {
        public List<Statement> Statements { get; } = [];
    }

    private sealed record Statement(int Id, double FirstRow, double Total);
}
/// <summary>Puts <see cref="RequestTiming"/>'s middleware in front of the whole pipeline.</summary>
internal sealed class RequestTimingStartup(RequestTiming timing) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, inner) => timing.InvokeAsync(http, inner));
        next(app);
    };
}
