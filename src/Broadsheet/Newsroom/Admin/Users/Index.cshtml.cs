using System.ComponentModel.DataAnnotations;
using Broadsheet.Accounts;
using Broadsheet.Newsroom.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsroom.Admin.Users;

/// <summary>
/// Lists newsroom users and adds one with a role. The new account gets a random password nobody sees; the admin
/// passes on a one-time link with which the colleague chooses their own.
/// </summary>
public sealed class UsersModel(NewsroomAccounts accounts, UserManager<NewsroomUser> users, IOptions<BroadsheetOptions> options) : PageModel
{
    public static readonly IReadOnlyList<SelectListItem> RoleChoices = NewsroomRoles.All.Select(r => new SelectListItem(r, r)).ToList();

    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public IReadOnlyList<NewsroomUserSummary> Users { get; private set; } = [];

    public string? SetPasswordLink { get; private set; }

    public string? CreatedEmail { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Users = await accounts.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The same checks CreateAsync makes, so a form with other errors shows these too.
        if (!string.IsNullOrWhiteSpace(Input.Email) && !NewsroomAccounts.IsEmail(Input.Email.Trim()))
        {
            ModelState.AddModelError("Input.Email", "Enter an email address like name@example.com.");
        }
        if (!string.IsNullOrWhiteSpace(Input.Role) && NewsroomRoles.Parse(Input.Role) is null)
        {
            ModelState.AddModelError("Input.Role", "Choose a role from the list.");
        }
        if (ModelState.IsValid)
        {
            var result = await accounts.CreateAsync(Input.Email!, Input.DisplayName, Input.Role!, NewsroomAccounts.GeneratePassword(), ct);
            if (result.Succeeded)
            {
                CreatedEmail = result.User!.Email;
                SetPasswordLink = await PasswordLinks.CreateAsync(users, result.User, options.Value.PublicUrl);
                Input = new();
                ModelState.Clear();
            }
            else
            {
                AccountErrors.AddTo(ModelState, result, "Input");
            }
        }
        await OnGetAsync(ct);
        return Page();
    }

    public sealed class NewUserInput
    {
        [Required(ErrorMessage = "Enter their email address.")]
        [Display(Name = "Email address")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter their name as colleagues should see it.")]
        [StringLength(120, ErrorMessage = "Enter a name of at most 120 characters.")]
        [Display(Name = "Display name")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Choose a role.")]
        [Display(Name = "Role")]
        public string? Role { get; set; } = NewsroomRoles.Writer;
    }
}
