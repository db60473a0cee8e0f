using System.Net;
using Broadsheet.Accounts;
using Broadsheet.Tests.Infrastructure;

namespace Broadsheet.Tests.Newsroom;

[Collection(NewsroomCollection.Name)]
public sealed class AccountsSignInTests(NewsroomApps apps) : IClassFixture<NewsroomApps>
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Signing_in_with_the_right_password_opens_the_dashboard_and_a_wrong_one_shows_the_error(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var app = apps.On(provider);
        var user = await NewsroomSession.CreateUserAsync(app, NewsroomRoles.Editor, displayName: "Ada Editor");

        using var stranger = NewsroomSession.Anonymous(app);
        using (var wrong = await stranger.SubmitSignInAsync(user.Email!, "not-the-password-at-all", ct))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            var html = await wrong.Content.ReadAsStringAsync(ct);
            Assert.Contains("There is a problem", html, StringComparison.Ordinal);
            Assert.Contains("href=\"#Input_Email\"", html, StringComparison.Ordinal);
            Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        }
        using (var dashboard = await stranger.GetAsync("/newsroom", ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
            Assert.StartsWith("/newsroom/signin?ReturnUrl=%2Fnewsroom", dashboard.Headers.Location?.PathAndQueryOrOriginal(), StringComparison.Ordinal);
        }

        using var editor = await NewsroomSession.SignInAsync(app, user.Email!, NewsroomSession.DefaultPassword, ct);
        var page = await editor.GetPageAsync("/newsroom", ct);
        Assert.Contains("Ada Editor", page, StringComparison.Ordinal);
        Assert.Contains("Signed in as Ada Editor (Editor)", page, StringComparison.Ordinal);
    }
}

internal static class UriText
{
    public static string PathAndQueryOrOriginal(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
