using Broadsheet.Ads;

namespace Broadsheet.Rendering;

public static class RenderingExtensions
{
    /// <summary>What the reader's pages and the newsroom's preview render with: the inline stylesheet, the site snapshot and chrome.</summary>
    public static WebApplicationBuilder AddRendering(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(InlineStyle.Load(builder.Environment));
        builder.Services.AddSingleton<SiteSnapshot>();
        builder.Services.AddSingleton<IAdCreatives>(s => s.GetRequiredService<SiteSnapshot>());
        builder.Services.AddScoped<SiteChrome>();
        builder.Services.AddSingleton<PageLayout>();
        return builder;
    }
}
