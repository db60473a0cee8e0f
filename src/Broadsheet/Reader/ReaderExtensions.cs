namespace Broadsheet.Reader;

public static class ReaderExtensions
{
    public static WebApplicationBuilder AddReader(this WebApplicationBuilder builder) => builder;

    /// <summary>Error pages, security headers, compression, output caching, ETags: everything in front of the endpoints.</summary>
    public static WebApplication UseReaderPipeline(this WebApplication app) => app;

    public static WebApplication MapReader(this WebApplication app)
    {
        app.MapGet("/", () => "Broadsheet");
        return app;
    }
}
