using System.Net;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Infrastructure;
using Broadsheet.Tests.Reader;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ApiSupport = Broadsheet.Tests.Api.Api;

namespace Broadsheet.Tests.Hardening;

/// <summary>
/// Each rate-limited door, with low limits set in configuration: past its limit one client address answers 429 with
/// <c>Retry-After</c> (problem+json for the APIs, a readable page for the newsroom), while another address is still
/// served. Addresses are given as X-Forwarded-For from loopback, a trusted proxy.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly ConfiguredApp app = new(DatabaseProvider.Sqlite, new Dictionary<string, string>
    {
        ["Broadsheet:RateLimits:SignIn:PermitLimit"] = "3",
        ["Broadsheet:RateLimits:SignIn:WindowSeconds"] = "600",
        ["Broadsheet:RateLimits:PasswordReset:PermitLimit"] = "2",
        ["Broadsheet:RateLimits:PasswordReset:WindowSeconds"] = "600",
        ["Broadsheet:RateLimits:Audio:PermitLimit"] = "4",
        ["Broadsheet:RateLimits:Audio:WindowSeconds"] = "600",
        ["Broadsheet:RateLimits:Uploads:PermitLimit"] = "2",
        ["Broadsheet:RateLimits:Uploads:WindowSeconds"] = "600",
        ["Broadsheet:RateLimits:Feedback:PermitLimit"] = "2",
        ["Broadsheet:RateLimits:Feedback:WindowSeconds"] = "600",
        ["Broadsheet:SecurityContact"] = "mailto:security@example.com",
        ["Broadsheet:RateLimits:MaxQueuedOnDemandAudio"] = "1",
    });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public void The_limits_are_read_from_configuration()
    {
        var limits = app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        Assert.Equal(3, limits.SignIn.PermitLimit);
        Assert.Equal(600, limits.SignIn.WindowSeconds);
        Assert.Equal(4, limits.Audio.PermitLimit);
        Assert.Equal(10, new RateLimitOptions().SignIn.PermitLimit);
    }

    [Fact]
    public async Task Sign_in_attempts_past_the_limit_get_a_readable_429_page_and_other_addresses_still_sign_in()
    {
        using var guesser = NewsroomSession.Anonymous(app).From("203.0.113.50");
        for (var i = 0; i < 3; i++)
        {
            using var attempt = await guesser.SubmitSignInAsync($"nobody-{i}@example.com", "Wrong-password-1!", Ct);
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }
        using var refused = await guesser.SubmitSignInAsync("nobody@example.com", "Wrong-password-1!", Ct);
        AssertTooMany(refused, 600);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // Reading the form is not limited; only attempts are.
        Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync("/newsroom/signin", Ct)).StatusCode);

        var user = await NewsroomSession.CreateUserAsync(app, Broadsheet.Accounts.NewsroomRoles.Writer);
        using var owner = NewsroomSession.Anonymous(app).From("198.51.100.50");
        using var signedIn = await owner.SubmitSignInAsync(user.Email!, NewsroomSession.DefaultPassword, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Password_reset_attempts_past_the_limit_get_429()
    {
        using var guesser = NewsroomSession.Anonymous(app).From("203.0.113.51");
        var token = NewsroomSession.AntiforgeryToken(await guesser.GetPageAsync("/newsroom/signin", Ct));
        const string path = "/newsroom/signin/reset-password?user=nobody&token=guess";
        for (var i = 0; i < 2; i++)
        {
            using var attempt = await guesser.PostFormWithTokenAsync(path, [new("Input.Password", "x"), new("Input.ConfirmPassword", "x")], token, Ct);
            Assert.Equal(HttpStatusCode.NotFound, attempt.StatusCode);
        }
        AssertTooMany(await guesser.PostFormWithTokenAsync(path, [], token, Ct), 600);

        using var other = NewsroomSession.Anonymous(app).From("198.51.100.51");
        var otherToken = NewsroomSession.AntiforgeryToken(await other.GetPageAsync("/newsroom/signin", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormWithTokenAsync(path, [], otherToken, Ct)).StatusCode);
    }

    [Fact]
    public async Task Audio_requests_past_the_limit_get_a_429_problem()
    {
        var client = app.Client();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Get("/listen/999999/default", "203.0.113.52"), Ct)).StatusCode);
        }
        var refused = await client.SendAsync(Get("/listen/999999/default", "203.0.113.52"), Ct);
        AssertTooMany(refused, 600);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Get("/listen/999999/default", "198.51.100.52"), Ct)).StatusCode);
    }

    [Fact]
    public async Task Past_the_cap_on_queued_audio_a_new_voice_waits_while_queued_ones_are_still_answered()
    {
        var admin = app.AdminClient();
        var section = ApiSupport.Unique("listen");
        await admin.PutSectionAsync(section, "Listen");
        var first = await admin.CreateArticleAsync(ApiSupport.ArticleJson(section, "First story to hear"));
        var second = await admin.CreateArticleAsync(ApiSupport.ArticleJson(section, "Second story to hear"));
        await admin.PublishAsync(first);
        await admin.PublishAsync(second);
        var client = app.Client();

        var queued = await client.SendAsync(Get($"/listen/{first}/default", "203.0.113.60"), Ct);
        Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
        Assert.Contains("pending", await queued.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var refused = await client.SendAsync(Get($"/listen/{second}/default", "198.51.100.60"), Ct);
        AssertTooMany(refused, 600);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        // The job already queued is still answered (its listener keeps polling).
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Get($"/listen/{first}/default", "198.51.100.61"), Ct)).StatusCode);
    }

    [Fact]
    public async Task Uploads_past_the_limit_get_a_429_problem_counted_per_account()
    {
        var admin = app.AdminClient();
        for (var i = 0; i < 2; i++)
        {
            using var empty = new MultipartFormDataContent { { new StringContent("alt"), "alt" } };
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsync("/api/admin/images", empty, Ct)).StatusCode);
        }
        using var third = new MultipartFormDataContent { { new StringContent("alt"), "alt" } };
        var refused = await admin.PostAsync("/api/admin/images", third, Ct);
        AssertTooMany(refused, 600);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        // Signed in, the account is the client: another address does not reset its count.
        using var moved = new HttpRequestMessage(HttpMethod.Post, "/api/admin/images") { Content = new MultipartFormDataContent { { new StringContent("alt"), "alt" } } };
        moved.Headers.Add("X-Forwarded-For", "198.51.100.53");
        AssertTooMany(await admin.SendAsync(moved, Ct), 600);
        // Reading is not an upload.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/admin/images", Ct)).StatusCode);
    }

    [Fact]
    public async Task Security_txt_names_the_configured_contact()
    {
        var response = await app.Client().GetAsync("/.well-known/security.txt", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Contact: mailto:security@example.com\n", text, StringComparison.Ordinal);
        Assert.Matches(@"Expires: \d{4}-\d\d-\d\dT00:00:00Z", text);
    }

    [Fact]
    public async Task A_limit_out_of_range_stops_the_start()
    {
        await using var broken = new ConfiguredApp(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Broadsheet:RateLimits:SignIn:PermitLimit"] = "0" });
        var error = Assert.ThrowsAny<Exception>(() => broken.BaseAddress);
        Assert.Contains("RateLimits", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_reports_past_the_limit_get_429_and_other_addresses_still_reach_the_form()
    {
        using var sender = NewsroomSession.Anonymous(app).From("203.0.113.53");
        FormUrlEncodedContent Report() => new(new Dictionary<string, string> { ["article"] = "999999", ["details"] = "Spam", ["token"] = "" });
        for (var i = 0; i < 2; i++)
        {
            using var attempt = await sender.Client.PostAsync("/report-error", Report(), Ct);
            Assert.Equal(HttpStatusCode.NotFound, attempt.StatusCode);
        }
        using var refused = await sender.Client.PostAsync("/report-error", Report(), Ct);
        AssertTooMany(refused, 600);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var other = NewsroomSession.Anonymous(app).From("198.51.100.53");
        using var served = await other.Client.PostAsync("/report-error", Report(), Ct);
        Assert.Equal(HttpStatusCode.NotFound, served.StatusCode);
    }

    private static void AssertTooMany(HttpResponseMessage response, int window)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, window);
    }

    private static HttpRequestMessage Get(string path, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", address);
        return request;
    }
}
