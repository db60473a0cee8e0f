using System.ComponentModel.DataAnnotations;
using Broadsheet.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.Accounts.SignIn;

/// <summary>The second step of sign-in for accounts with an authenticator app.</summary>
public sealed class TwoFactorModel(SignInManager<NewsroomUser> signIn) : PageModel
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
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(SignInModel.SafeReturnUrl(Url, ReturnUrl));
        }
        ModelState.AddModelError(result.IsLockedOut ? "" : "Input.Code", result.IsLockedOut ? SignInModel.LockedOut : "That code is not right. Enter the code your app shows now.");
        return Page();
    }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter the code from your authenticator app.")]
        [Display(Name = "Authentication code")]
        public string Code { get; set; } = "";
    }
}
