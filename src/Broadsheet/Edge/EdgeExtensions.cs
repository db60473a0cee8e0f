using Broadsheet.Articles;
using Microsoft.Extensions.Options;

namespace Broadsheet.Edge;

public static class EdgeExtensions
{
    public const string HttpClientName = "Broadsheet.Edge";

    /// <summary>
    /// The surrogate keys on cacheable responses, and, when <c>Broadsheet:Edge:Purger</c> names one, the purger and its
    /// queue, hooked to every change as an <see cref="ISharedCachePurge"/>. The queue runs in every role: the process that
    /// made a change purges it.
    /// </summary>
    public static WebApplicationBuilder AddEdge(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EdgeOptions>()
            .BindConfiguration(EdgeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EdgeOptions>, EdgeProblems>();
        var purger = builder.Configuration.GetValue($"{EdgeOptions.Section}:{nameof(EdgeOptions.Purger)}", PurgerKind.None);
        if (purger == PurgerKind.None)
        {
            return builder;
        }
        builder.Services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        switch (purger)
        {
            case PurgerKind.Varnish:
                builder.Services.AddSingleton<IEdgePurger, VarnishPurger>();
                break;
            case PurgerKind.Fastly:
                builder.Services.AddSingleton<IEdgePurger, FastlyPurger>();
                break;
            case PurgerKind.Cloudflare:
                builder.Services.AddSingleton<IEdgePurger, CloudflarePurger>();
                break;
        }
        builder.Services.AddSingleton<PurgeQueue>();
        builder.Services.AddSingleton<ISharedCachePurge>(s => s.GetRequiredService<PurgeQueue>());
        builder.Services.AddHostedService(s => s.GetRequiredService<PurgeQueue>());
        return builder;
    }

    /// <summary>Inside output caching (the headers are stored with each page), outside the endpoints that tag responses.</summary>
    public static IApplicationBuilder UseSurrogateKeys(this IApplicationBuilder app) => app.UseMiddleware<SurrogateKeyHeaders>();

    /// <summary>Names what is missing for the chosen purger, in the start-up error.</summary>
    private sealed class EdgeProblems : IValidateOptions<EdgeOptions>
    {
        public ValidateOptionsResult Validate(string? name, EdgeOptions options)
        {
            var problems = options.Problems().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
