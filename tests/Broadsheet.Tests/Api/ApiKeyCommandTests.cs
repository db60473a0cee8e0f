using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Broadsheet.Accounts;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Api;

[Collection(SharedAppsCollection.Name)]
public class ApiKeyCommandTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpClient WithKey(BroadsheetApp app, string key)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Create_list_and_revoke_a_key(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var name = Api.Unique("ci");
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(0, await ApiKeyCommand.RunAsync(app.Services, ["apikey", "create", name], output, error, Ct));
        var secret = output.ToString().Trim();
        Assert.StartsWith("bsk_", secret, StringComparison.Ordinal);
        Assert.True(secret.Length >= 40);

        var stored = await app.InScopeAsync(db => db.ApiKeys.SingleAsync(k => k.Name == name, Ct));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), stored.Hash);
        Assert.DoesNotContain(secret, stored.Hash, StringComparison.Ordinal);
        Assert.False(await app.InScopeAsync(db => db.ApiKeys.AnyAsync(k => k.Hash == secret || k.Name == secret, Ct)));

        Assert.Equal(HttpStatusCode.OK, (await WithKey(app, secret).GetAsync("/api/admin/sections", Ct)).StatusCode);

        var list = new StringWriter();
        Assert.Equal(0, await ApiKeyCommand.RunAsync(app.Services, ["apikey", "list"], list, error, Ct));
        Assert.Contains($"{name}\t", list.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list.ToString(), StringComparison.Ordinal);

        Assert.Equal(1, await ApiKeyCommand.RunAsync(app.Services, ["apikey", "create", name], new StringWriter(), error, Ct));

        Assert.Equal(0, await ApiKeyCommand.RunAsync(app.Services, ["apikey", "revoke", name], new StringWriter(), error, Ct));
        var revoked = await WithKey(app, secret).GetAsync("/api/admin/sections", Ct);
        await Api.AssertProblemAsync(revoked, [401]);
        Assert.Equal(1, await ApiKeyCommand.RunAsync(app.Services, ["apikey", "revoke", name], new StringWriter(), error, Ct));
    }

    [Fact]
    public async Task Other_arguments_are_not_commands_and_bad_ones_print_usage()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var error = new StringWriter();

        Assert.Null(await ApiKeyCommand.RunAsync(app.Services, [], TextWriter.Null, error, Ct));
        Assert.Null(await ApiKeyCommand.RunAsync(app.Services, ["--urls", "http://localhost:5000"], TextWriter.Null, error, Ct));
        Assert.Equal(2, await ApiKeyCommand.RunAsync(app.Services, ["apikey", "frobnicate"], TextWriter.Null, error, Ct));
        Assert.Equal(2, await ApiKeyCommand.RunAsync(app.Services, ["apikey", "create"], TextWriter.Null, error, Ct));
        Assert.Contains("usage: apikey create NAME", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The real entry point, as an operator runs it: a separate process on the app's own database. One process, on
    /// SQLite: what the entry point adds to the command (its configuration, no server, no demo seeding) shows in the
    /// create; the command itself runs on both providers in-process above, and the entry point's PostgreSQL
    /// configuration has its process in <c>AccountsCommandTests</c> (each process costs seconds of CPU). The revoke
    /// that follows is the same command, run in-process.
    /// </summary>
    [Fact]
    public async Task The_command_line_creates_a_key_the_server_accepts()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var name = Api.Unique("cli");
        var configuration = app.Services.GetRequiredService<IConfiguration>();

        var (exitCode, stdout, stderr) = await RunCliAsync(app, configuration, "apikey", "create", name);

        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        var secret = stdout.Trim();
        Assert.Equal(HttpStatusCode.OK, (await WithKey(app, secret).GetAsync("/api/admin/topics", Ct)).StatusCode);
        Assert.Equal(0, await ApiKeyCommand.RunAsync(app.Services, ["apikey", "revoke", name], TextWriter.Null, TextWriter.Null, Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithKey(app, secret).GetAsync("/api/admin/topics", Ct)).StatusCode);
        // The command migrates but never seeds the demo publication.
        Assert.False(await app.InScopeAsync(db => db.Publications.AnyAsync(Ct)));
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(BroadsheetApp app, IConfiguration configuration, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Broadsheet.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in Faults.AppProcess.ShortLived)
        {
            start.Environment[key] = value;
        }
        start.Environment["Broadsheet__DataPath"] = app.DataPath;
        start.Environment["Broadsheet__Database__Provider"] = app.Provider.ToString();
        start.Environment["Broadsheet__SeedDemoContent"] = "true";
        start.Environment["ConnectionStrings__Broadsheet"] = configuration.GetConnectionString("Broadsheet") ?? "";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        // As `dotnet run --project src/Broadsheet` does: the project folder (with wwwroot) is the content root.
        start.Environment["ASPNETCORE_CONTENTROOT"] = Faults.AppProcess.ProjectFolder();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await stdout, await stderr);
    }
}
