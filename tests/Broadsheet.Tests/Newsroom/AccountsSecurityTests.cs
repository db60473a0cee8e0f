using System.Net;
using Broadsheet.Accounts;
using Broadsheet.Newsroom.Accounts;
using Broadsheet.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsroom;

/// <summary>Lockout, antiforgery, cookies and headers of the newsroom, over real HTTP on both databases.</summary>
[Collection(NewsroomCollection.Name)]
public sealed class AccountsSecurityTests(NewsroomApps apps) : IClassFixture<NewsroomApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => NewsroomApps.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Five_wrong_passwords_shut_out_the_guessing_address_not_the_account_owner(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var user = await NewsroomSession.CreateUserAsync(app, NewsroomRoles.Writer);
        var wrongAnswer = HtmlText(Broadsheet.Newsroom.Accounts.SignIn.SignInModel.WrongCredentials);
        using var attacker = NewsroomSession.Anonymous(app).From("203.0.113.7");
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await attacker.SubmitSignInAsync(user.Email!, $"Wrong-password-{i}!", Ct);
            Assert.Contains(wrongAnswer, await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        // From the guessing address even the right password is refused, with the same words as a wrong one.
        using (var right = await attacker.SubmitSignInAsync(user.Email!, NewsroomSession.DefaultPassword, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
            Assert.Contains(wrongAnswer, await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.DoesNotContain(right.Headers.GetValues("Set-Cookie"), c => c.StartsWith("broadsheet.newsroom=", StringComparison.Ordinal));
        }

        // The owner, at another address, signs in.
        using var owner = NewsroomSession.Anonymous(app).From("198.51.100.20");
        using (var signedIn = await owner.SubmitSignInAsync(user.Email!, NewsroomSession.DefaultPassword, Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/newsroom", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Wrong_passwords_from_many_addresses_lock_the_account_for_15_minutes(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var user = await NewsroomSession.CreateUserAsync(app, NewsroomRoles.Writer);
        var perAccount = new RateLimitOptions().SignInFailuresPerAccount;
        for (var i = 0; i < perAccount; i++)
        {
            using var attacker = NewsroomSession.Anonymous(app).From($"203.0.113.{i % 100}");
            using var wrong = await attacker.SubmitSignInAsync(user.Email!, $"Wrong-password-{i}!", Ct);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var owner = NewsroomSession.Anonymous(app).From("198.51.100.21");
        using (var right = await owner.SubmitSignInAsync(user.Email!, NewsroomSession.DefaultPassword, Ct))
        {
            Assert.Contains(HtmlText(Broadsheet.Newsroom.Accounts.SignIn.SignInModel.WrongCredentials), await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>().FindByIdAsync(user.Id);
        var lockedFor = stored!.LockoutEnd!.Value - DateTimeOffset.UtcNow;
        Assert.InRange(lockedFor, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_unknown_address_answers_as_a_known_one_and_costs_a_password_hash_too(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var user = await NewsroomSession.CreateUserAsync(app, NewsroomRoles.Writer);
        using var session = NewsroomSession.Anonymous(app);
        var hasher = new CountingHasher();
        // Timing is too noisy to assert on a shared machine; the cost is the password hash, so count the hashes instead.
        using var scope = app.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<SignInManager<NewsroomUser>>();
        var original = manager.UserManager.PasswordHasher;
        manager.UserManager.PasswordHasher = hasher;
        manager.Context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = app.Services };
        try
        {
            await manager.PasswordSignInAsync(user.Email!, "Wrong-password-1!", false, true);
            var known = hasher.Verifications;
            await manager.PasswordSignInAsync($"nobody-{Guid.NewGuid():N}@example.com", "Wrong-password-1!", false, true);
            Assert.Equal(1, known);
            Assert.Equal(2, hasher.Verifications);
        }
        finally
        {
            manager.UserManager.PasswordHasher = original;
        }

        using var unknown = await session.SubmitSignInAsync($"nobody-{Guid.NewGuid():N}@example.com", "Wrong-password-1!", Ct);
        using var wrong = await session.SubmitSignInAsync(user.Email!, "Wrong-password-1!", Ct);
        var wrongAnswer = HtmlText(Broadsheet.Newsroom.Accounts.SignIn.SignInModel.WrongCredentials);
        Assert.Contains(wrongAnswer, await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains(wrongAnswer, await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private sealed class CountingHasher : PasswordHasher<NewsroomUser>
    {
        public int Verifications { get; private set; }

        public override PasswordVerificationResult VerifyHashedPassword(NewsroomUser user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }


    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var user = await NewsroomSession.CreateUserAsync(app, NewsroomRoles.Admin);
        using var session = NewsroomSession.Anonymous(app);
        await session.GetPageAsync("/newsroom/signin", Ct); // has the antiforgery cookie, as a victim's browser would

        using var forged = await session.PostFormWithTokenAsync(
            "/newsroom/signin", [new("Input.Email", user.Email!), new("Input.Password", NewsroomSession.DefaultPassword)], token: null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/newsroom", Ct)).StatusCode);

        using var admin = await NewsroomSession.SignInAsync(app, NewsroomRoles.Admin, Ct);
        using var signOut = await admin.PostFormWithTokenAsync("/newsroom/signout", [], token: null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/newsroom", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Session_and_antiforgery_cookies_are_http_only_and_same_site(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var user = await NewsroomSession.CreateUserAsync(app, NewsroomRoles.Writer);
        using var session = NewsroomSession.Anonymous(app);
        using var form = await session.GetAsync("/newsroom/signin", Ct);
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith("broadsheet.antiforgery=", StringComparison.Ordinal));
        AssertFlags(antiforgery, "samesite=strict", secure: false);

        using var signedIn = await session.SubmitSignInAsync(user.Email!, NewsroomSession.DefaultPassword, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("broadsheet.newsroom=", StringComparison.Ordinal));
        AssertFlags(cookie, "samesite=lax", secure: false);
    }

    [Fact]
    public async Task Over_https_the_cookies_are_secure_and_host_prefixed()
    {
        await using var app = new LoggedApp(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Broadsheet:PublicUrl"] = "https://news.example.com" });
        var user = await NewsroomSession.CreateUserAsync(app, NewsroomRoles.Writer);
        // As behind a TLS-terminating proxy on the same host. The client keeps no Secure cookie over plain HTTP,
        // so the antiforgery cookie goes back by hand, as a browser would send it over HTTPS.
        using var client = app.Client();
        using var formRequest = new HttpRequestMessage(HttpMethod.Get, "/newsroom/signin");
        formRequest.Headers.Add("X-Forwarded-Proto", "https");
        using var form = await client.SendAsync(formRequest, Ct);
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-broadsheet.antiforgery=", StringComparison.Ordinal));
        AssertFlags(antiforgery, "samesite=strict", secure: true);

        var token = NewsroomSession.AntiforgeryToken(await form.Content.ReadAsStringAsync(Ct));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/newsroom/signin")
        {
            Content = new FormUrlEncodedContent([new("Input.Email", user.Email!), new("Input.Password", NewsroomSession.DefaultPassword), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var signedIn = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-broadsheet.newsroom=", StringComparison.Ordinal));
        AssertFlags(cookie, "samesite=lax", secure: true);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Newsroom_responses_are_never_cached_nor_indexed_and_carry_the_security_headers(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        using var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        using var anonymous = NewsroomSession.Anonymous(app);
        foreach (var (session, path, status) in new[]
        {
            (anonymous, "/newsroom/signin", HttpStatusCode.OK),
            (anonymous, "/newsroom", HttpStatusCode.Redirect),
            (writer, "/newsroom", HttpStatusCode.OK),
            (writer, "/newsroom/account", HttpStatusCode.OK),
            (writer, "/newsroom/no-such-page", HttpStatusCode.NotFound),
        })
        {
            using var response = await session.GetAsync(path, Ct);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.Equal("noindex, nofollow", string.Join(",", response.Headers.GetValues("X-Robots-Tag")));
            Assert.Null(response.Headers.ETag);
            Assert.Contains("script-src 'self'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
            if (status == HttpStatusCode.OK)
            {
                var html = await response.Content.ReadAsStringAsync(Ct);
                Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Sign_in_goes_back_only_to_newsroom_addresses(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var user = await NewsroomSession.CreateUserAsync(app, NewsroomRoles.Writer);
        foreach (var (returnUrl, expected) in new[]
        {
            ("/newsroom/account", "/newsroom/account"),
            ("https://evil.example.com/newsroom", "/newsroom"),
            ("//evil.example.com/newsroom", "/newsroom"),
            ("/news/world", "/newsroom"),
        })
        {
            using var session = NewsroomSession.Anonymous(app);
            var path = "/newsroom/signin?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
            using var response = await session.PostFormAsync(path, [new("Input.Email", user.Email!), new("Input.Password", NewsroomSession.DefaultPassword)], ct: Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(expected, response.Headers.Location?.OriginalString);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Signing_out_ends_the_session(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        using var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        using var signOut = await writer.PostFormAsync("/newsroom/signout", [], formPage: "/newsroom", ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/newsroom/signin", signOut.Headers.Location?.OriginalString);
        Assert.Contains("You are signed out.", await writer.GetPageAsync("/newsroom/signin", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.GetAsync("/newsroom", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Changing_the_password_needs_the_current_one_and_a_strong_new_one(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        using var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        const string newPassword = "Another-Long-Pass-77";

        using (var wrong = await writer.PostFormAsync("/newsroom/account/password",
            [new("Input.CurrentPassword", "not-it"), new("Input.NewPassword", newPassword), new("Input.ConfirmPassword", newPassword)], ct: Ct))
        {
            var html = await wrong.Content.ReadAsStringAsync(Ct);
            Assert.Contains("href=\"#Input_CurrentPassword\"", html, StringComparison.Ordinal);
            Assert.Contains("Your current password is not right.", html, StringComparison.Ordinal);
        }
        using (var weak = await writer.PostFormAsync("/newsroom/account/password",
            [new("Input.CurrentPassword", NewsroomSession.DefaultPassword), new("Input.NewPassword", "Short-1a"), new("Input.ConfirmPassword", "Short-1a")], ct: Ct))
        {
            var html = await weak.Content.ReadAsStringAsync(Ct);
            Assert.Contains("href=\"#Input_NewPassword\"", html, StringComparison.Ordinal);
            Assert.Contains("at least 12 characters", html, StringComparison.Ordinal);
        }
        using (var changed = await writer.PostFormAsync("/newsroom/account/password",
            [new("Input.CurrentPassword", NewsroomSession.DefaultPassword), new("Input.NewPassword", newPassword), new("Input.ConfirmPassword", newPassword)], ct: Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/newsroom", Ct)).StatusCode);
        using var again = await NewsroomSession.SignInAsync(app, writer.Email!, newPassword, Ct);
        using var old = NewsroomSession.Anonymous(app);
        using var refused = await old.SubmitSignInAsync(writer.Email!, NewsroomSession.DefaultPassword, Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Disabling_an_account_ends_its_session_and_refuses_sign_in(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        using var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/newsroom", Ct)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
            var result = await scope.ServiceProvider.GetRequiredService<NewsroomAccounts>().DisableAsync((await users.FindByIdAsync(writer.UserId!))!, Ct);
            Assert.True(result.Succeeded);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await writer.GetAsync("/newsroom", Ct)).StatusCode);
        using var again = NewsroomSession.Anonymous(app);
        using var refused = await again.SubmitSignInAsync(writer.Email!, NewsroomSession.DefaultPassword, Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(HtmlText(Broadsheet.Newsroom.Accounts.SignIn.SignInModel.WrongCredentials), await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static void AssertFlags(string setCookie, string sameSite, bool secure)
    {
        var parts = setCookie.Split(';', StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", parts);
        Assert.Contains(sameSite, parts);
        Assert.Contains("path=/", parts);
        Assert.Equal(secure, parts.Contains("secure"));
    }

    private static string HtmlText(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);
}
