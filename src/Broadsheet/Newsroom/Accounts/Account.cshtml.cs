using System.ComponentModel.DataAnnotations;
using Broadsheet.Accounts;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.Accounts;

public sealed class AccountModel(UserManager<NewsroomUser> users, SignInManager<NewsroomUser> signIn, NewsroomAccounts accounts) : PageModel
{
    [BindProperty]
    public NameInput Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public string Role { get; private set; } = "";

    public bool TwoFactor { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await LoadAsync(user);
        Input.DisplayName = user.DisplayName;
        return Page();
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
            await LoadAsync(user);
            return Page();
        }
        user.DisplayName = Input.DisplayName.Trim();
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            AccountErrors.AddTo(ModelState, result, "Input.DisplayName");
            await LoadAsync(user);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        StatusMessage.Set(TempData, "Your name is saved.");
        return RedirectToPage();
    }

    private async Task LoadAsync(NewsroomUser user)
    {
        Email = user.Email ?? "";
        Role = await accounts.RoleOfAsync(user) ?? "";
        TwoFactor = user.TwoFactorEnabled;
    }

    public sealed class NameInput
    {
        [Required(ErrorMessage = "Enter your name as colleagues should see it.")]
        [StringLength(120, ErrorMessage = "Enter a display name of at most 120 characters.")]
        [Display(Name = "Display name")]
        public string DisplayName { get; set; } = "";
    }
}
