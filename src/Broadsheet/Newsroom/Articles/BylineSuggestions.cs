using System.Security.Claims;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Articles;

/// <summary>
/// The byline's suggestions: every contributor, the signed-in writer's own first. A writer's own contributor is the
/// one linked to their account (<see cref="Contributor.UserId"/>: "this is me" on their account page, or an admin's
/// link), never a guess by name.
/// </summary>
public static class BylineSuggestions
{
    public const int Max = 1000;

    public static Task<Contributor?> OwnContributorAsync(BroadsheetDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = NewsroomClaims.Actor(user).UserId;
        return db.Contributors.AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId, ct);
    }

    /// <summary>Contributor names A to Z, the writer's own first (their display name while no contributor is linked to them: saving makes one).</summary>
    public static async Task<List<string>> NamesAsync(BroadsheetDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var names = await db.Contributors.AsNoTracking().OrderBy(c => c.Name).Select(c => c.Name).Take(Max).ToListAsync(ct);
        var own = await OwnContributorAsync(db, user, ct);
        return Order(names, own?.Name ?? NewsroomClaims.Actor(user).Name);
    }

    /// <summary><paramref name="names"/> with <paramref name="own"/> first (as the list spells it, once).</summary>
    public static List<string> Order(IReadOnlyList<string> names, string own)
    {
        var mine = names.FirstOrDefault(n => string.Equals(n, own.Trim(), StringComparison.OrdinalIgnoreCase)) ?? own.Trim();
        return mine.Length == 0 ? [.. names] : [mine, .. names.Where(n => !string.Equals(n, mine, StringComparison.OrdinalIgnoreCase))];
    }
}
