using System.ComponentModel.DataAnnotations;
using Broadsheet.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.Accounts.SignIn;

/// <summary>
/// Asks for a reset link by email (<see cref="PasswordMail"/>). The answer is the same whether or not the address has an
/// account, so the page never tells who works here; posts are rate limited like the reset page. Not found at all when the
/// server has no SMTP settings.
/// </summary>
public sealed class ForgotPasswordModel(PasswordMail mail) : PageModel
{
    public const string Answer =
        "If an account uses that address, we have emailed it a link to choose a new password. The link works once, for a few days. " +
        "Nothing arrived? Look in your spam folder, or ask an admin for a link.";

    [BindProperty]
    public ForgotInput Input { get; set; } = new();

    /// <summary>The form was posted: the page shows the one answer.</summary>
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!mail.IsEnabled)
        {
            return NotFound();
        }
        // This page admits anyone, so no policy has authenticated the visitor: someone signed in goes on to the newsroom, as from the sign-in page.
        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return session.Principal is { } user && NewsroomRoles.All.Any(user.IsInRole) ? LocalRedirect("/newsroom") : Page();
    }

    public IActionResult OnPost()
    {
        if (!mail.IsEnabled)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        mail.Request(Input.Email!);
        Sent = true;
        return Page();
    }

    public sealed class ForgotInput
    {
        [Required(ErrorMessage = "Email address is required.")]
        [EmailAddress(ErrorMessage = "Email address must look like name@example.com.")]
        [Display(Name = "Email address")]
        public string? Email { get; set; }
    }
}
