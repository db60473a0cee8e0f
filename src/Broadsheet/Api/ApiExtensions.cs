namespace Broadsheet.Api;

public static class ApiExtensions
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapApi(this WebApplication app) => app;

    /// <summary>Runs a command-line command (<c>apikey create NAME</c>) instead of the server; true when one ran.</summary>
    public static Task<bool> RunCommandAsync(this WebApplication app, string[] args) => Task.FromResult(false);
}
