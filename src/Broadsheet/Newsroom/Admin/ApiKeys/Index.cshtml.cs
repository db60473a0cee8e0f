using System.ComponentModel.DataAnnotations;
using Broadsheet.Accounts;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.Admin.ApiKeys;

/// <summary>Admin API keys through the same store as <c>apikey create|list|revoke</c>.</summary>
public sealed class ApiKeysModel(ApiKeyStore keys) : PageModel
{
    [BindProperty]
    public KeyInput Input { get; set; } = new();

    public List<ApiKey> Keys { get; private set; } = [];

    /// <summary>Set only in the response that created the key.</summary>
    public string? NewSecret { get; private set; }

    public string? NewName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Keys = await keys.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var (key, secret, error) = await keys.CreateAsync(Input.Name!, ct);
            if (key is null)
            {
                ModelState.AddModelError("Input.Name", error ?? "The key could not be created.");
            }
            else
            {
                NewSecret = secret;
                NewName = key.Name;
                Input = new();
                ModelState.Clear();
            }
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? name, CancellationToken ct)
    {
        var count = string.IsNullOrWhiteSpace(name) ? 0 : await keys.RevokeAsync(name, ct);
        StatusMessage.Set(TempData, count == 0 ? $"No active key named '{name}'." : $"Key '{name}' revoked.");
        return RedirectToPage();
    }

    public sealed class KeyInput
    {
        [Required(ErrorMessage = "Enter a name for the key.")]
        [StringLength(120, ErrorMessage = "Enter a name of at most 120 characters.")]
        [Display(Name = "Name")]
        public string? Name { get; set; }
    }
}
