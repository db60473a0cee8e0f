using Broadsheet.Tests.Infrastructure;

namespace Broadsheet.Tests;

public class SmokeTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Starts_on_each_provider(DatabaseProvider provider)
    {
        await using var app = new BroadsheetApp(provider);
        var response = await app.Client().GetAsync("/", TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode);
    }
}
