using Broadsheet.Articles;
using Broadsheet.Newsroom.Articles;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Broadsheet.Newsroom.Workflow;

public static class WorkflowExtensions
{
    /// <summary>The article editor's and workflow's services, and the scheduled-publishing poller. Called by AddNewsroom.</summary>
    public static IServiceCollection AddNewsroomArticles(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ArticleWriter>();
        services.TryAddScoped<Publishing>();
        services.AddScoped<ArticleWorkflow>();
        services.AddScoped<ScheduledPublisher>();
        services.AddScoped<Autosaves>();
        services.AddScoped<ArticleRevisions>();
        services.AddHostedService<ScheduledPublishing>();
        return services;
    }
}
