using Broadsheet.Accounts;

namespace Broadsheet.Newsroom.Shared;

/// <summary>One entry in the newsroom's main navigation, shown to users the policy admits.</summary>
public sealed record NavigationItem(string Title, string Path, string Policy);

/// <summary>The newsroom's main navigation, in order. Add an area here to put it in the header of every page.</summary>
public static class NewsroomNavigation
{
    public static readonly IReadOnlyList<NavigationItem> Items =
    [
        new("Dashboard", "/newsroom", NewsroomPolicies.Writer),
        new("Articles", "/newsroom/articles", NewsroomPolicies.Writer),
        new("Images", "/newsroom/images", NewsroomPolicies.Writer),
        new("Front page", "/newsroom/front-page", NewsroomPolicies.Editor),
        new("Wire", "/newsroom/wire", NewsroomPolicies.Editor),
        new("Audit log", "/newsroom/audit", NewsroomPolicies.Editor),
        new("Audio", "/newsroom/status", NewsroomPolicies.Editor),
        new("Error reports", "/newsroom/error-reports", NewsroomPolicies.Editor),
        new("Admin", "/newsroom/admin", NewsroomPolicies.Admin),
        new("Account", "/newsroom/account", NewsroomPolicies.Writer),
    ];

    /// <summary>True when <paramref name="path"/> is the item's page or under it (the dashboard only matches itself).</summary>
    public static bool IsCurrent(NavigationItem item, PathString path) =>
        item.Path == "/newsroom"
            ? path.Equals("/newsroom", StringComparison.OrdinalIgnoreCase) || path.Equals("/newsroom/", StringComparison.OrdinalIgnoreCase)
            : path.StartsWithSegments(item.Path, StringComparison.OrdinalIgnoreCase);
}
