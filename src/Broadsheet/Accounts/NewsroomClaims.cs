using System.Security.Claims;
using Broadsheet.Articles.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Broadsheet.Accounts;

/// <summary>Claims the newsroom adds to Identity's (user id, email, roles, security stamp).</summary>
public static class NewsroomClaims
{
    public const string DisplayName = "newsroom:display_name";

    /// <summary>The signed-in user's id (<see cref="NewsroomUser"/>.Id), or null.</summary>
    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The signed-in user as the article workflow sees them.</summary>
    public static NewsroomActor Actor(ClaimsPrincipal user) => new(
        UserId(user) ?? throw new InvalidOperationException("No signed-in newsroom user."),
        user.FindFirstValue(DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? "Unknown",
        user.IsInRole(NewsroomRoles.Editor) || user.IsInRole(NewsroomRoles.Admin));
}

public sealed class NewsroomClaimsFactory(UserManager<NewsroomUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<NewsroomUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(NewsroomUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(NewsroomClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
