using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.Admin;

public sealed class AdminIndexModel : PageModel
{
    public sealed record Area(string Title, string Path, string Description);

    public static readonly IReadOnlyList<Area> Areas =
    [
        new("Users", "/newsroom/admin/users", "Invite colleagues, change roles, disable accounts, reset passwords."),
        new("Sections", "/newsroom/admin/sections", "The section tree readers browse by."),
        new("Topics", "/newsroom/admin/topics", "Curated tags that gather articles across sections."),
        new("Contributors", "/newsroom/admin/contributors", "Bylines: staff, freelancers and agencies."),
        new("Standards pages", "/newsroom/admin/standards", "Editorial standards, corrections policy, ownership."),
        new("Ads", "/newsroom/admin/ads", "House and sold ad creatives, their targeting and results."),
        new("API keys", "/newsroom/admin/apikeys", "Keys for the admin API, for automation."),
        new("Wire sources", "/newsroom/admin/wire-sources", "Agencies' rules: section, subjects, byline, auto-publish."),
    ];

    public void OnGet()
    {
    }
}
