using System.Text.Json.Nodes;
using Broadsheet.Edge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Broadsheet.Tests.Edge;

/// <summary>The CDNs' purge APIs, spoken to a local stub server that checks what Fastly and Cloudflare check.</summary>
public sealed class PurgerTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StubHttpServer stub = null!;
    private ServiceProvider services = null!;

    public async ValueTask InitializeAsync()
    {
        stub = await StubHttpServer.StartAsync();
        services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await stub.DisposeAsync();
    }

    private IOptions<EdgeOptions> Options(Action<EdgeOptions> configure)
    {
        var options = new EdgeOptions { FastlyApiUrl = stub.BaseAddress.ToString(), CloudflareApiUrl = stub.BaseAddress + "client/v4", RetrySeconds = 0, RepurgeSeconds = 0 };
        configure(options);
        Assert.Empty(options.Problems());
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    private static List<string> Keys(int count) => [.. Enumerable.Range(1, count).Select(i => $"article:{i}")];

    [Fact]
    public async Task Fastly_gets_the_keys_in_a_json_body_with_its_api_key_at_most_256_a_request()
    {
        var options = Options(o =>
        {
            o.Purger = PurgerKind.Fastly;
            o.FastlyServiceId = "SU1Z0isxPaozGVKXdv0eY";
            o.FastlyApiToken = "fastly-token-123";
            o.FastlySoftPurge = true;
        });
        var purger = new FastlyPurger(services.GetRequiredService<IHttpClientFactory>(), options);

        await purger.PurgeAsync([.. Keys(300), "section:news/world", "home"], Ct);

        var requests = stub.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal("/service/SU1Z0isxPaozGVKXdv0eY/purge", r.PathAndQuery);
            Assert.Equal("fastly-token-123", r.Headers["Fastly-Key"]);
            Assert.Equal("1", r.Headers["Fastly-Soft-Purge"]);
            Assert.StartsWith("application/json", r.Headers["Content-Type"]);
        });
        var sent = requests.SelectMany(r => JsonNode.Parse(r.Body)!["surrogate_keys"]!.AsArray().Select(k => k!.GetValue<string>())).ToList();
        Assert.Equal(256, JsonNode.Parse(requests[0].Body)!["surrogate_keys"]!.AsArray().Count);
        Assert.Equal([.. Keys(300), "section:news/world", "home"], sent);
    }

    [Fact]
    public async Task Cloudflare_gets_the_tags_in_a_json_body_with_a_bearer_token_at_most_30_a_request()
    {
        var options = Options(o =>
        {
            o.Purger = PurgerKind.Cloudflare;
            o.CloudflareZoneId = "023e105f4ecef8ad9ca31a8372d0c353";
            o.CloudflareApiToken = "cf-token-456";
        });
        var purger = new CloudflarePurger(services.GetRequiredService<IHttpClientFactory>(), options);

        await purger.PurgeAsync(Keys(45), Ct);

        var requests = stub.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal("/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache", r.PathAndQuery);
            Assert.Equal("Bearer cf-token-456", r.Headers["Authorization"]);
            Assert.StartsWith("application/json", r.Headers["Content-Type"]);
        });
        Assert.Equal(30, JsonNode.Parse(requests[0].Body)!["tags"]!.AsArray().Count);
        Assert.Equal(Keys(45), requests.SelectMany(r => JsonNode.Parse(r.Body)!["tags"]!.AsArray().Select(k => k!.GetValue<string>())));
    }

    [Fact]
    public async Task The_queue_retries_a_purge_the_cdn_could_not_take_and_gives_up_on_a_refusal_with_a_logged_error()
    {
        var options = Options(o =>
        {
            o.Purger = PurgerKind.Cloudflare;
            o.CloudflareZoneId = "zone";
            o.CloudflareApiToken = "token";
            o.Attempts = 3;
        });
        var logs = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var queue = new PurgeQueue(new CloudflarePurger(services.GetRequiredService<IHttpClientFactory>(), options), options, TimeProvider.System, factory.CreateLogger<PurgeQueue>());

        stub.Answer(503, 429);
        await queue.SendAsync(["article:1"], Ct);
        Assert.Equal(3, stub.Requests.Count);
        Assert.DoesNotContain(logs.Entries, e => e.Level == LogLevel.Error);

        stub.Answer(403);
        await queue.SendAsync(["article:2"], Ct);
        Assert.Equal(4, stub.Requests.Count);
        var error = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("article:2", error.Message);
        Assert.Contains("403", error.Exception!.Message);
    }

    [Fact]
    public async Task A_change_reaches_the_purger_in_the_background_batched()
    {
        var options = Options(o =>
        {
            o.Purger = PurgerKind.Fastly;
            o.FastlyServiceId = "svc";
            o.FastlyApiToken = "token";
        });
        var queue = new PurgeQueue(new FastlyPurger(services.GetRequiredService<IHttpClientFactory>(), options), options, TimeProvider.System, NullLogger<PurgeQueue>.Instance);
        queue.Purge(["article:7", "home"]);
        queue.Purge(["home", "section:news"]);
        await queue.StartAsync(Ct);
        try
        {
            await Faults.AppProcess.WaitUntilAsync(() => Task.FromResult(queue.Pending == 0), TimeSpan.FromSeconds(10), "the queue was sent", Ct);
            var request = Assert.Single(stub.Requests);
            Assert.Equal(["article:7", "home", "section:news"], JsonNode.Parse(request.Body)!["surrogate_keys"]!.AsArray().Select(k => k!.GetValue<string>()));
        }
        finally
        {
            await queue.StopAsync(Ct);
        }
    }

    [Theory]
    [InlineData(PurgerKind.Varnish)]
    [InlineData(PurgerKind.Fastly)]
    [InlineData(PurgerKind.Cloudflare)]
    public void A_purger_without_its_settings_is_refused_naming_them(PurgerKind kind)
    {
        var problem = Assert.Single(new EdgeOptions { Purger = kind }.Problems());
        Assert.Contains("Broadsheet:Edge:", problem);
        Assert.Empty(new EdgeOptions().Problems());
    }
}

/// <summary>Keeps what was logged, to check what an operator would read.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    public System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, formatter(state, exception), exception));
    }
}
