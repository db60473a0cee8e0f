using System.ComponentModel.DataAnnotations;
using Broadsheet.Accounts;
using Broadsheet.Newsroom.Accounts;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsroom.Admin.Users;

/// <summary>One user: role, disable or enable, unlock, a password link, and turning off two-factor after a lost phone.</summary>
public sealed class UserEditModel(NewsroomAccounts accounts, UserManager<NewsroomUser> users, IOptions<BroadsheetOptions> options, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RoleInput Input { get; set; } = new();

    public NewsroomUser Account { get; private set; } = null!;

    public string Role { get; private set; } = "";

    public DateTimeOffset? LockedUntil => Account.LockoutEnd is { } end && end > clock.GetUtcNow() ? end : null;

    public string? SetPasswordLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRoleAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (IsSelf && Input.Role != NewsroomRoles.Admin)
        {
            ModelState.AddModelError("Input.Role", "You cannot take your own admin role away; ask another admin.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await accounts.ChangeRoleAsync(Account, Input.Role!, ct);
        if (!result.Succeeded)
        {
            AccountErrors.AddTo(ModelState, result, "Input");
            return Page();
        }
        return Done($"{Account.DisplayName} is now {NewsroomRoles.Parse(Input.Role)}.");
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (IsSelf)
        {
            ModelState.AddModelError("", "You cannot disable your own account.");
            return Page();
        }
        var result = await accounts.DisableAsync(Account, ct);
        if (!result.Succeeded)
        {
            AccountErrors.AddTo(ModelState, result, "Input");
            return Page();
        }
        return Done($"{Account.DisplayName}'s account is disabled and signed out.");
    }

    public async Task<IActionResult> OnPostEnableAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        await accounts.EnableAsync(Account);
        return Done($"{Account.DisplayName}'s account is enabled.");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        await accounts.UnlockAsync(Account);
        return Done($"{Account.DisplayName} can sign in again.");
    }

    public async Task<IActionResult> OnPostPasswordLinkAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        SetPasswordLink = await PasswordLinks.CreateAsync(users, Account, options.Value.PublicUrl);
        return Page();
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        await users.SetTwoFactorEnabledAsync(Account, false);
        await users.ResetAuthenticatorKeyAsync(Account);
        return Done($"Two-factor sign-in is off for {Account.DisplayName}; they can turn it on again with a new key.");
    }

    private bool IsSelf => Account.Id == NewsroomClaims.UserId(User);

    private RedirectToPageResult Done(string message)
    {
        StatusMessage.Set(TempData, message);
        return RedirectToPage(new { id = Account.Id });
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return false;
        }
        Account = user;
        Role = await accounts.RoleOfAsync(user) ?? "";
        if (Input.Role is null)
        {
            // Only the role form posts a role; the other forms' pages show the current one.
            ModelState.Remove("Input.Role");
            Input.Role = Role;
        }
        return true;
    }

    public sealed class RoleInput
    {
        [Required(ErrorMessage = "Choose a role.")]
        [Display(Name = "Role")]
        public string? Role { get; set; }
    }
}
