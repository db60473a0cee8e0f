using Broadsheet.Data;
using Microsoft.Extensions.Options;

namespace Broadsheet.Ingest;

/// <summary>
/// Releases embargoed wire items when their time comes, on every instance unless <c>Broadsheet:Ingest:ReleaseEmbargoes</c>
/// is false (each release claims its entry, so two instances never handle one twice). Runs on <see cref="TimeProvider"/>.
/// </summary>
public sealed class WireEmbargoRelease(WireDesk desk, TimeProvider clock, IOptions<IngestOptions> options, DatabaseOutage outage, ILogger<WireEmbargoRelease> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(options.Value.EmbargoPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, clock, stoppingToken);
                while (await desk.ReleaseDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (outage.Notice(ex))
            {
                // The database is down: the embargoed items wait in it and go at the first turn after it is back; the
                // outage is logged once per interval for the whole process, not with a stack trace per turn.
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Releasing embargoed wire items failed; trying again in {Seconds} s", every.TotalSeconds);
            }
        }
    }
}
