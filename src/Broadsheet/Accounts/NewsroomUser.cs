using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Accounts;

/// <summary>A person who signs in to the newsroom. Each has exactly one of the <see cref="NewsroomRoles"/>.</summary>
public sealed class NewsroomUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when an admin disables the account: it can no longer sign in, and its open sessions end.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}
