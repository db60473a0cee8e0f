using System.Net;
using System.Text.RegularExpressions;
using Broadsheet.Accounts;
using Broadsheet.Newsroom.Accounts;
using Broadsheet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsroom;

/// <summary>The first run: the start-up notice, and the one-time set-up link that creates the first admin.</summary>
public sealed partial class AccountsSetupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => NewsroomApps.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_set_up_link_creates_the_first_admin_once(DatabaseProvider provider)
    {
        await using var app = new LoggedApp(provider);
        _ = app.BaseAddress;
        var notice = Assert.Single(app.LogLines, l => l.Contains("No newsroom users yet.", StringComparison.Ordinal));
        Assert.Contains(FirstRunNotice.CreateAdminHint, notice, StringComparison.Ordinal);
        var link = new Uri(SetupLink().Match(notice).Value);
        Assert.Equal("http://localhost:5000/newsroom/setup", link.GetLeftPart(UriPartial.Path));
        var path = link.PathAndQuery;

        using var visitor = NewsroomSession.Anonymous(app);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/newsroom/setup", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(path + "0", Ct)).StatusCode);

        using (var invalid = await visitor.PostFormAsync(path,
            [new("Input.Email", "not-an-email"), new("Input.DisplayName", "Chief"), new("Input.Password", "short"), new("Input.ConfirmPassword", "shorter")], ct: Ct))
        {
            Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
            var html = await invalid.Content.ReadAsStringAsync(Ct);
            Assert.Contains("href=\"#Input_ConfirmPassword\"", html, StringComparison.Ordinal);
        }
        using (var weak = await visitor.PostFormAsync(path,
            [new("Input.Email", "not-an-email"), new("Input.DisplayName", "Chief"), new("Input.Password", "short"), new("Input.ConfirmPassword", "short")], ct: Ct))
        {
            var html = await weak.Content.ReadAsStringAsync(Ct);
            Assert.Contains("href=\"#Input_Email\"", html, StringComparison.Ordinal);
            Assert.Contains("href=\"#Input_Password\"", html, StringComparison.Ordinal);
            Assert.Contains("at least 12 characters", html, StringComparison.Ordinal);
        }
        Assert.Empty(await ListUsersAsync(app));

        const string password = "First-Admin-Pass-1";
        using (var created = await visitor.PostFormAsync(path,
            [new("Input.Email", "chief@example.com"), new("Input.DisplayName", "Chief Editor"), new("Input.Password", password), new("Input.ConfirmPassword", password)], ct: Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal("/newsroom", created.Headers.Location?.OriginalString);
        }
        var dashboard = await visitor.GetPageAsync("/newsroom", Ct);
        Assert.Contains("Signed in as Chief Editor (Admin)", dashboard, StringComparison.Ordinal);
        var admin = Assert.Single(await ListUsersAsync(app));
        Assert.Equal(("chief@example.com", NewsroomRoles.Admin), (admin.Email, admin.Role));

        // The token is spent: neither the page nor a replayed form opens again.
        using var later = NewsroomSession.Anonymous(app);
        Assert.Equal(HttpStatusCode.NotFound, (await later.GetAsync(path, Ct)).StatusCode);
        var token = NewsroomSession.AntiforgeryToken(await later.GetPageAsync("/newsroom/signin", Ct));
        using var replay = await later.PostFormWithTokenAsync(path,
            [new("Input.Email", "second@example.com"), new("Input.DisplayName", "Intruder"), new("Input.Password", password), new("Input.ConfirmPassword", password)], token, Ct);
        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        Assert.Single(await ListUsersAsync(app));
    }

    [Fact]
    public async Task A_user_made_on_the_command_line_closes_the_set_up_link()
    {
        await using var app = new LoggedApp(DatabaseProvider.Sqlite);
        _ = app.BaseAddress;
        var path = new Uri(SetupLink().Match(app.LogLines.Single(l => l.Contains("setup?token=", StringComparison.Ordinal))).Value).PathAndQuery;
        using var visitor = NewsroomSession.Anonymous(app);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(path, Ct)).StatusCode);

        var output = new StringWriter();
        Assert.Equal(0, await UserCommand.RunAsync(app.Services, ["user", "create", "ops@example.com", "--role", "Admin"], TextReader.Null, output, TextWriter.Null, terminal: false, Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(path, Ct)).StatusCode);
    }

    [Fact]
    public async Task With_a_user_the_start_up_prints_no_set_up_link()
    {
        await using var first = new LoggedApp(DatabaseProvider.Sqlite);
        await NewsroomSession.CreateUserAsync(first, NewsroomRoles.Admin);
        // A second app on the same SQLite file: it starts with a user already there.
        await using var second = new LoggedApp(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Broadsheet:DataPath"] = first.DataPath });
        _ = second.BaseAddress;
        Assert.Contains(first.LogLines, l => l.Contains("No newsroom users yet.", StringComparison.Ordinal));
        Assert.DoesNotContain(second.LogLines, l => l.Contains("No newsroom users yet.", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<NewsroomUserSummary>> ListUsersAsync(BroadsheetApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewsroomAccounts>().ListAsync(Ct);
    }

    [GeneratedRegex(@"https?://\S+/newsroom/setup\?token=[0-9a-f]+")]
    private static partial Regex SetupLink();
}
