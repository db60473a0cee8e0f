namespace Broadsheet.Media;

public static class MediaExtensions
{
    public static WebApplicationBuilder AddMedia(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ImageLibrary>();
        return builder;
    }

    public static WebApplication MapMedia(this WebApplication app) => app;
}
