using System.Text;
using Broadsheet.Accounts;
using Broadsheet.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsroom.Accounts;

/// <summary>
/// <c>user create EMAIL --role ROLE [--name "Display Name"] [--password-stdin]</c>, <c>user list</c>,
/// <c>user role EMAIL ROLE</c>, <c>user disable EMAIL</c>, <c>user enable EMAIL</c>: newsroom accounts from the command line.
/// </summary>
public static class UserCommand
{
    public const string Usage =
        "usage: user create EMAIL --role Writer|Editor|Admin [--name \"Display Name\"] [--password-stdin]\n" +
        "       user list | user role EMAIL ROLE | user disable EMAIL | user enable EMAIL";

    /// <summary>
    /// Runs the command in <paramref name="args"/>: null when the arguments are not a user command, else the exit code.
    /// <paramref name="terminal"/> is true when a person types at the console, so a password can be asked for without echo.
    /// </summary>
    public static async Task<int?> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error, bool terminal, CancellationToken ct = default)
    {
        if (args.Length == 0 || args[0] != "user")
        {
            return null;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        // Migrate only: the server's start-up preparation would also seed demo content into an empty database.
        if (scope.ServiceProvider.GetRequiredService<IOptions<BroadsheetOptions>>().Value.Database.ApplyMigrations)
        {
            await db.Database.MigrateAsync(ct);
        }
        var accounts = scope.ServiceProvider.GetRequiredService<NewsroomAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
        var verb = args.Length > 1 ? args[1] : null;
        switch (verb)
        {
            case "create" when args.Length >= 3:
                return await CreateAsync(accounts, args[2], args[3..], input, output, error, terminal, ct);
            case "list" when args.Length == 2:
                foreach (var u in await accounts.ListAsync(ct))
                {
                    var state = u.Disabled ? "disabled" : u.LockedUntil is { } until ? $"locked until {until:yyyy-MM-dd HH:mm}Z" : "active";
                    await output.WriteLineAsync($"{u.Email}\t{u.Role}\t{u.DisplayName}\t{state}{(u.TwoFactor ? "\t2FA" : "")}");
                }
                return 0;
            case "role" when args.Length == 4:
                {
                    if (await users.FindByEmailAsync(args[2]) is not { } user)
                    {
                        await error.WriteLineAsync($"No newsroom user with email '{args[2]}'.");
                        return 1;
                    }
                    var result = await accounts.ChangeRoleAsync(user, args[3], ct);
                    return await ReportAsync(result, $"{user.Email} is now {NewsroomRoles.Parse(args[3])}.", output, error);
                }
            case "disable" or "enable" when args.Length == 3:
                {
                    if (await users.FindByEmailAsync(args[2]) is not { } user)
                    {
                        await error.WriteLineAsync($"No newsroom user with email '{args[2]}'.");
                        return 1;
                    }
                    var result = verb == "disable" ? await accounts.DisableAsync(user, ct) : await accounts.EnableAsync(user);
                    return await ReportAsync(result, $"{user.Email} is {verb}d.", output, error);
                }
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> CreateAsync(NewsroomAccounts accounts, string email, string[] options, TextReader input, TextWriter output, TextWriter error, bool terminal, CancellationToken ct)
    {
        string? role = null, name = null;
        var passwordFromStdin = false;
        for (var i = 0; i < options.Length; i++)
        {
            switch (options[i])
            {
                case "--role" when i + 1 < options.Length:
                    role = options[++i];
                    break;
                case "--name" when i + 1 < options.Length:
                    name = options[++i];
                    break;
                case "--password-stdin":
                    passwordFromStdin = true;
                    break;
                default:
                    await error.WriteLineAsync($"Unknown option '{options[i]}'.\n{Usage}");
                    return 2;
            }
        }
        if (role is null)
        {
            await error.WriteLineAsync($"Give the user a role with --role {string.Join('|', NewsroomRoles.All)}.\n{Usage}");
            return 2;
        }

        string password;
        var generated = false;
        if (passwordFromStdin)
        {
            password = (await input.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? "";
        }
        else if (terminal)
        {
            password = ReadHidden("Password (at least 12 characters; leave empty to generate one): ");
            if (password.Length > 0 && ReadHidden("Repeat the password: ") != password)
            {
                await error.WriteLineAsync("The two passwords differ; nothing was created.");
                return 1;
            }
        }
        else
        {
            password = "";
        }
        if (password.Length == 0)
        {
            password = NewsroomAccounts.GeneratePassword();
            generated = true;
        }

        var result = await accounts.CreateAsync(email, name, role, password, ct);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                await error.WriteLineAsync(field.Length == 0 ? message : $"{field}: {message}");
            }
            return 1;
        }
        await output.WriteLineAsync($"Created {result.User!.Email} ({NewsroomRoles.Parse(role)}). Sign in at /newsroom/signin.");
        if (generated)
        {
            await output.WriteLineAsync($"Password (shown only this once): {password}");
        }
        return 0;
    }

    private static async Task<int> ReportAsync(AccountResult result, string success, TextWriter output, TextWriter error)
    {
        if (result.Succeeded)
        {
            await output.WriteLineAsync(success);
            return 0;
        }
        foreach (var (_, message) in result.Errors)
        {
            await error.WriteLineAsync(message);
        }
        return 1;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
