using Npgsql;

namespace Broadsheet.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the test command starts (<c>./test.sh</c>) and names in
/// <c>BROADSHEET_TEST_POSTGRES</c>. Without it the PostgreSQL tests fail: they never skip.
/// </summary>
public static class TestPostgres
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("BROADSHEET_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "BROADSHEET_TEST_POSTGRES is not set. Run the tests with ./test.sh, which starts a PostgreSQL server, " +
                "or point the variable at one (e.g. Host=127.0.0.1;Port=5432;Username=postgres).");

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
