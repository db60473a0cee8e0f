using Broadsheet.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsroom.Accounts;

/// <summary>Identity's sign-in rules plus one: a disabled account cannot sign in (by password, code or recovery code).</summary>
public sealed class NewsroomSignInManager(
    UserManager<NewsroomUser> users,
    IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<NewsroomUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<NewsroomUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<NewsroomUser> confirmation)
    : SignInManager<NewsroomUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(NewsroomUser user) =>
        user.DisabledAt is null && await base.CanSignInAsync(user);
}
