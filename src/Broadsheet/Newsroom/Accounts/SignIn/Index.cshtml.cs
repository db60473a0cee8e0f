using System.ComponentModel.DataAnnotations;
using Broadsheet.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.Accounts.SignIn;

public sealed class SignInModel(SignInManager<NewsroomUser> signIn, PasswordMail mail) : PageModel
{
    /// <summary>"Forgot password?" is offered only when the server can send the email.</summary>
    public bool CanResetByMail => mail.IsEnabled;

    /// <summary>
    /// One answer for a wrong password, an unknown address and a lockout, so the page never tells whether an address has
    /// an account.
    /// </summary>
    public const string WrongCredentials = "The email address or password is not right, or there were too many failed attempts: then wait 15 minutes.";
    public const string LockedOut = WrongCredentials;

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // This page admits anyone, so no policy has authenticated the visitor: look at the session cookie here.
        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return session.Principal is { } user && NewsroomRoles.All.Any(user.IsInRole) ? LocalRedirect(SafeReturnUrl(Url, ReturnUrl)) : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Newsroom/Accounts/SignIn/TwoFactor", new { ReturnUrl });
        }
        ModelState.AddModelError("Input.Email", WrongCredentials);
        return Page();
    }

    /// <summary>Only newsroom addresses on this site: an open redirect after sign-in would be a phishing aid.</summary>
    internal static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        returnUrl is not null && url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(NewsroomExtensions.PathPrefix, StringComparison.Ordinal)
            ? returnUrl
            : NewsroomExtensions.PathPrefix;

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
    }
}
