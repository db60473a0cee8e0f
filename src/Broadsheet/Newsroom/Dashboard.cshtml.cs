using Broadsheet.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom;

/// <summary>The newsroom's front page: the areas this user may open.</summary>
public sealed class DashboardModel(IAuthorizationService authorization) : PageModel
{
    public sealed record Area(string Title, string Path, string Description, string Policy);

    private static readonly Area[] All =
    [
        new("Articles", "/newsroom/articles", "Write and edit articles, send them for review, publish, schedule and correct them.", NewsroomPolicies.Writer),
        new("Image library", "/newsroom/images", "Upload images, write their alt text, captions and credits, set focal points.", NewsroomPolicies.Writer),
        new("Audit log", "/newsroom/audit", "Who published, unpublished, scheduled or corrected what, and when.", NewsroomPolicies.Editor),
        new("Audio", "/newsroom/status", "Speech engines and voices, the audio queue, what failed and why.", NewsroomPolicies.Editor),
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
