using Broadsheet.Articles;

namespace Broadsheet.Discovery;

public static class DiscoveryExtensions
{
    /// <summary>
    /// Feeds, sitemaps and robots.txt, and the pings that tell a WebSub hub and IndexNow of changes (off unless a hub
    /// or a key is configured).
    /// </summary>
    public static WebApplicationBuilder AddDiscovery(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DiscoveryOptions>()
            .BindConfiguration(DiscoveryOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !o.PingsWebSub || DiscoveryOptions.IsHttpUrl(o.WebSubHub), $"{DiscoveryOptions.Section}:WebSubHub must be an absolute http or https URL.")
            .Validate(o => !o.PingsIndexNow || DiscoveryOptions.IndexNowKeyPattern().IsMatch(o.IndexNowKey!), $"{DiscoveryOptions.Section}:IndexNowKey must be 8 to 128 letters, digits or dashes.")
            .Validate(o => DiscoveryOptions.IsHttpUrl(o.IndexNowEndpoint), $"{DiscoveryOptions.Section}:IndexNowEndpoint must be an absolute http or https URL.")
            .ValidateOnStart();
        builder.Services.AddScoped<ArticleFeeds>();
        // Every process queues the pings of its own changes in the database; the worker processes send them.
        builder.Services.AddSingleton<PingQueue>();
        builder.Services.AddSingleton<IContentChangeOutbox>(s => s.GetRequiredService<PingQueue>());
        builder.Services.AddHttpClient(PingWorker.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        builder.AddWorkerJob<PingWorker>();
        return builder;
    }

    public static WebApplication MapDiscovery(this WebApplication app)
    {
        FeedEndpoints.Map(app);
        SitemapEndpoints.Map(app);
        Robots.Map(app);
        return app;
    }
}
