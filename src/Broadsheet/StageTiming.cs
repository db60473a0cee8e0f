using System.Collections.Concurrent;
using System.Diagnostics;

namespace Broadsheet;

// TEMPORARY (million branch investigation): per-request stage timing, dumped at /_timing.
public static class StageTiming
{
    private sealed class Holder
    {
        public int Commands;
        public double DbMs;
        public double FirstDbStart = -1;
        public double LastDbEnd;
        public long Start;
        public string Names = "";
    }

    private static readonly AsyncLocal<Holder?> Current = new();
    private static readonly ConcurrentQueue<string> Lines = new();
    private static ActivityListener? listener;

    private sealed class GcEvents : System.Diagnostics.Tracing.EventListener
    {
        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
        {
            if (e.EventName == "GCStart_V2" && e.Payload is { } p)
            {
                var depth = e.PayloadNames!.IndexOf("Depth");
                var reason = e.PayloadNames.IndexOf("Reason");
                Lines.Enqueue($"#gc depth={p[depth]} reason={p[reason]}");
            }
            else if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && e.Payload is { } q)
            {
                var kind = e.PayloadNames!.IndexOf("AllocationKind");
                var type = e.PayloadNames.IndexOf("TypeName");
                if (kind >= 0 && Convert.ToInt32(q[kind], System.Globalization.CultureInfo.InvariantCulture) == 1)
                {
                    Lines.Enqueue($"#loh {(type >= 0 ? q[type] : "?")} {Environment.StackTrace.Length}");
                }
            }
        }
    }

    private static GcEvents? gcEvents;

    public static void UseStageTiming(this WebApplication app)
    {
        gcEvents ??= new GcEvents();
        if (Environment.GetEnvironmentVariable("BROADSHEET_STAGE_TIMING") != "1")
        {
            return;
        }
        listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                if (Current.Value is { } h)
                {
                    h.Commands++;
                    h.DbMs += a.Duration.TotalMilliseconds;
                    var startMs = Stopwatch.GetElapsedTime(h.Start).TotalMilliseconds - a.Duration.TotalMilliseconds;
                    if (h.FirstDbStart < 0) h.FirstDbStart = startMs;
                    h.LastDbEnd = Stopwatch.GetElapsedTime(h.Start).TotalMilliseconds;
                    h.Names += a.DisplayName.Length > 0 ? a.DisplayName[0] : '?';
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        app.Map("/_timing", (HttpContext c) =>
        {
            var all = new List<string>();
            while (Lines.TryDequeue(out var l)) all.Add(l);
            return Results.Text(string.Join('\n', all));
        });
        app.Use(async (context, next) =>
        {
            var h = new Holder { Start = Stopwatch.GetTimestamp() };
            Current.Value = h;
            var pause0 = GC.GetTotalPauseDuration();
            int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
            var totalAlloc0 = GC.GetTotalAllocatedBytes();
            var cpu0 = Environment.CpuUsage.TotalTime;
            double started = -1;
            context.Response.OnStarting(() => { started = Stopwatch.GetElapsedTime(h.Start).TotalMilliseconds; return Task.CompletedTask; });
            await next(context);
            var total = Stopwatch.GetElapsedTime(h.Start).TotalMilliseconds;
            var pause = (GC.GetTotalPauseDuration() - pause0).TotalMilliseconds;
            var cpu = (Environment.CpuUsage.TotalTime - cpu0).TotalMilliseconds;
            if (!context.Request.Path.StartsWithSegments("/_timing"))
            {
                Lines.Enqueue($"{context.Request.Path}{context.Request.QueryString}\t{total:F2}\t{started:F2}\t{h.Commands}\t{h.DbMs:F2}\t{h.FirstDbStart:F2}\t{h.LastDbEnd:F2}\t{pause:F2}\t{GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}\t{(GC.GetTotalAllocatedBytes() - totalAlloc0) / 1024}\t{cpu:F2}\t{h.Names}");
            }
        });
    }
}
