using System.ComponentModel.DataAnnotations;
using Broadsheet.Accounts;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Accounts;

/// <summary>The one-time set-up link printed at start-up when there is no user: creates the first admin.</summary>
public sealed class SetupModel(FirstRunSetup setup, NewsroomAccounts accounts, UserManager<NewsroomUser> users, SignInManager<NewsroomUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public AdminInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await IsOpenAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await IsOpenAsync(ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!setup.TryClaim(Token))
        {
            ModelState.AddModelError("", "The set-up is already being completed. Reload the page in a moment.");
            return Page();
        }
        var result = await accounts.CreateAsync(Input.Email, Input.DisplayName, NewsroomRoles.Admin, Input.Password, ct);
        if (!result.Succeeded)
        {
            setup.Release();
            AccountErrors.AddTo(ModelState, result, "Input");
            return Page();
        }
        setup.Complete();
        await signIn.SignInAsync(result.User!, isPersistent: false);
        StatusMessage.Set(TempData, "The newsroom is set up and you are signed in as its admin.");
        return LocalRedirect(NewsroomExtensions.PathPrefix);
    }

    /// <summary>The token is right and there is still no user (one made with the CLI meanwhile closes set-up too).</summary>
    private async Task<bool> IsOpenAsync(CancellationToken ct)
    {
        if (!setup.Accepts(Token))
        {
            return false;
        }
        if (await users.Users.AnyAsync(ct))
        {
            setup.Complete();
            return false;
        }
        return true;
    }

    public sealed class AdminInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your name as colleagues should see it.")]
        [StringLength(120, ErrorMessage = "Enter a display name of at most 120 characters.")]
        [Display(Name = "Display name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Repeat the password.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
        [Display(Name = "Repeat the password")]
        public string ConfirmPassword { get; set; } = "";
    }
}
