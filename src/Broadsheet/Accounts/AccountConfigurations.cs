using Broadsheet.Articles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Accounts;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> e)
    {
        e.Property(k => k.Name).HasMaxLength(120);
        e.Property(k => k.Hash).HasMaxLength(64);
        e.HasIndex(k => k.Hash).IsUnique();
    }
}

public sealed class NewsroomUserConfiguration : IEntityTypeConfiguration<NewsroomUser>
{
    public void Configure(EntityTypeBuilder<NewsroomUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(120);
        // A contributor may be a newsroom account's byline (Contributor.UserId).
        e.HasMany<Contributor>().WithOne().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>The newsroom's roles exist from the first migration on.</summary>
public sealed class NewsroomRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> e) => e.HasData(NewsroomRoles.Seed);
}
