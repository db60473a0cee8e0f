using System.Net;
using Broadsheet.Accounts;
using Broadsheet.Tests.Infrastructure;

namespace Broadsheet.Tests.Newsroom;

/// <summary>
/// Every newsroom page (found in the app's endpoints, with the paths of <see cref="PermissionMatrixTests.Pages"/>)
/// posted to by an admin with a valid antiforgery token and no handler: a page that takes no POST answers 405 with
/// <c>Allow</c>, one that does re-renders or redirects; none answers a server error.
/// </summary>
public sealed class HandlerlessPostTests(PermissionMatrixSites sites) : IClassFixture<PermissionMatrixSites>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(PermissionMatrixTests.Providers), MemberType = typeof(PermissionMatrixTests))]
    public async Task A_post_no_handler_takes_is_refused_with_405_never_a_server_error(DatabaseProvider provider)
    {
        var site = sites.On(provider);
        var admin = site.Sessions.Single(s => s.Who == NewsroomRoles.Admin).Session;
        var token = NewsroomSession.AntiforgeryToken(await admin.GetPageAsync("/newsroom", Ct));
        var failures = new List<string>();
        var refused = 0;
        // Signing out last, since it ends the session the other posts use.
        foreach (var route in PermissionMatrixTests.NewsroomPageRoutes(site.App).OrderBy(r => r == "newsroom/signout"))
        {
            var access = PermissionMatrixTests.Pages[route];
            var path = access.Path?.Invoke(site.Data) ?? "/" + route;
            foreach (var target in new[] { path, path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=nosuchhandler" })
            {
                using var response = await admin.PostFormWithTokenAsync(target, [], token, Ct);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"POST {target}: {(int)response.StatusCode}");
                }
                else if (response.StatusCode == HttpStatusCode.MethodNotAllowed)
                {
                    refused++;
                    if (!response.Content.Headers.Allow.Contains("GET"))
                    {
                        failures.Add($"POST {target}: 405 without Allow: GET");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(refused >= 3, $"Only {refused} handler-less posts answered 405.");
    }
}
