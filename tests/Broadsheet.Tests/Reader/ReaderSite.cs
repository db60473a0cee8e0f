using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Broadsheet.Tests.Infrastructure;

namespace Broadsheet.Tests.Reader;

/// <summary>One seeded site per provider, shared by a test class whose tests only read.</summary>
public sealed class ReaderSite : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, (BroadsheetApp App, ReaderData Data)> sites = [];

    public (BroadsheetApp App, ReaderData Data) this[DatabaseProvider provider] => sites[provider];

    public async ValueTask InitializeAsync()
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL })
        {
            var app = new BroadsheetApp(provider);
            sites[provider] = (app, await ReaderData.SeedAsync(app, withAds: true));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (app, _) in sites.Values)
        {
            await app.DisposeAsync();
        }
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
