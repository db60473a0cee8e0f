using Microsoft.Extensions.Options;

namespace Broadsheet.Demo;

public static class DemoExtensions
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoContent>();
        return builder;
    }

    /// <summary>Seeds the demo publication into an empty database when <c>Broadsheet:SeedDemoContent</c> is on (the default).</summary>
    public static async Task SeedDemoContentAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<BroadsheetOptions>>().Value.SeedDemoContent)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoContent>().SeedAsync();
    }
}
