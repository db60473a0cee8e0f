using Broadsheet.Accounts;
using Broadsheet.Ingest.WordPress;
using Broadsheet.Newsroom.Accounts;

namespace Broadsheet;

public static class CommandLine
{
    /// <summary>Runs a command-line command (<c>apikey create NAME</c>, <c>user create EMAIL --role Admin</c>) instead of the server; true when one ran.</summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        var exitCode = await ApiKeyCommand.RunAsync(app.Services, args, Console.Out, Console.Error)
            ?? await UserCommand.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error, terminal: !Console.IsInputRedirected)
            ?? await RunImportAsync(app, args);
        if (exitCode is null)
        {
            return false;
        }
        Environment.ExitCode = exitCode.Value;
        return true;
    }

    /// <summary><c>import wordpress FILE</c>; Ctrl+C stops it between posts, and running it again resumes.</summary>
    private static async Task<int?> RunImportAsync(WebApplication app, string[] args)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler cancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += cancel;
        try
        {
            return await WordPressImportCommand.RunAsync(app.Services, args, Console.Out, Console.Error, terminal: !Console.IsOutputRedirected, stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= cancel;
        }
    }
}
