using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Unit;

/// <summary>
/// The model matches each provider's migrations: a change to an entity or its configuration without its migration fails
/// here. The app does not make this check at start (Data/DataExtensions.cs says why); every build makes it here.
/// </summary>
public class MigrationsTests
{
    [Fact]
    public void The_model_has_no_changes_missing_from_the_SQLite_migrations()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model differs from the SQLite migrations: add a migration for it (docs/architecture.md, \"Storage\").");
    }

    [Fact]
    public void The_model_has_no_changes_missing_from_the_PostgreSQL_migrations()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model differs from the PostgreSQL migrations: add a migration for it (docs/architecture.md, \"Storage\").");
    }
}
