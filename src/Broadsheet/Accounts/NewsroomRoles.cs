using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Accounts;

/// <summary>The three newsroom roles, from least to most trusted. Each user has exactly one.</summary>
public static class NewsroomRoles
{
    public const string Writer = "Writer";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Writer, Editor, Admin];

    /// <summary>Seeded by the migration with fixed ids, so every database has the same three rows.</summary>
    internal static readonly IReadOnlyList<IdentityRole> Seed =
    [
        new() { Id = "role-writer", Name = Writer, NormalizedName = "WRITER", ConcurrencyStamp = "7b0d3c55-5f2c-4f57-9d0c-2a8f5b1e6a01" },
        new() { Id = "role-editor", Name = Editor, NormalizedName = "EDITOR", ConcurrencyStamp = "7b0d3c55-5f2c-4f57-9d0c-2a8f5b1e6a02" },
        new() { Id = "role-admin", Name = Admin, NormalizedName = "ADMIN", ConcurrencyStamp = "7b0d3c55-5f2c-4f57-9d0c-2a8f5b1e6a03" },
    ];

    /// <summary>The role spelled as given, whatever its case; null when it is not a newsroom role.</summary>
    public static string? Parse(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
