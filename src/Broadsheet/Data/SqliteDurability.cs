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
/// <para>
/// And <c>PRAGMA busy_timeout</c> at the connection's command timeout: a writer that finds another's transaction open
/// waits in SQLite's own busy handler, which retries within a millisecond or a few of the lock's release.
/// Microsoft.Data.Sqlite sets no busy timeout; it retries a busy statement itself every 150 ms, so each writer queued
/// behind another lost up to 150 ms, and several writers at once (two instances polling the schedule, a burst of
/// publishes) queued for seconds. The driver's own retry still ends a wait at the same command timeout.
/// </para>
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

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
            command.CommandText = Pragma(connection);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Needs(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string Pragma(DbConnection connection) =>
        $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={((SqliteConnection)connection).DefaultTimeout * 1000};";

    private bool Needs(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && done.TryAdd(handle, Set);
}
