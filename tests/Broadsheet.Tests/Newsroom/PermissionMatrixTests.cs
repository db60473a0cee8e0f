using System.Net;
using Broadsheet.Accounts;
using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Ingest;
using Broadsheet.Media;
using Broadsheet.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsroom;

/// <summary>
/// Who may open what. Every newsroom page (every Razor Page whose route starts with <c>newsroom</c>, found in the
/// app's endpoints, so new pages are covered without being listed anywhere else) is requested as anonymous,
/// writer, editor and admin and must answer as its row in <see cref="Pages"/> says; a page without a row fails
/// the test. Every admin API endpoint (<c>/api/admin/…</c>) must refuse anonymous callers and newsroom sessions
/// alike (401: the admin API takes API keys only, so a browser's cookie can never be used against it) and
/// accept the admin key.
/// </summary>
public sealed class PermissionMatrixTests(PermissionMatrixSites sites) : IClassFixture<PermissionMatrixSites>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => NewsroomApps.Providers;

    /// <summary>
    /// Route pattern (as the page's <c>@page</c> directive writes it, without the leading slash) → who may open it.
    /// Pages with route parameters say which real path to request, from the sample data in <see cref="MatrixData"/>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, PageAccess> Pages = new Dictionary<string, PageAccess>(StringComparer.OrdinalIgnoreCase)
    {
        // Signing in and the first-run set-up: open to everyone.
        ["newsroom/signin"] = PageAccess.Anyone(HttpStatusCode.OK),
        ["newsroom/signin/two-factor"] = PageAccess.Anyone(HttpStatusCode.Redirect), // back to the first step without a password
        ["newsroom/signin/recovery"] = PageAccess.Anyone(HttpStatusCode.Redirect),
        ["newsroom/signin/reset-password"] = PageAccess.Anyone(HttpStatusCode.NotFound), // needs a user and a token
        ["newsroom/signin/forgot-password"] = PageAccess.Anyone(HttpStatusCode.OK), // the test apps send mail (TestSmtp)
        ["newsroom/setup"] = PageAccess.Anyone(HttpStatusCode.NotFound), // needs the start-up token, and no user yet

        // Every newsroom user.
        ["newsroom"] = PageAccess.AtLeast(NewsroomRoles.Writer),
        ["newsroom/signout"] = PageAccess.AtLeast(NewsroomRoles.Writer),
        ["newsroom/account"] = PageAccess.AtLeast(NewsroomRoles.Writer),
        ["newsroom/account/password"] = PageAccess.AtLeast(NewsroomRoles.Writer),
        ["newsroom/account/two-factor"] = PageAccess.AtLeast(NewsroomRoles.Writer),

        // The articles desk: writers open their own articles (the matrix's article is the writer's draft), editors all.
        ["newsroom/articles"] = PageAccess.AtLeast(NewsroomRoles.Writer),
        ["newsroom/articles/{id}"] = PageAccess.AtLeast(NewsroomRoles.Writer, d => $"/newsroom/articles/{d.ArticleId}"),
        ["newsroom/articles/{id:int}/revisions"] = PageAccess.AtLeast(NewsroomRoles.Writer, d => $"/newsroom/articles/{d.ArticleId}/revisions"),
        ["newsroom/articles/preview"] = PageAccess.AtLeast(NewsroomRoles.Writer, d => $"/newsroom/articles/preview?articleId={d.ArticleId}"),
        ["newsroom/images"] = PageAccess.AtLeast(NewsroomRoles.Writer),
        ["newsroom/images/{id:guid}"] = PageAccess.AtLeast(NewsroomRoles.Writer, d => $"/newsroom/images/{d.ImageId}"),

        // Editors and admins.
        ["newsroom/audit"] = PageAccess.AtLeast(NewsroomRoles.Editor),
        ["newsroom/front-page"] = PageAccess.AtLeast(NewsroomRoles.Editor),
        ["newsroom/status"] = PageAccess.AtLeast(NewsroomRoles.Editor),
        ["newsroom/wire"] = PageAccess.AtLeast(NewsroomRoles.Editor),
        ["newsroom/error-reports"] = PageAccess.AtLeast(NewsroomRoles.Editor),
        ["newsroom/wire/{id:long}"] = PageAccess.AtLeast(NewsroomRoles.Editor, d => $"/newsroom/wire/{d.WireEntryId}"),

        // Admins only.
        ["newsroom/admin"] = PageAccess.AtLeast(NewsroomRoles.Admin),
        ["newsroom/admin/users"] = PageAccess.AtLeast(NewsroomRoles.Admin),
        ["newsroom/admin/users/{id}"] = PageAccess.AtLeast(NewsroomRoles.Admin, d => $"/newsroom/admin/users/{d.OtherUserId}"),
        ["newsroom/admin/sections"] = PageAccess.AtLeast(NewsroomRoles.Admin),
        ["newsroom/admin/sections/{id:int}"] = PageAccess.AtLeast(NewsroomRoles.Admin, d => $"/newsroom/admin/sections/{d.SectionId}"),
        ["newsroom/admin/topics"] = PageAccess.AtLeast(NewsroomRoles.Admin),
        ["newsroom/admin/topics/{id:int}"] = PageAccess.AtLeast(NewsroomRoles.Admin, d => $"/newsroom/admin/topics/{d.TopicId}"),
        ["newsroom/admin/contributors"] = PageAccess.AtLeast(NewsroomRoles.Admin),
        ["newsroom/admin/contributors/{id:int}"] = PageAccess.AtLeast(NewsroomRoles.Admin, d => $"/newsroom/admin/contributors/{d.ContributorId}"),
        ["newsroom/admin/standards"] = PageAccess.AtLeast(NewsroomRoles.Admin),
        ["newsroom/admin/standards/{id:int}"] = PageAccess.AtLeast(NewsroomRoles.Admin, d => $"/newsroom/admin/standards/{d.StandardsPageId}"),
        ["newsroom/admin/ads"] = PageAccess.AtLeast(NewsroomRoles.Admin),
        ["newsroom/admin/ads/{id:int}"] = PageAccess.AtLeast(NewsroomRoles.Admin, d => $"/newsroom/admin/ads/{d.AdId}"),
        ["newsroom/admin/wire-sources"] = PageAccess.AtLeast(NewsroomRoles.Admin),
        ["newsroom/admin/apikeys"] = PageAccess.AtLeast(NewsroomRoles.Admin),
    };

    [Fact]
    public void Every_newsroom_page_has_a_row_and_every_row_a_page()
    {
        var routes = NewsroomPageRoutes(sites.Sqlite.App);
        Assert.NotEmpty(routes);
        var missing = routes.Where(r => !Pages.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "Newsroom pages without a row in PermissionMatrixTests.Pages: " + string.Join(", ", missing));
        var stale = Pages.Keys.Where(k => !routes.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.True(stale.Count == 0, "Rows in PermissionMatrixTests.Pages for routes that do not exist: " + string.Join(", ", stale));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_newsroom_page_answers_each_role_as_its_row_says(DatabaseProvider provider)
    {
        var site = sites.On(provider);
        var failures = new List<string>();
        foreach (var route in NewsroomPageRoutes(site.App))
        {
            var access = Pages[route];
            var path = access.Path?.Invoke(site.Data) ?? (route.Contains('{', StringComparison.Ordinal)
                ? throw new InvalidOperationException($"The row for {route} needs a path with real ids.")
                : "/" + route);
            foreach (var (who, session) in site.Sessions)
            {
                using var response = await session.GetAsync(path, Ct);
                var expected = access.Expected(who);
                var actual = response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? "";
                if (actual != expected)
                {
                    failures.Add($"{who} GET {path}: {(int)actual}, expected {(int)expected}");
                }
                else if (who == PageAccess.Anonymous && access.MinimumRole is not null && !location.Contains("/newsroom/signin?ReturnUrl=", StringComparison.Ordinal))
                {
                    failures.Add($"{who} GET {path}: redirected to '{location}', expected the sign-in page");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_admin_api_endpoint_takes_the_api_key_and_nothing_else(DatabaseProvider provider)
    {
        var site = sites.On(provider);
        var endpoints = site.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/admin", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .ToList();
        Assert.True(endpoints.Count >= 10, $"Only {endpoints.Count} admin API endpoints found.");

        using var keyClient = site.App.AdminClient();
        var failures = new List<string>();
        foreach (var (method, route) in endpoints)
        {
            // Ids that match nothing, so no request with the key changes the sample data.
            var path = "/" + string.Join('/', route.Split('/').Select(NoSuchValue));
            foreach (var (who, session) in site.Sessions)
            {
                using var response = await session.Client.SendAsync(Request(method, path), Ct);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{who} {method} {path}: {(int)response.StatusCode}, expected 401");
                }
            }
            using var withKey = await keyClient.SendAsync(Request(method, path), Ct);
            if (withKey.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or >= HttpStatusCode.InternalServerError
                || (method == "GET" && !route.Contains('{', StringComparison.Ordinal) && withKey.StatusCode != HttpStatusCode.OK))
            {
                failures.Add($"API key {method} {path}: {(int)withKey.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>A value for a route segment that satisfies its constraint and names nothing that exists.</summary>
    private static string NoSuchValue(string segment) =>
        !segment.StartsWith('{') ? segment
        : segment.Contains(":int", StringComparison.Ordinal) || segment.Contains(":long", StringComparison.Ordinal) ? "999999"
        : segment.Contains(":guid", StringComparison.Ordinal) ? "00000000-0000-0000-0000-00000000beef"
        : "matrix-none";

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" or "HEAD" or "DELETE" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
    };

    /// <summary>The route patterns of all Razor Pages under /newsroom, found in the running app.</summary>
    internal static List<string> NewsroomPageRoutes(BroadsheetApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => (e.RoutePattern.RawText ?? "").Trim('/'))
            .Where(r => r.Equals("newsroom", StringComparison.OrdinalIgnoreCase) || r.StartsWith("newsroom/", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
}

/// <summary>Who may open a newsroom page: at least a role (others get 403, anonymous visitors the sign-in page), or anyone.</summary>
public sealed record PageAccess(string? MinimumRole, HttpStatusCode AnonymousStatus, Func<MatrixData, string>? Path)
{
    public const string Anonymous = "anonymous";

    public static PageAccess AtLeast(string role, Func<MatrixData, string>? path = null) => new(role, HttpStatusCode.Redirect, path);

    /// <summary>A page that needs no sign-in; <paramref name="anonymous"/> is what it answers a visitor with no session.</summary>
    public static PageAccess Anyone(HttpStatusCode anonymous, Func<MatrixData, string>? path = null) => new(null, anonymous, path);

    public HttpStatusCode Expected(string who)
    {
        if (who == Anonymous)
        {
            return AnonymousStatus;
        }
        if (MinimumRole is null)
        {
            // Signed-in users on the sign-in pages are sent on to the newsroom, or the page shows as it does to anyone.
            return AnonymousStatus == HttpStatusCode.OK ? HttpStatusCode.Redirect : AnonymousStatus;
        }
        return NewsroomPolicies.RolesAtLeast(MinimumRole).Contains(who) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
    }
}

/// <summary>Real rows the matrix's paths point at. Add what new pages need (e.g. an article) in <see cref="PermissionMatrixSites.SeedAsync"/>.</summary>
public sealed record MatrixData(string WriterId, string EditorId, string AdminId, string OtherUserId, int SectionId, int TopicId, int ContributorId, int StandardsPageId, int AdId, int ArticleId, Guid ImageId, long WireEntryId);

public sealed class PermissionMatrixSite(BroadsheetApp app, MatrixData data, IReadOnlyList<(string Who, NewsroomSession Session)> sessions)
{
    public BroadsheetApp App { get; } = app;

    public MatrixData Data { get; } = data;

    /// <summary>anonymous, Writer, Editor and Admin sessions.</summary>
    public IReadOnlyList<(string Who, NewsroomSession Session)> Sessions { get; } = sessions;
}

/// <summary>One app per provider with signed-in sessions for each role and one row of everything the pages edit.</summary>
public sealed class PermissionMatrixSites : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, PermissionMatrixSite> sites = [];

    public PermissionMatrixSite Sqlite => sites[DatabaseProvider.Sqlite];

    public PermissionMatrixSite On(DatabaseProvider provider) => sites[provider];

    public async ValueTask InitializeAsync()
    {
        foreach (var provider in NewsroomApps.Providers)
        {
            var app = new BroadsheetApp(provider);
            var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer);
            var editor = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor);
            var admin = await NewsroomSession.SignInAsync(app, NewsroomRoles.Admin);
            var other = await NewsroomSession.CreateUserAsync(app, NewsroomRoles.Writer);
            var data = await SeedAsync(app, writer.UserId!, editor.UserId!, admin.UserId!, other.Id);
            sites[provider] = new PermissionMatrixSite(app, data,
                [(PageAccess.Anonymous, NewsroomSession.Anonymous(app)), (NewsroomRoles.Writer, writer), (NewsroomRoles.Editor, editor), (NewsroomRoles.Admin, admin)]);
        }
    }

    public static async Task<MatrixData> SeedAsync(BroadsheetApp app, string writerId, string editorId, string adminId, string otherUserId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var section = new Section { Path = "matrix", Name = "Matrix" };
        var topic = new Topic { Slug = "matrix-topic", Name = "Matrix topic" };
        var contributor = new Contributor { Slug = "matrix-writer", Name = "Matrix Writer", Kind = ContributorKind.Person };
        var standards = new StandardsPage { Slug = "matrix-standards", Title = "Matrix standards", Body = [new ParagraphBlock([new Inline("Rules.")])] };
        var image = new Image { Id = Guid.NewGuid(), OriginalPath = "matrix/original.jpg", ContentType = "image/jpeg", Width = 600, Height = 500, Alt = "An ad" };
        var ad = new AdCreative { Name = "Matrix ad", Image = image, LinkUrl = "https://example.com/", Alt = "Matrix ad" };
        var article = new Article { Slug = "matrix-draft", Headline = "Matrix draft", Section = section, Status = ArticleStatus.Draft, CreatedById = writerId, Version = 1, Body = [new ParagraphBlock([new Inline("Draft.")])] };
        var arrival = new WireArrival { Origin = "push", Source = "Matrix", Body = "not wire copy"u8.ToArray(), Refusal = "unknown format" };
        var wire = new WireEntry { Arrival = arrival, Source = "Matrix", Status = WireStatus.Quarantined, Reason = "unknown format" };
        db.AddRange(section, topic, contributor, standards, image, ad, article, arrival, wire);
        await db.SaveChangesAsync();
        return new MatrixData(writerId, editorId, adminId, otherUserId, section.Id, topic.Id, contributor.Id, standards.Id, ad.Id, article.Id, image.Id, wire.Id);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var site in sites.Values)
        {
            foreach (var (_, session) in site.Sessions)
            {
                session.Dispose();
            }
            await site.App.DisposeAsync();
        }
    }
}
