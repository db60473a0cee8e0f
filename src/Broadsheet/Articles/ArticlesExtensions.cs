namespace Broadsheet.Articles;

public static class ArticlesExtensions
{
    public static WebApplicationBuilder AddArticles(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PublishedArticles>();
        builder.Services.AddSingleton<ContentCache>();
        builder.Services.AddScoped<Topics.TopicWriter>();
        builder.Services.AddScoped<Sections.SectionWriter>();
        builder.Services.AddScoped<Contributors.ContributorWriter>();
        builder.Services.AddScoped<Standards.StandardsPageWriter>();
        builder.Services.AddScoped<Media.IImageDependents, ArticleImageUses>();
        return builder;
    }
}
