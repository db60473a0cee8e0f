using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// Named authorization policies for newsroom pages and endpoints. Each is a minimum role:
/// <see cref="Writer"/> admits every signed-in newsroom user, <see cref="Editor"/> editors and admins,
/// <see cref="Admin"/> admins only. All authenticate with the newsroom's sign-in cookie only, so an API key
/// never opens a newsroom page and a cookie never opens the admin API.
/// </summary>
public static class NewsroomPolicies
{
    /// <summary>Any newsroom role: create and edit one's own drafts, submit them for review.</summary>
    public const string Writer = "Newsroom.Writer";

    /// <summary>Editor or Admin: edit any article, publish, schedule, unpublish, correct.</summary>
    public const string Editor = "Newsroom.Editor";

    /// <summary>Admin: users, sections, topics, contributors, standards pages, ad creatives, API keys.</summary>
    public const string Admin = "Newsroom.Admin";

    /// <summary>The policy whose minimum role is <paramref name="role"/>.</summary>
    public static string For(string role) => role switch
    {
        NewsroomRoles.Writer => Writer,
        NewsroomRoles.Editor => Editor,
        NewsroomRoles.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a newsroom role."),
    };

    /// <summary>The roles that satisfy a minimum of <paramref name="role"/>.</summary>
    public static IReadOnlyList<string> RolesAtLeast(string role) => role switch
    {
        NewsroomRoles.Writer => NewsroomRoles.All,
        NewsroomRoles.Editor => [NewsroomRoles.Editor, NewsroomRoles.Admin],
        NewsroomRoles.Admin => [NewsroomRoles.Admin],
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a newsroom role."),
    };

    internal static void Add(AuthorizationBuilder authorization)
    {
        foreach (var role in NewsroomRoles.All)
        {
            authorization.AddPolicy(For(role), policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .RequireRole(RolesAtLeast(role)));
        }
    }
}
