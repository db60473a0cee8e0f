using Broadsheet.Articles.Workflow;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Broadsheet.Articles;

public static class ArticlesExtensions
{
    /// <summary>Published-only reads, the cache and what decides its evictions, the one write path (writer, publishing, workflow, revisions) and the scheduled-publishing poller.</summary>
    public static WebApplicationBuilder AddArticles(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<PublishedArticles>();
        builder.Services.AddSingleton<ArticleStatements>();
        builder.Services.AddSingleton<ContentCache>();
        builder.Services.AddSingleton<ReadingOnCache>();
        builder.Services.AddScoped<Topics.TopicWriter>();
        builder.Services.AddScoped<Sections.SectionWriter>();
        builder.Services.AddScoped<Contributors.ContributorWriter>();
        builder.Services.AddScoped<Standards.StandardsPageWriter>();
        builder.Services.AddScoped<Media.IImageDependents, ArticleImageUses>();
        // The one place that decides what a write makes stale; other folders add the rules for the types they own.
        builder.Services.AddSingleton<ContentChanges>();
        builder.Services.AddSingleton<IInterceptor>(s => s.GetRequiredService<ContentChanges>());
        builder.Services.AddSingleton<IContentTagRule, ArticlePages>();
        builder.Services.AddSingleton<IContentTagRule, SectionPages>();
        builder.Services.AddSingleton<IContentTagRule, TopicPages>();
        builder.Services.AddSingleton<IContentTagRule, ContributorPages>();
        builder.Services.AddSingleton<IContentTagRule>(new FixedPages<StandardsPage>(CacheTags.Standards));
        builder.Services.AddSingleton<IContentTagRule, ImageUsePages>();
        // Listings page from stored per-day counts, kept by every article save.
        builder.Services.AddSingleton<ListingCounts>();
        builder.Services.AddSingleton<IArticleIndex>(s => s.GetRequiredService<ListingCounts>());
        builder.Services.AddSingleton<Data.IDatabaseSetup, ListingSchema>();
        builder.Services.AddScoped<ArticleWriter>();
        builder.Services.AddScoped<Publishing>();
        builder.Services.AddScoped<ArticleWorkflow>();
        builder.Services.AddScoped<ArticleRevisions>();
        builder.Services.AddHttpClient(LinkChecker.ClientName, c => c.Timeout = LinkChecker.Timeout * 2);
        builder.Services.AddSingleton<LinkChecker>();
        builder.Services.AddScoped<ArticleHistory>();
        builder.Services.AddScoped<ScheduledPublisher>();
        builder.AddWorkerJob<ScheduledPublishing>();
        // Every role writes (the newsroom and the admin API, scheduled publishing and the wire desk) and web roles list.
        // Test apps start by the dozen and measure no first request: off there unless asked for.
        builder.Services.AddSingleton<StartupWarmup>();
        if (builder.Configuration.GetValue(StartupWarmup.Setting, !builder.Environment.IsEnvironment("Testing")))
        {
            builder.Services.AddHostedService<StartupWarmup.Runner>();
        }
        return builder;
    }
}
