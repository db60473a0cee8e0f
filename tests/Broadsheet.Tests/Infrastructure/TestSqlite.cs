using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Infrastructure;

/// <summary>A migrated SQLite database file, made once per test process and copied into each test app's data folder.</summary>
public static class TestSqlite
{
    private static readonly Lazy<string> Template = new(CreateTemplate);

    /// <summary>
    /// Copies the migrated template to <paramref name="path"/> unless a database is there already: copying is a
    /// fraction of the cost of migrating every test app's database. The app still runs its migrations at start-up
    /// and finds them applied.
    /// </summary>
    public static void CreateMigratedDatabase(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(Template.Value, path);
        }
    }

    private static string CreateTemplate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "broadsheet-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var path = Path.Combine(folder, "broadsheet.db");
        var options = new DbContextOptionsBuilder<SqliteBroadsheetDb>().UseSqlite($"Data Source={path};Pooling=False").Options;
        using (var db = new SqliteBroadsheetDb(options))
        {
            db.Database.Migrate();
        }
        return path;
    }
}
