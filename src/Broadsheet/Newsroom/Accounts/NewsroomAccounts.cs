using System.Security.Cryptography;
using Broadsheet.Accounts;
using Broadsheet.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Accounts;

/// <summary>Field names that <see cref="AccountResult"/> errors refer to.</summary>
public static class AccountFields
{
    public const string Email = "Email";
    public const string DisplayName = "DisplayName";
    public const string Password = "Password";
    public const string Role = "Role";
}

/// <summary>The outcome of an account change: the user, or errors keyed by field (see <see cref="AccountFields"/>).</summary>
public sealed record AccountResult(NewsroomUser? User, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static AccountResult Ok(NewsroomUser user) => new(user, []);

    public static AccountResult Fail(string field, string message) => new(null, [(field, message)]);
}

/// <summary>A newsroom user as lists show it.</summary>
public sealed record NewsroomUserSummary(string Id, string Email, string DisplayName, string Role, bool TwoFactor, bool Disabled, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

/// <summary>Creating and changing newsroom accounts: the one place the CLI, the set-up page and the admin pages go through.</summary>
public sealed class NewsroomAccounts(UserManager<NewsroomUser> users, BroadsheetDb db, TimeProvider clock, SignInThrottle throttle)
{
    /// <summary>Creates an account with one role. Nothing is written when any field is wrong.</summary>
    public async Task<AccountResult> CreateAsync(string email, string? displayName, string role, string password, CancellationToken ct = default)
    {
        email = email.Trim();
        displayName = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim();
        var errors = new List<(string, string)>();
        var knownRole = NewsroomRoles.Parse(role);
        if (knownRole is null)
        {
            errors.Add((AccountFields.Role, $"Choose a role: {string.Join(", ", NewsroomRoles.All)}."));
        }
        if (displayName.Length > 120)
        {
            errors.Add((AccountFields.DisplayName, "Enter a display name of at most 120 characters."));
        }
        if (!IsEmail(email))
        {
            errors.Add((AccountFields.Email, "Enter an email address like name@example.com."));
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors.Add((AccountFields.Email, "A newsroom user with this email address already exists."));
        }
        var user = new NewsroomUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password);
            errors.AddRange(check.Errors.Select(e => (AccountFields.Password, e.Description)));
        }
        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        // User and role in one transaction: a user without a role would be signed in to nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AccountResult(null, created.Errors.Select(ToField).ToList());
        }
        var added = await users.AddToRoleAsync(user, knownRole!);
        if (!added.Succeeded)
        {
            return new AccountResult(null, added.Errors.Select(ToField).ToList());
        }
        await transaction.CommitAsync(ct);
        return AccountResult.Ok(user);
    }

    public async Task<IReadOnlyList<NewsroomUserSummary>> ListAsync(CancellationToken ct = default)
    {
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name!).OrderByDescending(Rank).First());
        var now = clock.GetUtcNow();
        var list = await db.Users.AsNoTracking().ToListAsync(ct);
        return list
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .Select(u => new NewsroomUserSummary(
                u.Id, u.Email ?? "", u.DisplayName, roleOf.GetValueOrDefault(u.Id, "(none)"), u.TwoFactorEnabled, u.DisabledAt is not null,
                u.LockoutEnd is { } end && end > now ? end : null, u.CreatedAt))
            .ToList();
    }

    public async Task<string?> RoleOfAsync(NewsroomUser user) =>
        (await users.GetRolesAsync(user)).OrderByDescending(Rank).FirstOrDefault();

    /// <summary>Gives the user exactly <paramref name="role"/>. Refuses to take the last active admin's admin role away.</summary>
    public async Task<AccountResult> ChangeRoleAsync(NewsroomUser user, string role, CancellationToken ct = default)
    {
        if (NewsroomRoles.Parse(role) is not { } knownRole)
        {
            return AccountResult.Fail(AccountFields.Role, $"Choose a role: {string.Join(", ", NewsroomRoles.All)}.");
        }
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == knownRole)
        {
            return AccountResult.Ok(user);
        }
        if (current.Contains(NewsroomRoles.Admin) && knownRole != NewsroomRoles.Admin && await IsLastActiveAdminAsync(user, ct))
        {
            return AccountResult.Fail(AccountFields.Role, "This is the only active admin: make someone else an admin first.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await users.RemoveFromRolesAsync(user, current);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, knownRole) : removed;
        if (!added.Succeeded)
        {
            return new AccountResult(null, added.Errors.Select(ToField).ToList());
        }
        // Open sessions pick up the new role on their next request: the security stamp validator rebuilds the
        // principal from the database on every request (see AddNewsroom), so there is no need to sign them out.
        await transaction.CommitAsync(ct);
        return AccountResult.Ok(user);
    }

    /// <summary>Disables the account and ends its sessions. The last active admin cannot be disabled.</summary>
    public async Task<AccountResult> DisableAsync(NewsroomUser user, CancellationToken ct = default)
    {
        if (user.DisabledAt is not null)
        {
            return AccountResult.Ok(user);
        }
        if (await users.IsInRoleAsync(user, NewsroomRoles.Admin) && await IsLastActiveAdminAsync(user, ct))
        {
            return AccountResult.Fail(AccountFields.Role, "This is the only active admin: make someone else an admin first.");
        }
        user.DisabledAt = clock.GetUtcNow();
        var updated = await users.UpdateAsync(user);
        if (updated.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        return updated.Succeeded ? AccountResult.Ok(user) : new AccountResult(null, updated.Errors.Select(ToField).ToList());
    }

    public async Task<AccountResult> EnableAsync(NewsroomUser user)
    {
        user.DisabledAt = null;
        var updated = await users.UpdateAsync(user);
        return updated.Succeeded ? AccountResult.Ok(user) : new AccountResult(null, updated.Errors.Select(ToField).ToList());
    }

    /// <summary>Lifts a lockout after failed sign-ins.</summary>
    public async Task UnlockAsync(NewsroomUser user)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        throttle.Clear(user.Id);
    }

    /// <summary>A random password that satisfies the password rules: 20 characters from four classes.</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "-_.!@#%+=";
        const string all = lower + upper + digits + symbols;
        var chars = new char[20];
        chars[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    public static bool IsEmail(string email) =>
        email.Length is > 2 and <= 254 && System.Net.Mail.MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal);

    private async Task<bool> IsLastActiveAdminAsync(NewsroomUser user, CancellationToken ct)
    {
        var admins = await users.GetUsersInRoleAsync(NewsroomRoles.Admin);
        return !admins.Any(a => a.Id != user.Id && a.DisabledAt is null);
    }

    private static int Rank(string role) => role switch
    {
        NewsroomRoles.Admin => 3,
        NewsroomRoles.Editor => 2,
        NewsroomRoles.Writer => 1,
        _ => 0,
    };

    private static (string Field, string Message) ToField(IdentityError error) => error.Code switch
    {
        var c when c.StartsWith("Password", StringComparison.Ordinal) => (AccountFields.Password, error.Description),
        var c when c.Contains("Email", StringComparison.Ordinal) || c.Contains("UserName", StringComparison.Ordinal) => (AccountFields.Email, error.Description),
        var c when c.Contains("Role", StringComparison.Ordinal) => (AccountFields.Role, error.Description),
        _ => ("", error.Description),
    };
}
