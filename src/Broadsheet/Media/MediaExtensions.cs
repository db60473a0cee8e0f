using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Media;

public static class MediaExtensions
{
    public static WebApplicationBuilder AddMedia(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BroadsheetOptions>()
            .Validate(o => !o.Media.Problems().Any(), "Broadsheet:Media is invalid: check MaxUploadBytes, MaxPixels, MaxConcurrentDecodes, RenditionWidths and the qualities.");
        builder.Services.AddSingleton<ImageWorkSlots>();
        builder.Services.AddScoped<ImageLibrary>();
        builder.Services.AddScoped<FocalCrops>();
        builder.Services.AddScoped<ImageWriter>();
        builder.Services.AddSingleton<MediaSweep>();
        builder.AddWorkerJob(s => s.GetRequiredService<MediaSweep>());
        return builder;
    }

    /// <summary>
    /// Serves renditions at <c>/media/{id}/{width}.{webp|jpg}</c> from the media folder. Their names never change
    /// content, so browsers and CDNs may keep them for a year. Originals are not served: they keep the camera's
    /// metadata (GPS position, serial numbers), which a newsroom must not publish by accident.
    /// </summary>
    public static WebApplication MapMedia(this WebApplication app)
    {
        var mediaPath = app.Services.GetRequiredService<IOptions<BroadsheetOptions>>().Value.MediaPath;
        Directory.CreateDirectory(mediaPath);
        var files = new PhysicalFileProvider(mediaPath);
        app.Map(ImageSources.UrlPrefix.TrimEnd('/'), media =>
        {
            media.Use((context, next) =>
            {
                var name = Path.GetFileName(context.Request.Path.Value ?? "");
                if (name.StartsWith("original.", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }
                return next(context);
            });
            media.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                ServeUnknownFileTypes = false,
                OnPrepareResponse = c =>
                {
                    c.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
                    c.Context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                },
            });
            media.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
        return app;
    }
}
