using Broadsheet.Accounts;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.Accounts;

/// <summary>Signing out is a POST (with the antiforgery token), so another site cannot sign a user out.</summary>
public sealed class SignOutModel(SignInManager<NewsroomUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        StatusMessage.Set(TempData, "You are signed out.");
        return RedirectToPage("/Newsroom/Accounts/SignIn/Index");
    }
}
