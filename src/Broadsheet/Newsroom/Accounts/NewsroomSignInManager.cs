using Broadsheet.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsroom.Accounts;

/// <summary>
/// Identity's sign-in rules plus: a disabled account cannot sign in (by password, code or recovery code); a password
/// sign-in costs one password hash whether or not the account exists or is locked, so its timing tells nothing; and
/// wrong passwords are throttled per client address before the account is locked (<see cref="SignInThrottle"/>).
/// </summary>
public sealed class NewsroomSignInManager(
    UserManager<NewsroomUser> users,
    IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<NewsroomUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<NewsroomUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<NewsroomUser> confirmation,
    SignInThrottle throttle,
    IOptions<RateLimitOptions> limits,
    TimeProvider clock)
    : SignInManager<NewsroomUser>(users, context, claims, options, logger, schemes, confirmation)
{
    private static readonly NewsroomUser DummyUser = new() { UserName = "dummy@example.invalid" };
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<NewsroomUser>().HashPassword(DummyUser, Guid.NewGuid().ToString()));

    public override async Task<bool> CanSignInAsync(NewsroomUser user) =>
        user.DisabledAt is null && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null || throttle.IsBlocked(user.Id, address) || await UserManager.IsLockedOutAsync(user))
        {
            // The same work as checking a real password, so an unknown or locked account answers as slowly as a known one.
            UserManager.PasswordHasher.VerifyHashedPassword(DummyUser, DummyHash.Value, password);
            return user is null ? SignInResult.Failed : SignInResult.LockedOut;
        }
        // Identity's own count would let anyone lock the account from anywhere; the throttle counts instead.
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            throttle.Succeeded(user.Id, address);
        }
        else if (!result.IsNotAllowed && lockoutOnFailure && throttle.Fail(user.Id, address))
        {
            await UserManager.SetLockoutEndDateAsync(user, clock.GetUtcNow().AddMinutes(limits.Value.SignInLockoutMinutes));
        }
        return result;
    }
}
