using System.ComponentModel.DataAnnotations;
using Broadsheet.Accounts;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.Accounts;

public sealed class PasswordModel(UserManager<NewsroomUser> users, SignInManager<NewsroomUser> signIn) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword",
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Your current password is not right." : error.Description);
            }
            return Page();
        }
        // The password change renewed the security stamp; sign in again so this session stays valid.
        await signIn.RefreshSignInAsync(user);
        StatusMessage.Set(TempData, "Your password is changed.");
        return Redirect("/newsroom/account");
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Choose a new password.")]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Repeat the new password.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
        [Display(Name = "Repeat the new password")]
        public string ConfirmPassword { get; set; } = "";
    }
}
