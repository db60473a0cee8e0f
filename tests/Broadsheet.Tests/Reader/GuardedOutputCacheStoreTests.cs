using Broadsheet.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Reader;

/// <summary>
/// The race a response-only eviction opens (a podcast feed read before the audio's "ready" commit, stored after the
/// eviction): driven step by step against the framework's own in-memory store.
/// </summary>
public sealed class GuardedOutputCacheStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Life = TimeSpan.FromMinutes(10);

    private sealed class Harness
    {
        public readonly EvictionLedger Ledger = new();
        public readonly HttpContextAccessor Requests = new();
        public readonly IOutputCacheStore Memory;
        public readonly GuardedOutputCacheStore Store;

        public Harness(Func<IOutputCacheStore, IOutputCacheStore>? wrap = null, HitCache? hits = null)
        {
            Memory = new ServiceCollection().AddOptions().AddOutputCache().BuildServiceProvider().GetRequiredService<IOutputCacheStore>();
            Store = new GuardedOutputCacheStore(wrap is null ? Memory : wrap(Memory), Ledger, Requests, hits);
        }

        /// <summary>
        /// A request arrives. Set in the test's own method, not an awaited one, because the accessor's value flows
        /// into what the test calls and not back out.
        /// </summary>
        public void Arrive() => Requests.HttpContext = new DefaultHttpContext();

        /// <summary>The middleware's lookup, a miss, marks the request: its render begins now.</summary>
        public async Task BeginRenderAsync() => Assert.Null(await Store.GetAsync("lookup", Ct));
    }

    [Fact]
    public async Task A_response_rendered_before_its_tag_was_evicted_is_not_stored()
    {
        var h = new Harness();
        h.Arrive();
        await h.BeginRenderAsync();
        await h.Store.EvictByTagAsync("feeds", Ct);
        await h.Store.SetAsync("feed", [1], ["feeds", "home"], Life, Ct);
        Assert.Null(await h.Memory.GetAsync("feed", Ct));
    }

    [Fact]
    public async Task Evictions_of_other_tags_or_before_the_render_do_not_stop_the_store()
    {
        var h = new Harness();
        await h.Store.EvictByTagAsync("feeds", Ct);
        h.Arrive();
        await h.BeginRenderAsync();
        await h.Store.EvictByTagAsync("article:7", Ct);
        await h.Store.SetAsync("feed", [1], ["feeds"], Life, Ct);
        Assert.Equal([1], await h.Memory.GetAsync("feed", Ct));
    }

    [Fact]
    public async Task An_eviction_between_the_check_and_the_store_still_removes_the_entry()
    {
        GuardedOutputCacheStore? guarded = null;
        var h = new Harness(memory => new EvictingWhileStoring(memory, () => guarded!.EvictByTagAsync("feeds", Ct)));
        guarded = h.Store;
        h.Arrive();
        await h.BeginRenderAsync();
        await h.Store.SetAsync("feed", [1], ["feeds"], Life, Ct);
        Assert.Null(await h.Memory.GetAsync("feed", Ct));
    }

    [Fact]
    public async Task After_the_ledger_forgets_renders_begun_before_are_refused_and_later_ones_stored()
    {
        var h = new Harness();
        h.Arrive();
        await h.BeginRenderAsync();
        for (var i = 0; i <= EvictionLedger.MaxTags; i++)
        {
            await h.Store.EvictByTagAsync($"article:{i}", Ct);
        }
        await h.Store.SetAsync("old", [1], ["home"], Life, Ct);
        Assert.Null(await h.Memory.GetAsync("old", Ct));
        h.Arrive();
        await h.BeginRenderAsync();
        await h.Store.SetAsync("new", [2], ["home"], Life, Ct);
        Assert.Equal([2], await h.Memory.GetAsync("new", Ct));
    }

    [Fact]
    public async Task Stores_outside_a_marked_request_pass_through()
    {
        var h = new Harness();
        await h.Store.EvictByTagAsync("feeds", Ct);
        await h.Store.SetAsync("feed", [1], ["feeds"], Life, Ct);
        Assert.Equal([1], await h.Memory.GetAsync("feed", Ct));
    }

    [Fact]
    public async Task A_stored_response_is_held_for_hits_until_one_of_its_tags_is_evicted()
    {
        var hits = new HitCache();
        var h = new Harness(hits: hits);
        h.Arrive();
        await h.BeginRenderAsync();
        await RenderAsync(hits, h.Requests.HttpContext!, "episode 1");
        await h.Store.SetAsync("feed", [1], ["feeds", "home"], Life, Ct);
        Assert.Equal("episode 1", await HeldAsync(hits, "gzip"));
        Assert.Null(await HeldAsync(hits, "br"));
        await h.Store.EvictByTagAsync("home", Ct);
        Assert.Null(await HeldAsync(hits, "gzip"));
    }

    [Fact]
    public async Task A_held_response_goes_with_an_eviction_between_the_check_and_the_store()
    {
        var hits = new HitCache();
        GuardedOutputCacheStore? guarded = null;
        var h = new Harness(memory => new EvictingWhileStoring(memory, () => guarded!.EvictByTagAsync("feeds", Ct)), hits);
        guarded = h.Store;
        h.Arrive();
        await h.BeginRenderAsync();
        await RenderAsync(hits, h.Requests.HttpContext!, "episode 1");
        await h.Store.SetAsync("feed", [1], ["feeds"], Life, Ct);
        Assert.Null(await HeldAsync(hits, "gzip"));
        Assert.Equal(0, hits.Count);
    }

    [Fact]
    public async Task A_response_refused_by_the_ledger_is_not_held()
    {
        var hits = new HitCache();
        var h = new Harness(hits: hits);
        h.Arrive();
        await h.BeginRenderAsync();
        await RenderAsync(hits, h.Requests.HttpContext!, "episode 1");
        await h.Store.EvictByTagAsync("feeds", Ct);
        await h.Store.SetAsync("feed", [1], ["feeds"], Life, Ct);
        Assert.Null(await HeldAsync(hits, "gzip"));
    }

    private static void AskForTheFeed(HttpContext http)
    {
        http.Request.Method = HttpMethods.Get;
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("news.example");
        http.Request.Path = "/feeds/podcast.xml";
    }

    /// <summary>The feed's render, as the output cache runs it: the capture sits between the page and the cache's stream.</summary>
    private static async Task RenderAsync(HitCache hits, HttpContext http, string body)
    {
        AskForTheFeed(http);
        http.Request.Headers.AcceptEncoding = "gzip";
        http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(ReaderPageMarker.Instance), "feed"));
        http.Features.Set<IOutputCacheFeature>(new CacheFeature(new OutputCacheContext { HttpContext = http, AllowCacheStorage = true }));
        http.Response.Body = new MemoryStream();
        await hits.Capture(http, async c =>
        {
            c.Response.ContentType = "application/rss+xml";
            await c.Response.WriteAsync(body, Ct);
        });
    }

    /// <summary>The body a hit gets from <paramref name="hits"/> with this coding, or null when it is not held.</summary>
    private static async Task<string?> HeldAsync(HitCache hits, string coding)
    {
        var http = new DefaultHttpContext();
        AskForTheFeed(http);
        var body = new MemoryStream();
        http.Response.Body = body;
        if (!hits.TryServe(http, coding, out var written))
        {
            return null;
        }
        await written;
        Assert.Equal("application/rss+xml", http.Response.ContentType);
        return System.Text.Encoding.UTF8.GetString(body.ToArray());
    }

    private sealed class CacheFeature(OutputCacheContext context) : IOutputCacheFeature
    {
        public OutputCacheContext Context { get; } = context;
    }

    /// <summary>Runs an eviction after the guard's first check, just before the entry reaches the store.</summary>
    private sealed class EvictingWhileStoring(IOutputCacheStore inner, Func<ValueTask> evict) : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            await evict();
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
    }
}
