using Microsoft.Extensions.Primitives;

namespace Broadsheet.Newsroom.Shared;

/// <summary>
/// Newsroom responses (pages, redirects, errors) show unpublished work and per-user data: no cache may keep them
/// and no search engine may index them. Set as the response starts, so nothing later in the pipeline overrides them.
/// </summary>
public sealed class NewsroomResponseHeaders(RequestDelegate next)
{
    private static readonly StringValues NoStore = "no-store";
    private static readonly StringValues NoIndex = "noindex, nofollow";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(NewsroomExtensions.PathPrefix))
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.CacheControl = NoStore;
                headers["X-Robots-Tag"] = NoIndex;
                headers.Remove("ETag");
                return Task.CompletedTask;
            }, context.Response);
        }
        return next(context);
    }
}
