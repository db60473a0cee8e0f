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

    /// <summary>
    /// Settings for the test Redis under a prefix of its own: test classes run in parallel and seed the same ids, so
    /// with one shared prefix one test's evictions would empty another's cache. Apps meant to share a cache share the dictionary.
    /// </summary>
    public static Dictionary<string, string> WithRedis(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["Broadsheet:Redis"] = Redis, ["Broadsheet:RedisPrefix"] = $"test-{Guid.NewGuid():N}:" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>The settings this app was given, for a second instance that is to run like it.</summary>
    public IReadOnlyDictionary<string, string> Settings => settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
