using System.Net;
using System.Text.RegularExpressions;
using Broadsheet.Accounts;
using Broadsheet.Newsroom.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Infrastructure;

/// <summary>
/// A browser-like client of the newsroom: its own cookie jar, no automatic redirects. <see cref="SignInAsync(BroadsheetApp, string, CancellationToken)"/>
/// creates a fresh user with a role and signs in through the real sign-in form; <see cref="PostFormAsync"/> posts a
/// form with the antiforgery token read from the page that shows it, as a browser would.
/// </summary>
public sealed partial class NewsroomSession : IDisposable
{
    /// <summary>The password of users created by <see cref="CreateUserAsync"/> unless one is given.</summary>
    public const string DefaultPassword = "Press-Room-Pass-2024!";

    private NewsroomSession(BroadsheetApp app, string? email, string? userId, string? role)
    {
        App = app;
        Email = email;
        UserId = userId;
        Role = role;
        Client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = true,
            CookieContainer = Cookies,
        })
        {
            BaseAddress = app.BaseAddress,
        };
    }

    public BroadsheetApp App { get; }

    public HttpClient Client { get; }

    public CookieContainer Cookies { get; } = new();

    /// <summary>The signed-in user's email, id and role; null for an anonymous session.</summary>
    public string? Email { get; }

    public string? UserId { get; }

    public string? Role { get; }

    /// <summary>A session with no one signed in (cookies are still kept, e.g. the antiforgery cookie).</summary>
    public static NewsroomSession Anonymous(BroadsheetApp app) => new(app, null, null, null);

    /// <summary>Creates a user with <paramref name="role"/> (Writer, Editor or Admin) and signs in as them.</summary>
    public static async Task<NewsroomSession> SignInAsync(BroadsheetApp app, string role, CancellationToken ct = default)
    {
        var user = await CreateUserAsync(app, role);
        return await SignInAsync(app, user.Email!, DefaultPassword, ct);
    }

    /// <summary>Signs in through the form; fails the test unless the form answers with a redirect into the newsroom.</summary>
    public static async Task<NewsroomSession> SignInAsync(BroadsheetApp app, string email, string password, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<NewsroomAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<NewsroomUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var session = new NewsroomSession(app, email, user.Id, await accounts.RoleOfAsync(user));
        using var response = await session.SubmitSignInAsync(email, password, ct);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith("/newsroom", StringComparison.Ordinal) != true
            || response.Headers.Location.OriginalString.StartsWith("/newsroom/signin", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Signing in {email} answered {(int)response.StatusCode} {response.Headers.Location}.");
        }
        return session;
    }

    /// <summary>Creates a newsroom user through the same service the CLI and admin pages use.</summary>
    public static async Task<NewsroomUser> CreateUserAsync(BroadsheetApp app, string role, string? email = null, string password = DefaultPassword, string? displayName = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<NewsroomAccounts>();
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var result = await accounts.CreateAsync(email, displayName ?? $"Test {role}", role, password);
        return result.Succeeded
            ? result.User!
            : throw new InvalidOperationException($"Could not create {email}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
    }

    /// <summary>Posts the sign-in form (after loading it for its antiforgery token) and returns the answer as is.</summary>
    public async Task<HttpResponseMessage> SubmitSignInAsync(string email, string password, CancellationToken ct = default) =>
        await PostFormAsync("/newsroom/signin", [new("Input.Email", email), new("Input.Password", password)], ct: ct);

    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken ct = default) => Client.GetAsync(path, ct);

    /// <summary>Sends this session's requests as if from <paramref name="address"/>: loopback is a trusted proxy, so X-Forwarded-For is believed.</summary>
    public NewsroomSession From(string address)
    {
        Client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return this;
    }

    /// <summary>GETs a page that must answer 200 and returns its HTML.</summary>
    public async Task<string> GetPageAsync(string path, CancellationToken ct = default)
    {
        using var response = await Client.GetAsync(path, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        return response.StatusCode == HttpStatusCode.OK
            ? html
            : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}.");
    }

    /// <summary>
    /// Loads <paramref name="formPage"/> (default: <paramref name="path"/>), takes the antiforgery token from it and
    /// posts <paramref name="fields"/> plus the token to <paramref name="path"/>.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null, CancellationToken ct = default)
    {
        var token = AntiforgeryToken(await GetPageAsync(formPage ?? WithoutHandler(path), ct));
        return await PostFormWithTokenAsync(path, fields, token, ct);
    }

    /// <summary>Posts a form with the given token (or none, to test that the server refuses it).</summary>
    public async Task<HttpResponseMessage> PostFormWithTokenAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? token, CancellationToken ct = default)
    {
        var all = fields.ToList();
        if (token is not null)
        {
            all.Add(new("__RequestVerificationToken", token));
        }
        using var content = new FormUrlEncodedContent(all);
        return await Client.PostAsync(path, content, ct);
    }

    /// <summary>Like <see cref="PostFormAsync"/> but as <c>multipart/form-data</c>, with files: (field, file name, content type, bytes).</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<(string Field, string FileName, string ContentType, byte[] Bytes)> files, string? formPage = null, CancellationToken ct = default)
    {
        var token = AntiforgeryToken(await GetPageAsync(formPage ?? WithoutHandler(path), ct));
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(new("__RequestVerificationToken", token)))
        {
            content.Add(new StringContent(value), name);
        }
        foreach (var (field, fileName, contentType, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            content.Add(file, field, fileName);
        }
        return await Client.PostAsync(path, content, ct);
    }

    /// <summary>The antiforgery token of the first form in <paramref name="html"/>.</summary>
    public static string AntiforgeryToken(string html) =>
        TokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    public void Dispose() => Client.Dispose();

    private static string WithoutHandler(string path)
    {
        var query = path.IndexOf("?handler=", StringComparison.Ordinal);
        if (query < 0)
        {
            query = path.IndexOf("&handler=", StringComparison.Ordinal);
        }
        return query < 0 ? path : path[..query];
    }

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*?value="([^"]+)"|value="([^"]+)"[^>]*?name="__RequestVerificationToken""")]
    private static partial Regex TokenField();
}
