using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Broadsheet;

/// <summary>Settings under <c>Broadsheet:Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Broadsheet:Telemetry";

    /// <summary>
    /// Exports traces and metrics over OTLP (to <see cref="OtlpEndpoint"/>, or the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>). Off by default: then no OpenTelemetry is set up at all.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>The collector, e.g. <c>http://otel-collector:4317</c> (gRPC) ; empty for the OTLP default or the environment's.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The <c>service.name</c> of the resource.</summary>
    public string ServiceName { get; set; } = "broadsheet";

    /// <summary>Logs as one JSON object per line (for a log shipper), the same as <c>Logging:Console:FormatterName=json</c>.</summary>
    public bool JsonLogs { get; set; }
}

/// <summary>
/// The application's own metrics (meter <c>Broadsheet</c>), recorded by the folders that own what they count, and the
/// OpenTelemetry set-up: ASP.NET Core requests, outgoing HTTP, EF Core and Npgsql, and these.
/// </summary>
public static class Telemetry
{
    public const string MeterName = "Broadsheet";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>Reader responses the output cache answered (<c>result=hit</c>) or rendered (<c>result=miss</c>): the hit rate.</summary>
    public static readonly Counter<long> OutputCacheRequests = Meter.CreateCounter<long>(
        "broadsheet.output_cache.requests", "{request}", "Cacheable reader requests, by result (hit or miss).");

    /// <summary>Wire items the desk handled, by outcome (created, updated, duplicate, killed, held, refused...).</summary>
    public static readonly Counter<long> IngestItems = Meter.CreateCounter<long>(
        "broadsheet.ingest.items", "{item}", "Wire items handled by the desk, by outcome.");

    /// <summary>Purges sent to the CDN or Varnish, by purger and result (sent, retried, failed).</summary>
    public static readonly Counter<long> EdgePurges = Meter.CreateCounter<long>(
        "broadsheet.edge.purges", "{purge}", "Surrogate-key purges sent to the shared cache, by result.");

    private static long audioQueueLength;

    /// <summary>Audio jobs waiting (pending or being made), as the worker last counted them.</summary>
    public static readonly ObservableGauge<long> AudioQueueLength = Meter.CreateObservableGauge(
        "broadsheet.audio.queue_length", () => Interlocked.Read(ref audioQueueLength), "{job}", "Audio jobs not yet done, as the worker last counted.");

    public static void RecordAudioQueueLength(long jobs) => Interlocked.Exchange(ref audioQueueLength, jobs);

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.JsonLogs)
        {
            builder.Logging.AddJsonConsole();
        }
        if (!options.Enabled)
        {
            return builder;
        }
        var role = Roles.Of(builder.Configuration).ToString().ToLowerInvariant();
        Uri? endpoint = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : new Uri(options.OtlpEndpoint);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}")
                .AddAttributes([new("broadsheet.role", role)]))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource("Npgsql")
                .AddOtlpExporter(o => Point(o, endpoint)))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(MeterName, "Npgsql", "Microsoft.EntityFrameworkCore")
                .AddOtlpExporter(o => Point(o, endpoint)));
        return builder;
    }

    private static void Point(OpenTelemetry.Exporter.OtlpExporterOptions exporter, Uri? endpoint)
    {
        if (endpoint is not null)
        {
            exporter.Endpoint = endpoint;
        }
    }
}
