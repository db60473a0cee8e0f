using Broadsheet.Newsroom.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom;

/// <summary>The newsroom's front page: the areas this user may open.</summary>
public sealed class DashboardModel(IAuthorizationService authorization) : PageModel
{
    public sealed record Area(string Title, string Path, string Description, string Policy);

    private static readonly Area[] All =
    [
        new("Your account", "/newsroom/account", "Change your password, turn on two-factor sign-in.", NewsroomPolicies.Writer),
        new("Admin", "/newsroom/admin", "Users, sections, topics, contributors, standards pages, ads and API keys.", NewsroomPolicies.Admin),
    ];

    public string DisplayName => User.FindFirst(NewsroomClaims.DisplayName)?.Value ?? User.Identity?.Name ?? "";

    public string Role => NewsroomRoles.All.LastOrDefault(User.IsInRole) ?? "";

    public List<Area> Areas { get; } = [];

    public async Task OnGetAsync()
    {
        foreach (var area in All)
        {
            if ((await authorization.AuthorizeAsync(User, area.Policy)).Succeeded)
            {
                Areas.Add(area);
            }
        }
    }
}
