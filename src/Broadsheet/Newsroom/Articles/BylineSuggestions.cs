using System.Security.Claims;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Articles;

/// <summary>
/// The byline's suggestions: every contributor, the signed-in writer's own first. A writer's contributor is the one
/// bearing their display name (the name Admin → Users gives them and Admin → Contributors shows readers).
/// </summary>
public static class BylineSuggestions
{
    public const int Max = 1000;

    public static async Task<Contributor?> OwnContributorAsync(BroadsheetDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var name = NewsroomClaims.Actor(user).Name.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // Translated to SQL lower(…) = …: case-insensitive on both providers, which StringComparison is not.
        return name.Length == 0 ? null : await db.Contributors.AsNoTracking().Where(c => c.Name.ToLower() == name).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
#pragma warning restore CA1862
    }

    /// <summary>Contributor names A to Z, the writer's own first (their display name when no contributor bears it yet: saving makes one).</summary>
    public static async Task<List<string>> NamesAsync(BroadsheetDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var names = await db.Contributors.AsNoTracking().OrderBy(c => c.Name).Select(c => c.Name).Take(Max).ToListAsync(ct);
        return Order(names, NewsroomClaims.Actor(user).Name);
    }

    /// <summary><paramref name="names"/> with <paramref name="own"/> first (as the list spells it, once).</summary>
    public static List<string> Order(IReadOnlyList<string> names, string own)
    {
        var mine = names.FirstOrDefault(n => string.Equals(n, own.Trim(), StringComparison.OrdinalIgnoreCase)) ?? own.Trim();
        return mine.Length == 0 ? [.. names] : [mine, .. names.Where(n => !string.Equals(n, mine, StringComparison.OrdinalIgnoreCase))];
    }
}
