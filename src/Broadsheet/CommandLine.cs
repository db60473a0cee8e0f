using Broadsheet.Accounts;
using Broadsheet.Newsroom.Accounts;

namespace Broadsheet;

public static class CommandLine
{
    /// <summary>Runs a command-line command (<c>apikey create NAME</c>, <c>user create EMAIL --role Admin</c>) instead of the server; true when one ran.</summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        var exitCode = await ApiKeyCommand.RunAsync(app.Services, args, Console.Out, Console.Error)
            ?? await UserCommand.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error, terminal: !Console.IsInputRedirected);
        if (exitCode is null)
        {
            return false;
        }
        Environment.ExitCode = exitCode.Value;
        return true;
    }
}
