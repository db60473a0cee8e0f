using System.ComponentModel.DataAnnotations;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Articles.Contributors;
using Broadsheet.Data;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Accounts;

public sealed class AccountModel(UserManager<NewsroomUser> users, SignInManager<NewsroomUser> signIn, NewsroomAccounts accounts, BroadsheetDb db, ContributorWriter contributors) : PageModel
{
    [BindProperty]
    public NameInput Input { get; set; } = new();

    /// <summary>The contributor the user says they are ("This is me"), by slug.</summary>
    [BindProperty]
    [Display(Name = "Which contributor are you?")]
    public string? Byline { get; set; }

    /// <summary>The contributor linked to this account: the byline of the articles they start.</summary>
    public Contributor? OwnByline { get; private set; }

    /// <summary>People not yet linked to any account, to pick from.</summary>
    public IReadOnlyList<SelectListItem> BylineChoices { get; private set; } = [];

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

    /// <summary>"This is me": links the chosen contributor to this account (never one linked to another account).</summary>
    public async Task<IActionResult> OnPostBylineAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        ModelState.Clear();
        var result = string.IsNullOrWhiteSpace(Byline)
            ? WriteResult.Invalid<Contributor>("userId", "Choose the contributor you write as.")
            : await contributors.LinkUserAsync(Byline, user.Id, takeOver: false, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Byline), result.Errors.SelectMany(e => e.Value).FirstOrDefault() ?? result.Message ?? "That contributor cannot be linked.");
            await LoadAsync(user);
            Input.DisplayName = user.DisplayName;
            return Page();
        }
        StatusMessage.Set(TempData, $"Your byline is {result.Value!.Name}: new articles start with it.");
        return RedirectToPage();
    }

    /// <summary>"That is not me": unlinks this account's contributor.</summary>
    public async Task<IActionResult> OnPostUnlinkAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (await db.Contributors.AsNoTracking().FirstOrDefaultAsync(c => c.UserId == user.Id, ct) is { } own)
        {
            await contributors.LinkUserAsync(own.Slug, null, ct: ct);
        }
        StatusMessage.Set(TempData, "Your account has no byline now.");
        return RedirectToPage();
    }

    private async Task LoadAsync(NewsroomUser user)
    {
        OwnByline = await db.Contributors.AsNoTracking().FirstOrDefaultAsync(c => c.UserId == user.Id);
        BylineChoices = [new SelectListItem("(choose)", ""), .. (await db.Contributors.AsNoTracking()
            .Where(c => c.UserId == null && c.Kind == ContributorKind.Person).OrderBy(c => c.Name).Take(1000)
            .Select(c => new { c.Slug, c.Name }).ToListAsync()).Select(c => new SelectListItem(c.Name, c.Slug))];
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
