using Broadsheet.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Newsroom.Accounts;

/// <summary>One-time links with which a user chooses a new password (new accounts, and resets by an admin).</summary>
public static class PasswordLinks
{
    public const string Path = "/newsroom/signin/reset-password";

    /// <summary>How long a link works; Identity's token provider is set to the same span in AddNewsroom.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    public static async Task<string> CreateAsync(UserManager<NewsroomUser> users, NewsroomUser user, string publicUrl)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{publicUrl.TrimEnd('/')}{Path}?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
    }
}
