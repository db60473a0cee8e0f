using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Broadsheet.Data;
using Broadsheet.Ingest;
using Broadsheet.Ingest.Doors;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Broadsheet.Tests.Ingest.Doors;

/// <summary>
/// The poller against a feed served by a local Kestrel (ETag and Last-Modified, 304, errors, Retry-After, a body too
/// large), its lease rows in the shared apps' real databases, and the clock moved by hand.
/// </summary>
[Collection(SharedAppsCollection.Name)]
public sealed class FeedPollerTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_feed_is_polled_when_due_with_its_validators_and_only_new_bodies_reach_the_desk(DatabaseProvider provider)
    {
        await using var feed = await FeedServer.StartAsync();
        var (poller, desk, source) = await PollerAsync(provider, feed, pollSeconds: 60);

        var next = await poller.PollIfDueAsync(source, "a", Ct);
        Assert.Equal(clock.GetUtcNow().AddSeconds(60), next);
        Assert.Equal(feed.Body, Encoding.UTF8.GetString(Assert.Single(desk.Received).Body));
        Assert.Equal(("feed", source.Name, "application/vnd.iptc.ninjs+json"), (desk.Received.Single().Origin, desk.Received.Single().SourceName, desk.Received.Single().ContentType));
        var state = await StateAsync(provider, source.Name);
        Assert.Equal("\"v1\"", state.ETag);
        Assert.Equal("200: 1 item (1 created)", state.LastResult);

        // Not due yet: no request at all.
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(next, await poller.PollIfDueAsync(source, "a", Ct));
        Assert.Single(feed.Requests);

        // Due: a conditional GET, answered 304, and nothing for the desk.
        clock.Advance(TimeSpan.FromSeconds(1));
        await poller.PollIfDueAsync(source, "a", Ct);
        Assert.Equal(2, feed.Requests.Count);
        var conditional = feed.Requests.Last();
        Assert.Equal("\"v1\"", conditional.IfNoneMatch);
        Assert.Equal("Sun, 01 Mar 2026 07:00:00 GMT", conditional.IfModifiedSince);
        Assert.Single(desk.Received);
        Assert.Equal("304 not modified", (await StateAsync(provider, source.Name)).LastResult);

        // The feed moves on: the new body reaches the desk.
        feed.Publish("{\"uri\":\"urn:two\"}", "\"v2\"");
        clock.Advance(TimeSpan.FromSeconds(60));
        await poller.PollIfDueAsync(source, "a", Ct);
        Assert.Equal(2, desk.Received.Count);
        Assert.Equal("\"v2\"", (await StateAsync(provider, source.Name)).ETag);
    }

    [Fact]
    public async Task Failures_back_off_exponentially_honour_retry_after_and_a_success_resets_them()
    {
        const DatabaseProvider provider = DatabaseProvider.Sqlite;
        await using var feed = await FeedServer.StartAsync();
        var (poller, desk, source) = await PollerAsync(provider, feed, pollSeconds: 60, retryBaseSeconds: 10);
        feed.Failing = HttpStatusCode.InternalServerError;

        var start = clock.GetUtcNow();
        Assert.Equal(start.AddSeconds(10), await poller.PollIfDueAsync(source, "a", Ct));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(start.AddSeconds(30), await poller.PollIfDueAsync(source, "a", Ct));
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(start.AddSeconds(70), await poller.PollIfDueAsync(source, "a", Ct));
        var failing = await StateAsync(provider, source.Name);
        Assert.Equal(3, failing.Failures);
        Assert.Equal("The feed answered 500 Internal Server Error.", failing.LastError);
        Assert.Empty(desk.Received);

        // A 503 asking for two minutes gets them, more than the backoff's 80 s.
        feed.Failing = HttpStatusCode.ServiceUnavailable;
        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(clock.GetUtcNow().AddSeconds(120), await poller.PollIfDueAsync(source, "a", Ct));

        feed.Failing = null;
        clock.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal(clock.GetUtcNow().AddSeconds(60), await poller.PollIfDueAsync(source, "a", Ct));
        var recovered = await StateAsync(provider, source.Name);
        Assert.Equal(0, recovered.Failures);
        Assert.Equal(clock.GetUtcNow(), recovered.LastSuccessAt);
        Assert.Single(desk.Received);
    }

    [Fact]
    public async Task A_response_over_the_size_limit_is_refused_and_nothing_reaches_the_desk()
    {
        await using var feed = await FeedServer.StartAsync();
        var (poller, desk, source) = await PollerAsync(DatabaseProvider.Sqlite, feed, pollSeconds: 60, maxFeedBytes: 1000);
        feed.Publish("{\"uri\":\"urn:big\",\"body_html\":\"" + new string('x', 5000) + "\"}", "\"big\"");
        feed.Chunked = true;

        await poller.PollIfDueAsync(source, "a", Ct);

        Assert.Empty(desk.Received);
        var state = await StateAsync(DatabaseProvider.Sqlite, source.Name);
        Assert.Contains("over the limit of 1,000 bytes", state.LastError);
        Assert.Null(state.ETag);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Instances_polling_the_same_feed_at_once_make_one_request(DatabaseProvider provider)
    {
        await using var feed = await FeedServer.StartAsync();
        var (poller, desk, source) = await PollerAsync(provider, feed, pollSeconds: 60);
        feed.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = Task.Run(() => poller.PollIfDueAsync(source, "a", Ct), Ct);
        await AppProcess.WaitUntilAsync(() => Task.FromResult(feed.Requests.Count == 1), TimeSpan.FromSeconds(30), "the first instance's request arrived", Ct);
        // While "a" holds the lease, "b" and "c" find the feed taken and are told to look again when the lease ends.
        var others = await Task.WhenAll(poller.PollIfDueAsync(source, "b", Ct), poller.PollIfDueAsync(source, "c", Ct));
        Assert.All(others, next => Assert.True(next > clock.GetUtcNow()));
        feed.Gate.SetResult();
        await first;

        Assert.Single(feed.Requests);
        Assert.Single(desk.Received);
        var state = await StateAsync(provider, source.Name);
        Assert.Null(state.ClaimedBy);
    }

    private async Task<(FeedPoller Poller, RecordingDesk Desk, WireSourceOptions Source)> PollerAsync(
        DatabaseProvider provider, FeedServer feed, int pollSeconds, double retryBaseSeconds = 30, long maxFeedBytes = 1 << 20)
    {
        var app = await apps.On(provider);
        var source = new WireSourceOptions { Name = Api.Api.Unique("feed"), FeedUrl = new Uri(feed.Address, "feed"), PollSeconds = pollSeconds };
        var options = new DoorSettings { RetryBaseSeconds = retryBaseSeconds, MaxFeedBytes = maxFeedBytes, FeedTimeoutSeconds = 30 };
        var services = new ServiceCollection();
        services.AddHttpClient(FeedPoller.HttpClientName);
        var http = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var desk = new RecordingDesk();
        var poller = new FeedPoller(app.Services.GetRequiredService<IServiceScopeFactory>(), http, desk, clock, Options.Create(options), NullLogger<FeedPoller>.Instance);
        return (poller, desk, source);
    }

    private async Task<WireFeedState> StateAsync(DatabaseProvider provider, string source)
    {
        var app = await apps.On(provider);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BroadsheetDb>().Set<WireFeedState>().AsNoTracking().SingleAsync(f => f.Source == source, Ct);
    }

    private sealed class RecordingDesk : IWireIntake
    {
        public ConcurrentQueue<WireDelivery> Received { get; } = new();

        public Task<WireReceipt> ReceiveAsync(WireDelivery delivery, CancellationToken ct)
        {
            Received.Enqueue(delivery);
            return Task.FromResult(new WireReceipt([new WireOutcome("urn:x", 1, WireOutcome.Created, 1)]));
        }
    }

    /// <summary>A feed on loopback that speaks conditional GET, fails when told to and can hold a request until released.</summary>
    private sealed class FeedServer : IAsyncDisposable
    {
        private readonly WebApplication app;

        private FeedServer(WebApplication app) => this.app = app;

        public Uri Address { get; private set; } = null!;
        public string Body { get; private set; } = "{\"uri\":\"urn:one\",\"headline\":\"One\"}";
        public string ETag { get; private set; } = "\"v1\"";
        public HttpStatusCode? Failing { get; set; }
        public bool Chunked { get; set; }
        public TaskCompletionSource? Gate { get; set; }
        public ConcurrentQueue<(string? IfNoneMatch, string? IfModifiedSince)> Requests { get; } = new();

        public void Publish(string body, string etag) => (Body, ETag) = (body, etag);

        public static async Task<FeedServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var server = new FeedServer(app);
            app.MapGet("/feed", async (HttpContext context) =>
            {
                server.Requests.Enqueue((context.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } inm ? inm : null,
                    context.Request.Headers.IfModifiedSince.ToString() is { Length: > 0 } ims ? ims : null));
                if (server.Gate is { } gate)
                {
                    await gate.Task;
                }
                if (server.Failing is { } failing)
                {
                    context.Response.StatusCode = (int)failing;
                    if (failing == HttpStatusCode.ServiceUnavailable)
                    {
                        context.Response.Headers.RetryAfter = "120";
                    }
                    return;
                }
                context.Response.Headers.ETag = server.ETag;
                context.Response.Headers.LastModified = "Sun, 01 Mar 2026 07:00:00 GMT";
                if (context.Request.Headers.IfNoneMatch == server.ETag)
                {
                    context.Response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }
                context.Response.ContentType = "application/vnd.iptc.ninjs+json";
                var bytes = Encoding.UTF8.GetBytes(server.Body);
                if (!server.Chunked)
                {
                    context.Response.ContentLength = bytes.Length;
                }
                await context.Response.Body.WriteAsync(bytes);
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            server.Address = new Uri(address + "/");
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            Gate?.TrySetResult();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
