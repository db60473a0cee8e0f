using System.ComponentModel.DataAnnotations;
using Broadsheet.Accounts;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.Accounts.SignIn;

/// <summary>Where a one-time password link (<see cref="PasswordLinks"/>) leads: the user chooses a new password.</summary>
public sealed class ResetPasswordModel(UserManager<NewsroomUser> users, SignInThrottle throttle) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync() => await ValidUserAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await ValidUserAsync() is not { } user)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Token!, Input.Password!);
        if (!result.Succeeded)
        {
            AccountErrors.AddTo(ModelState, result, "Input.Password");
            return Page();
        }
        // A fresh password also lifts a lockout from failed attempts.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        throttle.Clear(user.Id);
        StatusMessage.Set(TempData, "Your password is saved. Sign in with it now.");
        return RedirectToPage("/Newsroom/Accounts/SignIn/Index");
    }

    private async Task<NewsroomUser?> ValidUserAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token) || await users.FindByIdAsync(UserId) is not { } user || user.DisabledAt is not null)
        {
            return null;
        }
        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<NewsroomUser>.ResetPasswordTokenPurpose, Token);
        Email = user.Email ?? "";
        return valid ? user : null;
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Choose a password.")]
        [Display(Name = "New password")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Repeat the password.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
        [Display(Name = "Repeat the password")]
        public string? ConfirmPassword { get; set; }
    }
}
