using System.Text.Json;
using Broadsheet.Data;
using Broadsheet.Reader;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Broadsheet.Operations;

public static class OperationsExtensions
{
    public const string Ready = "ready";

    /// <summary>
    /// Health checks for the load balancer and the orchestrator: <c>/healthz</c> answers while the process serves at
    /// all (live), <c>/healthz/ready</c> when it can do its work (the database, Redis when configured, a writable media
    /// folder), with each check's result as JSON. OpenTelemetry and JSON logs, from <c>Broadsheet:Telemetry</c>.
    /// </summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.AddTelemetry();
        if (RequestTiming.FromEnvironment() is { } timing)
        {
            builder.Services.AddSingleton(timing);
            builder.Services.AddSingleton<IStartupFilter, RequestTimingStartup>();
        }
        var checks = builder.Services.AddHealthChecks()
            .AddDbContextCheck<BroadsheetDb>("database", HealthStatus.Unhealthy, [Ready])
            .AddCheck<MediaFolderCheck>("media", HealthStatus.Unhealthy, [Ready]);
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{BroadsheetOptions.Section}:{nameof(BroadsheetOptions.Redis)}"]))
        {
            builder.Services.AddSingleton<RedisCheck>();
            checks.AddCheck<RedisCheck>("redis", HealthStatus.Unhealthy, [Ready]);
        }
        return builder;
    }

    /// <summary>Both endpoints answer <c>no-store</c>, and in every role (a worker serves nothing else).</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteJsonAsync,
        });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready),
            ResponseWriter = WriteJsonAsync,
        });
        return app;
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary><c>{"status":"Healthy","checks":{"database":{"status":"Healthy","durationMs":1.2,"description":null}}}</c></summary>
    internal static Task WriteJsonAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                description = e.Value.Description ?? e.Value.Exception?.Message,
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}

/// <summary>The media folder takes a new file: uploads, renditions and audio can be written.</summary>
public sealed class MediaFolderCheck(IOptions<BroadsheetOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = options.Value.MediaPath;
        var probe = Path.Combine(folder, $".health-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"The media folder {folder} is not writable: {e.Message}");
        }
    }
}

/// <summary>Redis answers a PING: the shared output cache and the change announcements work.</summary>
public sealed class RedisCheck(IOptions<BroadsheetOptions> options) : IHealthCheck, IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> connection = new(() => ConnectionMultiplexer.ConnectAsync(ReaderExtensions.RedisConnection(options.Value.Redis!)));

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var redis = await connection.Value.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer: " + e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection.IsValueCreated && connection.Value.IsCompletedSuccessfully)
        {
            await connection.Value.Result.DisposeAsync();
        }
    }
}
