using Broadsheet.Tests.Api;

namespace Broadsheet.Tests;

/// <summary>The app starts on each provider and serves its home page: here on the collection's shared apps, which start like any other.</summary>
[Collection(SharedAppsCollection.Name)]
public class SmokeTests(ApiApps apps) : IClassFixture<ApiApps>
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Starts_on_each_provider(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        using var client = app.Client();
        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode);
    }
}
