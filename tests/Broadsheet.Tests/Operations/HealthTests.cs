using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Broadsheet.Tests.Infrastructure;
using Broadsheet.Tests.Reader;
using Microsoft.AspNetCore.Hosting;

namespace Broadsheet.Tests.Operations;

/// <summary>/healthz and /healthz/ready as a load balancer reads them, and the metrics an operator watches.</summary>
public sealed class HealthTests(ReaderSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A web process on PostgreSQL and Redis, with OpenTelemetry on (its collector absent, as at a first deploy).</summary>
    private sealed class OperatedApp() : BroadsheetApp(DatabaseProvider.PostgreSQL)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(Roles.Key, "web");
            builder.UseSetting("Broadsheet:Redis", Environment.GetEnvironmentVariable("BROADSHEET_TEST_REDIS")
                ?? throw new InvalidOperationException("BROADSHEET_TEST_REDIS is not set. Run the tests with ./test.sh, which starts Redis."));
            builder.UseSetting("Broadsheet:RedisPrefix", "health" + Guid.NewGuid().ToString("N")[..8] + ":");
            builder.UseSetting("Broadsheet:Telemetry:Enabled", "true");
            builder.UseSetting("Broadsheet:Telemetry:OtlpEndpoint", "http://127.0.0.1:9");
        }
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/healthz/ready", Ct);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!);
    }

    private static string Status(JsonNode body, string check) => body["checks"]![check]!["status"]!.GetValue<string>();

    [Fact]
    public async Task Ready_names_each_check_and_fails_when_the_media_folder_is_not_writable_or_the_database_is_down_while_live_stays_up()
    {
        await using var app = new OperatedApp();
        using var client = app.Client();
        var (status, body) = await ReadyAsync(client);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Equal(["database", "media", "redis"], body["checks"]!.AsObject().Select(c => c.Key).Order());
        Assert.All(new[] { "database", "media", "redis" }, c => Assert.Equal("Healthy", Status(body, c)));

        // A full or read-only volume, or a mount gone: here, a file where the folder should be.
        var media = Path.Combine(app.DataPath, "media");
        Directory.Delete(media, recursive: true);
        await File.WriteAllTextAsync(media, "not a folder", Ct);
        (status, body) = await ReadyAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", Status(body, "media"));
        Assert.Contains("not writable", body["checks"]!["media"]!["description"]!.GetValue<string>());
        Assert.Equal("Healthy", Status(body, "database"));
        File.Delete(media);
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(client)).Status);

        await TestPostgres.DropDatabaseAsync(app.PostgresDatabase!);
        (status, body) = await ReadyAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", Status(body, "database"));
        Assert.Equal("Healthy", Status(body, "media"));

        using var live = await client.GetAsync("/healthz", Ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", JsonNode.Parse(await live.Content.ReadAsStringAsync(Ct))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_output_cache_reports_its_hits_and_misses_and_requests_are_measured()
    {
        var (app, data) = site[DatabaseProvider.Sqlite];
        var counted = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Telemetry.MeterName && instrument.Name == "broadsheet.output_cache.requests"
                || instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Name == "http.server.request.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "result")
                {
                    counted.AddOrUpdate((string)tag.Value!, value, (_, n) => n + value);
                }
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => counted.AddOrUpdate("requests", 1, (_, n) => n + 1));
        listener.Start();

        using var client = app.Client();
        // A query string the cache ignores still finds the page; a fresh one renders it first.
        var path = data.WorldPath + "?metrics=" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path, Ct)).StatusCode);
        }
        listener.RecordObservableInstruments();
        Assert.True(counted.GetValueOrDefault("hit") >= 2, $"hits counted: {counted.GetValueOrDefault("hit")}");
        Assert.True(counted.GetValueOrDefault("requests") >= 3, $"requests measured: {counted.GetValueOrDefault("requests")}");
    }
}
