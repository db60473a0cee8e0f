using System.Text.Json.Serialization;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Speech;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Listen;

/// <summary>What the player asks for: whether a voice's audio of an article is ready, and where its files are.</summary>
public sealed record ListenStatus
{
    public const string Ready = "ready";
    public const string Pending = "pending";
    public const string Unavailable = "unavailable";

    public required string Status { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Voice { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Fingerprint { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? DurationMs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Mp3 { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Mp3Bytes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Opus { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Timings { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Vtt { get; init; }

    /// <summary>For pending audio: when asking again is worthwhile.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RetryAfterMs { get; init; }
}

internal static class ListenEndpoints
{
    public const string NoLanguageVoice = "Audio isn't available in this language yet.";
    public const string NoEngine = "Audio isn't available on this site at the moment.";
    public const string QueueFull = "Many listeners are waiting for audio right now: try this voice again in a minute.";
    public const string GenerationFailed = "Audio for this article couldn't be made. Please try again later.";

    private const string Immutable = "public, max-age=31536000, immutable";

    public static void Map(WebApplication app)
    {
        var listen = app.MapGroup("/listen").WithTags("Listen");
        listen.MapGet("/{articleId:int}/{voiceId}", StatusAsync)
            .WithName("ListenStatus")
            .RequireRateLimiting(RateLimits.Audio)
            .WithSummary("Whether an article's audio in a voice is ready (with its file URLs), pending (now queued) or unavailable (with the reason). 'default' picks the language's default voice.");
        listen.MapMethods("/{articleId:int}/{voiceId}/{file}", [HttpMethods.Get, HttpMethods.Head], FileAsync)
            .WithName("ListenFile")
            .WithSummary("An audio file ({fingerprint12}.mp3, .opus, .json timings or .vtt), immutable, with Range and ETag; latest.mp3 redirects to the current MP3.");
    }

    /// <summary>The published article's script inputs, or null.</summary>
    private static Task<ScriptSource?> SourceAsync(PublishedArticles published, int articleId, CancellationToken ct) =>
        published.Query().Where(a => a.Id == articleId)
            .Select(a => new ScriptSource(a.Id, a.Headline, a.Summary, a.Body, a.Language))
            .FirstOrDefaultAsync(ct);

    private sealed record ScriptSource(int Id, string Headline, List<string> Summary, List<Block> Body, string Language)
    {
        public AudioScript Script() => AudioScript.Build(Headline, Summary, Body, Language);
    }

    private static async Task<Results<Ok<ListenStatus>, ProblemHttpResult>> StatusAsync(
        int articleId, string voiceId, HttpContext http, PublishedArticles published, BroadsheetDb db, VoiceCatalog catalog, AudioQueue queue,
        Microsoft.Extensions.Options.IOptions<RateLimitOptions> limits, CancellationToken ct)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        if (await SourceAsync(published, articleId, ct) is not { } article)
        {
            return NotFound($"No published article {articleId}.");
        }
        if (catalog.Voices.Count == 0)
        {
            return TypedResults.Ok(new ListenStatus { Status = ListenStatus.Unavailable, Reason = NoEngine });
        }
        var voices = catalog.VoicesFor(article.Language);
        var voice = voiceId == "default" ? voices.FirstOrDefault() : catalog.Find(voiceId);
        if (voice is null && voiceId != "default")
        {
            return NotFound($"No voice '{voiceId}' is installed.");
        }
        if (voice is null || !voices.Contains(voice))
        {
            return TypedResults.Ok(new ListenStatus { Status = ListenStatus.Unavailable, Voice = voice?.Id, Reason = NoLanguageVoice });
        }
        var script = article.Script();
        if (script.Parts.Count == 0)
        {
            return TypedResults.Ok(new ListenStatus { Status = ListenStatus.Unavailable, Voice = voice.Id, Reason = "This article has no text to read." });
        }

        var job = await db.ArticleAudio.AsNoTracking()
            .FirstOrDefaultAsync(a => a.ArticleId == articleId && a.VoiceId == voice.Id && a.Fingerprint == script.Fingerprint, ct);
        if (job is { Status: AudioStatus.Ready })
        {
            // Short-lived: after an edit the answer points at the new revision's files.
            headers.CacheControl = "public, max-age=10";
            var stem = $"/listen/{articleId}/{voice.Id}/{job.ShortFingerprint}";
            return TypedResults.Ok(new ListenStatus
            {
                Status = ListenStatus.Ready,
                Voice = voice.Id,
                Fingerprint = job.ShortFingerprint,
                DurationMs = job.DurationMs,
                Mp3 = stem + ".mp3",
                Mp3Bytes = job.Mp3Bytes,
                Opus = job.OpusBytes > 0 ? stem + ".opus" : null,
                Timings = stem + ".json",
                Vtt = stem + ".vtt",
            });
        }
        if (job is { Status: AudioStatus.Failed })
        {
            return TypedResults.Ok(new ListenStatus { Status = ListenStatus.Unavailable, Voice = voice.Id, Reason = GenerationFailed });
        }
        if (job is null && await db.ArticleAudio.CountAsync(a => a.Status == AudioStatus.Pending && a.Priority == AudioQueue.ListenerWaiting, ct) >= limits.Value.MaxQueuedOnDemandAudio)
        {
            // Synthesis is the costliest thing a reader can ask for: past the cap, new voices wait until the queue drains.
            headers.RetryAfter = "30";
            return TypedResults.Problem(title: "Too many requests.", detail: QueueFull, statusCode: StatusCodes.Status429TooManyRequests);
        }
        await queue.EnsureAsync(db, articleId, voice.Id, script.Fingerprint, AudioQueue.ListenerWaiting, ct);
        queue.Signal();
        return TypedResults.Ok(new ListenStatus { Status = ListenStatus.Pending, Voice = voice.Id, RetryAfterMs = 1000 });
    }

    private static async Task<Results<PhysicalFileHttpResult, RedirectHttpResult, ProblemHttpResult>> FileAsync(
        int articleId, string voiceId, string file, HttpContext http, PublishedArticles published, BroadsheetDb db, AudioFiles files, CancellationToken ct)
    {
        if (!AudioFormats.VoiceId().IsMatch(voiceId))
        {
            return NotFound("No such voice.");
        }
        if (file == "latest.mp3")
        {
            return await LatestAsync(articleId, voiceId, http, published, db, ct);
        }
        var name = AudioFormats.FileName().Match(file);
        if (!name.Success)
        {
            return NotFound("No such file.");
        }
        var fingerprint = name.Groups["fp"].Value;
        var extension = name.Groups["ext"].Value;
        // Served only while the row says the recording is complete and the article is published.
        var job = await db.ArticleAudio.AsNoTracking()
            .Where(a => a.ArticleId == articleId && a.VoiceId == voiceId && a.Status == AudioStatus.Ready && a.Fingerprint.StartsWith(fingerprint))
            .Where(a => published.Query().Any(p => p.Id == a.ArticleId))
            .FirstOrDefaultAsync(ct);
        if (job is null || (extension == AudioFormats.Opus && job.OpusBytes == 0))
        {
            return NotFound("No such recording.");
        }
        var path = files.PathOf(articleId, voiceId, job.Fingerprint, extension);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return NotFound("No such recording.");
        }
        http.Response.Headers.CacheControl = Immutable;
        // Content-addressed: the name already names the content, the length guards against a rewritten file.
        var etag = new EntityTagHeaderValue($"\"{job.Fingerprint[..16]}-{voiceId}-{extension}-{info.Length}\"");
        return TypedResults.PhysicalFile(path, AudioFormats.ContentType(extension), lastModified: info.LastWriteTimeUtc, entityTag: etag, enableRangeProcessing: true);
    }

    /// <summary>A stable URL for the no-script player and for links: redirects to the current revision's MP3.</summary>
    private static async Task<Results<PhysicalFileHttpResult, RedirectHttpResult, ProblemHttpResult>> LatestAsync(
        int articleId, string voiceId, HttpContext http, PublishedArticles published, BroadsheetDb db, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (await SourceAsync(published, articleId, ct) is not { } article)
        {
            return NotFound($"No published article {articleId}.");
        }
        var fingerprint = article.Script().Fingerprint;
        var ready = await db.ArticleAudio.AsNoTracking()
            .AnyAsync(a => a.ArticleId == articleId && a.VoiceId == voiceId && a.Fingerprint == fingerprint && a.Status == AudioStatus.Ready, ct);
        return ready
            ? TypedResults.Redirect($"/listen/{articleId}/{voiceId}/{fingerprint[..12]}.mp3")
            : NotFound("This article's audio is not ready yet.");
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
