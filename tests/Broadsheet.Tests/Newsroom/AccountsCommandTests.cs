using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Broadsheet.Accounts;
using Broadsheet.Newsroom.Accounts;
using Broadsheet.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsroom;

/// <summary><c>user create | list | role | disable | enable</c>, in process and as the real command line.</summary>
[Collection(NewsroomCollection.Name)]
public sealed partial class AccountsCommandTests(NewsroomApps apps) : IClassFixture<NewsroomApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => NewsroomApps.Providers;

    private static async Task<(int? Exit, string Output, string Error)> RunAsync(BroadsheetApp app, string? stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await UserCommand.RunAsync(app.Services, args, new StringReader(stdin ?? ""), output, error, terminal: false, Ct);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Create_with_a_password_from_stdin_then_change_role_disable_and_enable(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var email = $"cli-{Guid.NewGuid():N}@example.com";
        const string password = "Typed-Password-123";

        var created = await RunAsync(app, password + "\n", "user", "create", email, "--role", "writer", "--name", "Casey Writer", "--password-stdin");
        Assert.True(created.Exit == 0, created.Error);
        Assert.Contains($"Created {email} (Writer)", created.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, created.Output, StringComparison.Ordinal);

        using (var writer = await NewsroomSession.SignInAsync(app, email, password, Ct))
        {
            Assert.Contains("Signed in as Casey Writer (Writer)", await writer.GetPageAsync("/newsroom", Ct), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await writer.GetAsync("/newsroom/admin", Ct)).StatusCode);

            Assert.Equal(0, (await RunAsync(app, null, "user", "role", email, "Admin")).Exit);
            // The open session picks up the new role on its next request.
            Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/newsroom/admin", Ct)).StatusCode);
        }

        var list = await RunAsync(app, null, "user", "list");
        Assert.Contains($"{email}\tAdmin\tCasey Writer\tactive", list.Output, StringComparison.Ordinal);

        await NewsroomSession.CreateUserAsync(app, NewsroomRoles.Admin); // so this one is not the last admin
        Assert.Equal(0, (await RunAsync(app, null, "user", "disable", email)).Exit);
        Assert.Contains($"{email}\tAdmin\tCasey Writer\tdisabled", (await RunAsync(app, null, "user", "list")).Output, StringComparison.Ordinal);
        using (var refused = NewsroomSession.Anonymous(app))
        {
            Assert.Equal(HttpStatusCode.OK, (await refused.SubmitSignInAsync(email, password, Ct)).StatusCode);
        }
        Assert.Equal(0, (await RunAsync(app, null, "user", "enable", email)).Exit);
        using var back = await NewsroomSession.SignInAsync(app, email, password, Ct);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Without_a_password_one_is_generated_and_printed_once(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var email = $"gen-{Guid.NewGuid():N}@example.com";
        var created = await RunAsync(app, null, "user", "create", email, "--role", "Editor");
        Assert.Equal(0, created.Exit);
        var password = GeneratedPassword().Match(created.Output).Groups[1].Value;
        Assert.Equal(20, password.Length);
        using var editor = await NewsroomSession.SignInAsync(app, email, password, Ct);
        Assert.Contains("(Editor)", await editor.GetPageAsync("/newsroom", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Bad_input_creates_nothing_and_says_why(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var email = $"bad-{Guid.NewGuid():N}@example.com";

        var weak = await RunAsync(app, "short\n", "user", "create", email, "--role", "Writer", "--password-stdin");
        Assert.Equal(1, weak.Exit);
        Assert.Contains("at least 12 characters", weak.Error, StringComparison.Ordinal);

        var role = await RunAsync(app, "Long-Enough-Pass-1\n", "user", "create", email, "--role", "Publisher", "--password-stdin");
        Assert.Equal(1, role.Exit);
        Assert.Contains("Role: Choose a role", role.Error, StringComparison.Ordinal);

        var address = await RunAsync(app, "Long-Enough-Pass-1\n", "user", "create", "nobody", "--role", "Writer", "--password-stdin");
        Assert.Equal(1, address.Exit);
        Assert.Contains("Email:", address.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(email, (await RunAsync(app, null, "user", "list")).Output, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync(app, "Long-Enough-Pass-1\n", "user", "create", email, "--role", "Writer", "--password-stdin")).Exit);
        var duplicate = await RunAsync(app, "Long-Enough-Pass-2\n", "user", "create", email.ToUpperInvariant(), "--role", "Writer", "--password-stdin");
        Assert.Equal(1, duplicate.Exit);
        Assert.Contains("already exists", duplicate.Error, StringComparison.Ordinal);

        Assert.Equal(1, (await RunAsync(app, null, "user", "role", "nobody@example.com", "Admin")).Exit);
        Assert.Equal(1, (await RunAsync(app, null, "user", "role", email, "Chief")).Exit);
        Assert.Equal(2, (await RunAsync(app, null, "user", "create", email)).Exit);
        Assert.Equal(2, (await RunAsync(app, null, "user", "frobnicate")).Exit);
        Assert.Null((await RunAsync(app, null, "--urls", "http://localhost:5000")).Exit);
        Assert.Null((await RunAsync(app, null)).Exit);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_demoted_or_disabled()
    {
        await using var app = new BroadsheetApp(DatabaseProvider.Sqlite);
        var admin = await NewsroomSession.CreateUserAsync(app, NewsroomRoles.Admin);
        var demote = await RunAsync(app, null, "user", "role", admin.Email!, "Editor");
        Assert.Equal(1, demote.Exit);
        Assert.Contains("only active admin", demote.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync(app, null, "user", "disable", admin.Email!)).Exit);

        await NewsroomSession.CreateUserAsync(app, NewsroomRoles.Admin);
        Assert.Equal(0, (await RunAsync(app, null, "user", "role", admin.Email!, "Editor")).Exit);
    }

    /// <summary>
    /// The real entry point, as an operator runs it: a separate process on the app's own database. One process, on
    /// PostgreSQL: the command itself runs on both providers in-process above, and the entry point's SQLite
    /// configuration has its process in <c>ApiKeyCommandTests</c> (each process costs seconds of CPU).
    /// </summary>
    [Fact]
    public async Task The_command_line_creates_a_user_who_can_sign_in()
    {
        var app = apps.On(DatabaseProvider.PostgreSQL);
        var email = $"proc-{Guid.NewGuid():N}@example.com";
        const string password = "Piped-In-Password-9";
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root, as for `dotnet run --project src/Broadsheet`: the reader's stylesheet is read from its wwwroot.
            WorkingDirectory = ProjectDirectory(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Broadsheet.dll"), "user", "create", email, "--role", "Admin", "--name", "Pat Admin", "--password-stdin" })
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in Faults.AppProcess.ShortLived)
        {
            start.Environment[key] = value;
        }
        start.Environment["Broadsheet__DataPath"] = app.DataPath;
        start.Environment["Broadsheet__Database__Provider"] = app.Provider.ToString();
        start.Environment["ConnectionStrings__Broadsheet"] = app.Services.GetRequiredService<IConfiguration>().GetConnectionString("Broadsheet") ?? "";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(password.AsMemory(), Ct);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stderr}");
        Assert.Contains($"Created {email} (Admin)", await stdout, StringComparison.Ordinal);

        using var admin = await NewsroomSession.SignInAsync(app, email, password, Ct);
        Assert.Contains("Signed in as Pat Admin (Admin)", await admin.GetPageAsync("/newsroom", Ct), StringComparison.Ordinal);
    }

    private static string ProjectDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Broadsheet.slnx")))
        {
            dir = dir.Parent;
        }
        return dir is null ? throw new InvalidOperationException("Broadsheet.slnx not found above the test binaries.") : Path.Combine(dir.FullName, "src", "Broadsheet");
    }

    [GeneratedRegex(@"Password \(shown only this once\): (\S+)")]
    private static partial Regex GeneratedPassword();
}
