using Broadsheet.Articles;
using Broadsheet.Data;

namespace Broadsheet.Search;

public static class SearchExtensions
{
    /// <summary>The search index, kept by every article save (<see cref="IArticleIndex"/>), its schema, and the query service the reader and the API use.</summary>
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SearchIndex>();
        builder.Services.AddSingleton<IArticleIndex>(s => s.GetRequiredService<SearchIndex>());
        builder.Services.AddSingleton<IDatabaseSetup, SearchSchema>();
        builder.Services.AddScoped<ArticleSearch>();
        return builder;
    }
}
