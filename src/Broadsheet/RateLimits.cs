using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Broadsheet;

/// <summary>One limit: at most <see cref="PermitLimit"/> requests per client in each window of <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitRule
{
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; }

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; }

    public bool IsValid => PermitLimit is >= 1 and <= 1_000_000 && WindowSeconds is >= 1 and <= 86_400;
}

/// <summary>
/// Limits on what a client may ask of the server, under <c>Broadsheet:RateLimits</c>
/// (<c>Broadsheet__RateLimits__SignIn__PermitLimit</c>). Each limit counts per signed-in account, or per client address
/// (as <see cref="BroadsheetOptions.TrustedProxies"/> forward it) for anyone else. See docs/security.md.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Broadsheet:RateLimits";

    /// <summary>Sign-in attempts (password, authenticator code, recovery code), POSTs only.</summary>
    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };

    /// <summary>Setting a new password from a reset link, and changing one's password; POSTs only.</summary>
    public RateLimitRule PasswordReset { get; set; } = new() { PermitLimit = 10, WindowSeconds = 900 };

    /// <summary>The player's status requests, which queue audio in voices not made ahead; it polls about once a second while waiting.</summary>
    public RateLimitRule Audio { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };

    /// <summary>Image uploads through the admin API and the newsroom's image library.</summary>
    public RateLimitRule Uploads { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Reserved for the search endpoint (policy <c>search</c>).</summary>
    public RateLimitRule Search { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Readers' error reports posted to <c>/report-error</c> (policy <c>feedback</c>), per client address.</summary>
    public RateLimitRule Feedback { get; set; } = new() { PermitLimit = 5, WindowSeconds = 300 };

    /// <summary>Read beacons from article pages (policy <c>reads</c>): a reader opens a few pages a minute.</summary>
    public RateLimitRule Reads { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Wrong passwords for one account from one client address before that address may not try it again for <see cref="SignInLockoutMinutes"/>.</summary>
    [Range(1, 1000)]
    public int SignInFailuresPerAddress { get; set; } = 5;

    /// <summary>
    /// Wrong passwords for one account from all addresses together (within <see cref="SignInLockoutMinutes"/>) before the
    /// account itself is locked: the last resort against guessing from many addresses, well above what one address may try.
    /// </summary>
    [Range(1, 100_000)]
    public int SignInFailuresPerAccount { get; set; } = 25;

    [Range(1, 1440)]
    public int SignInLockoutMinutes { get; set; } = 15;

    /// <summary>How many audio jobs listeners may have waiting at once, site-wide; past it a new voice is refused until the queue drains.</summary>
    [Range(1, 100_000)]
    public int MaxQueuedOnDemandAudio { get; set; } = 20;

    public IEnumerable<(string Name, RateLimitRule Rule)> Rules =>
    [
        (nameof(SignIn), SignIn), (nameof(PasswordReset), PasswordReset), (nameof(Audio), Audio),
        (nameof(Uploads), Uploads), (nameof(Search), Search), (nameof(Feedback), Feedback),
        (nameof(Reads), Reads),
    ];
}

/// <summary>ASP.NET Core's rate limiter with one named policy per kind of costly or guessable request.</summary>
public static class RateLimits
{
    public const string SignIn = "signin";
    public const string PasswordReset = "password-reset";
    public const string Audio = "audio";
    public const string Uploads = "uploads";
    public const string Search = "search";
    public const string Feedback = "feedback";
    public const string Reads = "reads";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Rules.All(r => r.Rule is not null && r.Rule.IsValid),
                "Each Broadsheet:RateLimits rule needs PermitLimit from 1 to 1000000 and WindowSeconds from 1 to 86400.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.AddPolicy(SignIn, Policy(SignIn, r => r.SignIn, postsOnly: true));
            o.AddPolicy(PasswordReset, Policy(PasswordReset, r => r.PasswordReset, postsOnly: true));
            o.AddPolicy(Audio, Policy(Audio, r => r.Audio, postsOnly: false));
            o.AddPolicy(Uploads, Policy(Uploads, r => r.Uploads, postsOnly: true));
            o.AddPolicy(Search, Policy(Search, r => r.Search, postsOnly: false));
            o.AddPolicy(Feedback, Policy(Feedback, r => r.Feedback, postsOnly: true));
            o.AddPolicy(Reads, Policy(Reads, r => r.Reads, postsOnly: true));
        });
        return builder;
    }

    /// <summary>After authorization, so a signed-in account (newsroom session or API key) is known and counted as itself.</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// The partition of a request: its account when signed in (so colleagues behind one office address do not share a
    /// limit), else its client address. Reading pages (GET, HEAD) of a form's page is never limited where <paramref name="postsOnly"/>.
    /// </summary>
    private static Func<HttpContext, RateLimitPartition<string>> Policy(string name, Func<RateLimitOptions, RateLimitRule> rule, bool postsOnly) => http =>
    {
        if (postsOnly && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)))
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var limit = rule(http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter($"{name}|{ClientOf(http)}|{limit.PermitLimit}|{limit.WindowSeconds}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    };

    /// <summary>The account name when signed in, else the client address (after <c>UseProxyHeaders</c> applied X-Forwarded-For).</summary>
    public static string ClientOf(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } account }
            ? "account:" + account
            : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>429 with <c>Retry-After</c>: problem+json for the APIs, a short readable page for browsers.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        var detail = $"Too many requests from you: try again in {Wait(seconds)}.";
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/listen"))
        {
            await TypedResults.Problem(title: "Too many requests.", detail: detail, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"<!doctype html>\n<html lang=\"en\"><meta charset=\"utf-8\"><title>Too many requests</title>\n<h1>Too many requests</h1>\n<p>{detail} This protects the site and your account.</p>\n</html>\n", ct);
    }

    private static string Wait(int seconds) => seconds < 120 ? $"{seconds} seconds" : $"{(seconds + 59) / 60} minutes";
}
