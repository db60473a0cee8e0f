using System.Net;
using Broadsheet.Data;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Reader;

public class ErrorPageTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_failing_page_gets_the_500_page_uncached_with_security_headers(DatabaseProvider provider)
    {
        await using var app = new BroadsheetApp(provider);
        var data = await ReaderData.SeedAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A real failure: the article page's query hits a table that is gone.
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite ? "DROP TABLE \"ArticleNotes\"" : "DROP TABLE \"ArticleNotes\" CASCADE", TestContext.Current.CancellationToken);
        }
        using var response = await app.Client().GetAsync(data.LeadPath, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        var doc = Html.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Something went wrong", doc.QuerySelector("h1").Text());
        Assert.Contains("/", doc.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain("Exception", doc.Body!.TextContent, StringComparison.Ordinal);
    }
}
