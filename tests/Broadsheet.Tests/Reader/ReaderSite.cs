using System.Collections.Concurrent;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Broadsheet.Tests.Infrastructure;

namespace Broadsheet.Tests.Reader;

/// <summary>
/// One seeded site per provider, started on first use and shared by the reader test classes whose tests only read (an
/// assembly fixture, see <c>AssemblyFixtures.cs</c>).
/// </summary>
public sealed class ReaderSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<(BroadsheetApp App, ReaderData Data)>>> sites = new();

    // On the thread pool: blocking on the start-up must not hold the test runner's own threads.
    public (BroadsheetApp App, ReaderData Data) this[DatabaseProvider provider] =>
        Task.Run(() => sites.GetOrAdd(provider, p => new(() => StartAsync(p))).Value).GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        foreach (var site in sites.Values.Where(s => s.IsValueCreated))
        {
            await (await site.Value).App.DisposeAsync();
        }
    }

    private static async Task<(BroadsheetApp App, ReaderData Data)> StartAsync(DatabaseProvider provider)
    {
        var app = new BroadsheetApp(provider);
        return (app, await ReaderData.SeedAsync(app, withAds: true));
    }
}

/// <summary>
/// A class fixture: one app per provider, seeded with <see cref="ReaderData"/> on first use, for a test class whose tests
/// take turns on it (the class's own, unlike <see cref="ReaderSite"/>, so its tests may change what they find).
/// </summary>
public abstract class ReaderDataApps(bool outputCache = true, bool withAds = false) : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, Task<(BroadsheetApp App, ReaderData Data)>> sites = [];
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<(BroadsheetApp App, ReaderData Data)> On(DatabaseProvider provider)
    {
        await gate.WaitAsync();
        try
        {
            if (!sites.TryGetValue(provider, out var site))
            {
                sites[provider] = site = StartAsync(provider);
            }
            return await site;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var site in sites.Values)
        {
            await (await site).App.DisposeAsync();
        }
        gate.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<(BroadsheetApp App, ReaderData Data)> StartAsync(DatabaseProvider provider)
    {
        var app = new BroadsheetApp(provider, outputCache: outputCache);
        return (app, await ReaderData.SeedAsync(app, withAds));
    }
}

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string path, HttpStatusCodeExpectation expect = HttpStatusCodeExpectation.Ok)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (expect == HttpStatusCodeExpectation.Ok)
        {
            Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        }
        return Parse(html);
    }

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static string Text(this IElement? element) => element?.TextContent.Trim() ?? "";
}

public enum HttpStatusCodeExpectation
{
    Ok,
    Any,
}
