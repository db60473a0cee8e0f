using System.ComponentModel.DataAnnotations;
using Broadsheet.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.Accounts.SignIn;

public sealed class RecoveryModel(SignInManager<NewsroomUser> signIn) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Newsroom/Accounts/SignIn/Index") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Newsroom/Accounts/SignIn/Index");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            return LocalRedirect(SignInModel.SafeReturnUrl(Url, ReturnUrl));
        }
        ModelState.AddModelError(result.IsLockedOut ? "" : "Input.Code", result.IsLockedOut ? SignInModel.LockedOut : "That recovery code is not right, or it was used already.");
        return Page();
    }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter a recovery code.")]
        [Display(Name = "Recovery code")]
        public string Code { get; set; } = "";
    }
}
