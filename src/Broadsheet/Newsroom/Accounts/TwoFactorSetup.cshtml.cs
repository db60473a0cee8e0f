using System.ComponentModel.DataAnnotations;
using System.Text;
using Broadsheet.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.Accounts;

/// <summary>Turning TOTP two-factor sign-in on (QR code and key, then a code to prove it works) and off; recovery codes.</summary>
public sealed class TwoFactorSetupModel(UserManager<NewsroomUser> users, SignInManager<NewsroomUser> signIn) : PageModel
{
    public const string Issuer = "Broadsheet newsroom";
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public TwoFactorInput Input { get; set; } = new();

    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public string FormattedKey { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    /// <summary>Set only in the response that created them: they are never shown again.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var code = (Input.Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError("Input.Code", "Enter the code from your authenticator app.");
        }
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", "That code is not right. Check the app shows Broadsheet newsroom and enter its current code.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }
        if (!await users.CheckPasswordAsync(user, Input.Password ?? ""))
        {
            ModelState.AddModelError("Input.Password", "Your password is not right.");
            await LoadAsync(user);
            return Page();
        }
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!await users.CheckPasswordAsync(user, Input.DisablePassword ?? ""))
        {
            ModelState.AddModelError("Input.DisablePassword", "Your password is not right.");
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // A fresh key, so a copy of the old one (in an app or on paper) is worthless if this is turned on again.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        Shared.StatusMessage.Set(TempData, "Two-factor sign-in is off.");
        return Redirect("/newsroom/account");
    }

    private async Task LoadAsync(NewsroomUser user)
    {
        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            // A new key renews the security stamp, which would end this very session at its next request.
            await signIn.RefreshSignInAsync(user);
        }
        FormattedKey = Group(key);
        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        QrSvg = QrCodeSvg.Render(uri, "QR code of your two-factor key, for your authenticator app");
    }

    private static string Group(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    public sealed class TwoFactorInput
    {
        [Display(Name = "Code from the app")]
        public string? Code { get; set; }

        [Display(Name = "Your password")]
        public string? Password { get; set; }

        [Display(Name = "Your password")]
        public string? DisablePassword { get; set; }
    }
}
