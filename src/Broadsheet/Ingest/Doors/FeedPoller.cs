using System.Globalization;
using System.Net;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Ingest.Doors;

/// <summary>
/// Polls one feed once when it is due: claims the feed's lease row with one conditional UPDATE (so with several instances
/// exactly one polls, and a poll never overlaps the one before), sends a conditional GET with the stored
/// <c>ETag</c>/<c>Last-Modified</c>, hands a new body to the desk, then stores the validators, the next time and the
/// outcome in the same row and gives up the lease. The validators move on only after the desk has committed, so a
/// crash mid-poll makes the next poll fetch the same items again (the desk's dedupe makes them duplicates).
/// </summary>
public sealed class FeedPoller(
    IServiceScopeFactory scopes,
    IHttpClientFactory http,
    IWireIntake intake,
    TimeProvider clock,
    IOptions<DoorSettings> options,
    ILogger<FeedPoller> logger)
{
    public const string HttpClientName = "Broadsheet.WireFeeds";

    private const string Accept = "application/vnd.iptc.ninjs+json, application/json;q=0.9, application/atom+xml, application/rss+xml, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

    private DoorSettings Settings => options.Value;

    /// <summary>The lease: long enough for the request (bounded by its timeout) and the desk's work on the body.</summary>
    private TimeSpan Lease => Settings.FeedTimeout * 2 + TimeSpan.FromMinutes(2);

    /// <summary>Polls <paramref name="source"/> if it is due and no other instance holds its lease; returns when to look again.</summary>
    public async Task<DateTimeOffset> PollIfDueAsync(WireSourceOptions source, string instanceId, CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var state = await EnsureRowAsync(db, source, ct);
            var now = clock.GetUtcNow();
            if (state.NextPollAt > now || state.ClaimedUntil >= now)
            {
                return Later(state, now);
            }
            var until = now + Lease;
            var claimed = await db.Set<WireFeedState>()
                .Where(f => f.Source == source.Name && f.NextPollAt <= now && (f.ClaimedUntil == null || f.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.ClaimedBy, instanceId).SetProperty(f => f.ClaimedUntil, until), ct);
            if (claimed == 0)
            {
                var current = await db.Set<WireFeedState>().AsNoTracking().FirstAsync(f => f.Source == source.Name, ct);
                return Later(current, now);
            }
        }

        var outcome = await PollAsync(source, await ValidatorsAsync(source.Name, ct), ct);
        return await RecordAsync(source, instanceId, outcome, ct);
    }

    private static DateTimeOffset Later(WireFeedState state, DateTimeOffset now) =>
        state.ClaimedUntil is { } lease && lease >= now && lease > state.NextPollAt ? lease : state.NextPollAt;

    private async Task<WireFeedState> EnsureRowAsync(BroadsheetDb db, WireSourceOptions source, CancellationToken ct)
    {
        var url = source.FeedUrl!.AbsoluteUri;
        var state = await db.Set<WireFeedState>().AsNoTracking().FirstOrDefaultAsync(f => f.Source == source.Name, ct);
        if (state is null)
        {
            db.Add(new WireFeedState { Source = source.Name, Url = url, NextPollAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance added it first.
                db.ChangeTracker.Clear();
            }
            return await db.Set<WireFeedState>().AsNoTracking().FirstAsync(f => f.Source == source.Name, ct);
        }
        if (state.Url != url)
        {
            // A new address: the old validators mean nothing to it, and it is polled at once.
            var now = clock.GetUtcNow();
            await db.Set<WireFeedState>().Where(f => f.Source == source.Name && f.Url == state.Url).ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Url, url)
                .SetProperty(f => f.ETag, (string?)null)
                .SetProperty(f => f.LastModified, (string?)null)
                .SetProperty(f => f.Failures, 0)
                .SetProperty(f => f.NextPollAt, now), ct);
            return await db.Set<WireFeedState>().AsNoTracking().FirstAsync(f => f.Source == source.Name, ct);
        }
        return state;
    }

    private async Task<(string? ETag, string? LastModified)> ValidatorsAsync(string source, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var state = await db.Set<WireFeedState>().AsNoTracking().FirstAsync(f => f.Source == source, ct);
        return (state.ETag, state.LastModified);
    }

    /// <summary>One conditional GET and, when the feed sent something new, the desk's work on it.</summary>
    private async Task<PollOutcome> PollAsync(WireSourceOptions source, (string? ETag, string? LastModified) validators, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, source.FeedUrl);
            request.Headers.TryAddWithoutValidation("Accept", Accept);
            if (validators.ETag is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", validators.ETag);
            }
            if (validators.LastModified is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", validators.LastModified);
            }
            var client = http.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new PollOutcome("304 not modified", null, validators.ETag, validators.LastModified, null);
            }
            if (!response.IsSuccessStatusCode)
            {
                return PollOutcome.Failed($"The feed answered {(int)response.StatusCode} {response.ReasonPhrase}.", RetryAfter(response));
            }
            var limit = Settings.MaxFeedBytes;
            if (response.Content.Headers.ContentLength > limit)
            {
                return PollOutcome.Failed($"The feed's response is {response.Content.Headers.ContentLength:N0} bytes, over the limit of {limit:N0} (Broadsheet:Ingest:Doors:MaxFeedBytes).", null);
            }
            var body = await ReadBoundedAsync(response.Content, limit, ct);
            if (body is null)
            {
                return PollOutcome.Failed($"The feed's response is over the limit of {limit:N0} bytes (Broadsheet:Ingest:Doors:MaxFeedBytes).", null);
            }
            var etag = response.Headers.ETag?.ToString();
            var lastModified = response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture);
            var contentType = response.Content.Headers.ContentType?.ToString();
            var receipt = await intake.ReceiveAsync(new WireDelivery(body, contentType, DoorOrigins.Feed, source.Name), ct);
            if (receipt.NotAnItem is { } notAnItem)
            {
                // Kept in the desk's quarantine; the validators move on so that the same bytes are not quarantined again.
                return new PollOutcome(null, $"The feed's response is not wire copy: {notAnItem}", etag, lastModified, null);
            }
            var counts = string.Join(", ", receipt.Items.GroupBy(i => i.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
            var result = $"{(int)response.StatusCode}: {receipt.Items.Count} item{(receipt.Items.Count == 1 ? "" : "s")}{(counts.Length > 0 ? $" ({counts})" : "")}";
            return new PollOutcome(result, null, etag, lastModified, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return PollOutcome.Failed($"The feed did not answer within {Settings.FeedTimeoutSeconds:0.#} s (Broadsheet:Ingest:Doors:FeedTimeoutSeconds).", null);
        }
        catch (HttpRequestException e)
        {
            return PollOutcome.Failed($"The feed could not be reached: {e.Message}", null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Feed {Source}: the poll failed.", source.Name);
            return PollOutcome.Failed($"{e.GetType().Name}: {e.Message}", null);
        }
    }

    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, long limit, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow(),
        _ => null,
    };

    /// <summary>Stores what the poll got and gives up the lease, in one UPDATE that still requires this instance's lease.</summary>
    private async Task<DateTimeOffset> RecordAsync(WireSourceOptions source, string instanceId, PollOutcome outcome, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var now = clock.GetUtcNow();
        var row = db.Set<WireFeedState>().Where(f => f.Source == source.Name && f.ClaimedBy == instanceId);
        DateTimeOffset next;
        int updated;
        if (outcome.Error is null)
        {
            next = now + TimeSpan.FromSeconds(source.PollSeconds);
            updated = await row.ExecuteUpdateAsync(s => s
                .SetProperty(f => f.ClaimedBy, (string?)null)
                .SetProperty(f => f.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(f => f.NextPollAt, next)
                .SetProperty(f => f.ETag, outcome.ETag)
                .SetProperty(f => f.LastModified, outcome.LastModified)
                .SetProperty(f => f.LastPollAt, now)
                .SetProperty(f => f.LastSuccessAt, now)
                .SetProperty(f => f.LastResult, outcome.Result)
                .SetProperty(f => f.Failures, 0), ct);
            logger.LogInformation("Feed {Source}: {Result}; next poll at {Next:u}.", source.Name, outcome.Result, next);
        }
        else
        {
            var failures = await db.Set<WireFeedState>().Where(f => f.Source == source.Name).Select(f => f.Failures).FirstAsync(ct) + 1;
            var wait = Settings.Backoff(failures);
            if (outcome.RetryAfter is { } asked && asked > wait)
            {
                wait = asked < TimeSpan.FromSeconds(Settings.MaxBackoffSeconds) ? asked : TimeSpan.FromSeconds(Settings.MaxBackoffSeconds);
            }
            next = now + wait;
            var error = outcome.Error.Length > 2000 ? outcome.Error[..2000] : outcome.Error;
            updated = await row.ExecuteUpdateAsync(s => s
                .SetProperty(f => f.ClaimedBy, (string?)null)
                .SetProperty(f => f.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(f => f.NextPollAt, next)
                .SetProperty(f => f.ETag, f => outcome.ETag ?? f.ETag)
                .SetProperty(f => f.LastModified, f => outcome.LastModified ?? f.LastModified)
                .SetProperty(f => f.LastPollAt, now)
                .SetProperty(f => f.LastError, error)
                .SetProperty(f => f.LastErrorAt, now)
                .SetProperty(f => f.Failures, failures), ct);
            logger.LogWarning("Feed {Source}: {Error} Failure {Failures} in a row; next try at {Next:u}.", source.Name, error, failures, next);
        }
        if (updated == 0)
        {
            logger.LogWarning("Feed {Source}: the lease ran out during the poll and another instance took it over; this poll's result is not recorded.", source.Name);
        }
        return next;
    }

    private sealed record PollOutcome(string? Result, string? Error, string? ETag, string? LastModified, TimeSpan? RetryAfter)
    {
        public static PollOutcome Failed(string error, TimeSpan? retryAfter) => new(null, error, null, null, retryAfter);
    }
}
