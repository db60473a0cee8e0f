using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Broadsheet.Data;

/// <summary>
/// <c>PRAGMA synchronous=NORMAL</c> on every SQLite connection, once per native connection (pooled connections keep
/// it). The database is in WAL mode (<see cref="DataExtensions.PrepareDatabaseAsync"/>), where NORMAL is SQLite's
/// recommended setting: each transaction stays atomic and the database cannot be corrupted, a crash of the process
/// loses nothing committed, and only a power loss or an OS crash may roll back the last transactions. FULL, the
/// default, syncs the log to disk at every commit, which made each ingested wire item wait for the disk.
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    private const string Pragma = "PRAGMA synchronous=NORMAL;";
    private static readonly object Set = new();
    private readonly ConditionalWeakTable<object, object> done = [];

    private SqliteDurability()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Needs(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Needs(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private bool Needs(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && done.TryAdd(handle, Set);
}
