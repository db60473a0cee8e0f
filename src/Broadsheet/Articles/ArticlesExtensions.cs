namespace Broadsheet.Articles;

public static class ArticlesExtensions
{
    public static WebApplicationBuilder AddArticles(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PublishedArticles>();
        builder.Services.AddSingleton<ContentCache>();
        return builder;
    }
}
