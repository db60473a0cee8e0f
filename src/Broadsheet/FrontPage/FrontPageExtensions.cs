using Broadsheet.Articles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadsheet.FrontPage;

public static class FrontPageExtensions
{
    /// <summary>The path a reader's browser posts to once it has shown article <c>{id}</c>: the one read signal.</summary>
    public static string ReadBeaconPath(int articleId) => $"/reads/{articleId}";

    /// <summary>The curation and its writer, the home page's reads, the read counts and their flush, "Most read" for other pages, and the evictions over time.</summary>
    public static WebApplicationBuilder AddFrontPage(this WebApplicationBuilder builder)
    {
        // The home page shows the curation: a slot saved, moved or deleted evicts it.
        builder.Services.AddSingleton<IContentTagRule>(new FixedPages<FrontPageSlot>(CacheTags.Home));
        builder.Services.AddScoped<FrontPageWriter>();
        builder.Services.AddScoped<FrontPageStories>();
        builder.Services.AddScoped<FrontPageTurnover>();
        builder.Services.AddSingleton<ReadCounter>();
        // Article and section pages show the hourly "Most read": a new edition, or a save touching a story it ranks, evicts them.
        builder.Services.AddSingleton<MostReadEdition>();
        builder.Services.AddSingleton<IContentTagRule, MostReadPages>();
        builder.Services.AddHostedService<FrontPageClock>();
        return builder;
    }

    public static WebApplication MapFrontPage(this WebApplication app)
    {
        app.MapPost("/reads/{id:int}", CountRead)
            .WithName("ReadBeacon")
            .WithSummary("Counts one read of a published article, from the article page's script")
            .RequireRateLimiting(RateLimits.Reads)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Always 204, counted or not: the answer tells a robot nothing about what counts.</summary>
    private static NoContent CountRead(int id, HttpContext http, ReadCounter reads)
    {
        if (ReadSignal.IsReader(http.Request))
        {
            reads.Count(id);
        }
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.NoContent();
    }
}
