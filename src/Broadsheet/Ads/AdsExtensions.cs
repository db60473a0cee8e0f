namespace Broadsheet.Ads;

public static class AdsExtensions
{
    public static WebApplicationBuilder AddAds(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapAds(this WebApplication app) => app;
}
