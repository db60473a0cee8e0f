namespace Broadsheet.Api;

public static class ApiExtensions
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapApi(this WebApplication app) => app;

    /// <summary>Runs a command-line command (<c>apikey create NAME</c>, <c>user create EMAIL --role Admin</c>) instead of the server; true when one ran.</summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        var exitCode = await Newsroom.Accounts.UserCommand.RunAsync(
            app.Services, args, Console.In, Console.Out, Console.Error, terminal: !Console.IsInputRedirected);
        if (exitCode is null)
        {
            return false;
        }
        Environment.ExitCode = exitCode.Value;
        return true;
    }
}
