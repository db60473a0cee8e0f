using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Broadsheet.Data;

/// <summary>
/// Recognises a database that cannot be reached (PostgreSQL down or refusing connections, the SQLite file locked or
/// unreadable), so that a request failing for that reason answers 503 with <c>Retry-After</c> instead of 500, and so
/// that an outage logs one warning per <see cref="WarningInterval"/> instead of a stack trace per request.
/// </summary>
public sealed class DatabaseOutage(TimeProvider time, ILogger<DatabaseOutage> logger)
{
    /// <summary>What <c>Retry-After</c> asks of clients: long enough not to hammer a restarting server.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    // SQLite result codes (https://sqlite.org/rescode.html) that mean the file cannot be used right now.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteCannotOpen = 14;

    private long lastWarningTicks;

    /// <summary>Whether <paramref name="error"/> (or an exception inside it) says the database is unreachable.</summary>
    public static bool IsUnavailable(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Operator intervention (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now)
                // and connection exceptions (class 08).
                case PostgresException pg when pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("08", StringComparison.Ordinal):
                    return true;
                case PostgresException pg:
                    return pg.IsTransient;
                // Npgsql's own failures: connection refused, reset, closed mid-query, timeouts.
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteIoError or SqliteCannotOpen:
                    return true;
                case SocketException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// <see cref="IsUnavailable"/>, logging a warning for the first such error of each <see cref="WarningInterval"/>.
    /// </summary>
    public bool Notice(Exception? error)
    {
        if (!IsUnavailable(error))
        {
            return false;
        }
        var now = time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref lastWarningTicks);
        if (now - last >= WarningInterval.Ticks && Interlocked.CompareExchange(ref lastWarningTicks, now, last) == last)
        {
            logger.LogWarning(
                "The database is unavailable ({Error}); requests that need it answer 503 until it is back. Further failures are not logged for {Interval}.",
                error!.GetBaseException().Message, WarningInterval);
        }
        return true;
    }
}

/// <summary>
/// Answers API requests that failed because the database is unavailable with a 503 problem and <c>Retry-After</c>.
/// Other requests go on to their error page (which shows 503 for the same errors, see <see cref="DatabaseOutage.IsUnavailable"/>).
/// </summary>
public sealed class DatabaseOutageHandler(DatabaseOutage outage) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!outage.Notice(exception))
        {
            return false;
        }
        context.Response.Headers.RetryAfter = ((int)DatabaseOutage.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }
        await TypedResults.Problem(
                title: "The service is briefly unavailable.",
                detail: "The database cannot be reached. Try again shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable)
            .ExecuteAsync(context);
        return true;
    }
}
