using Broadsheet.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Broadsheet.Tests.Reader;

/// <summary>A <see cref="BroadsheetApp"/> with extra settings (Redis, ad flush interval...).</summary>
public sealed class ConfiguredApp(DatabaseProvider provider, IReadOnlyDictionary<string, string> settings, bool outputCache = true)
    : BroadsheetApp(provider, outputCache: outputCache)
{
    public static string Redis => Environment.GetEnvironmentVariable("BROADSHEET_TEST_REDIS") is { Length: > 0 } redis
        ? redis
        : throw new InvalidOperationException("BROADSHEET_TEST_REDIS is not set. Run the tests with ./test.sh, which starts Redis.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
