using Broadsheet.Articles;
using Broadsheet.Feedback;
using Broadsheet.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace Broadsheet.Reader;

/// <summary>
/// The "Report an error" form, fresh or shown again (with the reader's words and the field messages) when a report
/// needs another look.
/// </summary>
public sealed record ReportForm(int ArticleId, string Token, Words Words, string? Details = null, string? Email = null,
    IDictionary<string, string[]>? Errors = null, string? Notice = null)
{
    /// <summary>The honeypot's name: a field people never see or fill, which form-filling scripts do.</summary>
    public const string Honeypot = "website";

    public string? ErrorFor(string field) => Errors is not null && Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}

/// <summary>
/// <c>/report-error?article={id}</c>: the form every article links to, and where it posts. It sits apart from the article
/// so the article page stays cached, the same for everyone and every render: no cookie, no antiforgery token, but a
/// honeypot field, a signed time token issued when the form is opened
/// (<see cref="ReportTokens"/>) and the <c>feedback</c> rate limit per client address. A good report lands in the
/// newsroom's queue and the reader is sent to a thank-you page; anything else shows the form again with what they wrote.
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(RateLimits.Feedback)]
public sealed class ReportErrorPageModel(SiteChrome chrome, PublishedArticles published, ErrorReports reports, ReportTokens tokens) : ReaderPageModel(chrome)
{
    public const string Path = "/report-error";

    public Article Article { get; private set; } = null!;

    public ReportForm? Form { get; private set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] int article, [FromQuery] bool sent, CancellationToken ct)
    {
        NotStored();
        if (!await LoadAsync(article, ct))
        {
            return NotFound();
        }
        Sent = sent;
        if (!sent)
        {
            Form = new ReportForm(article, tokens.Issue(article), Words.For(Article.Language));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromForm] int article, [FromForm] string? details, [FromForm] string? email,
        [FromForm(Name = ReportForm.Honeypot)] string? website, [FromForm] string? token, CancellationToken ct)
    {
        NotStored();
        Response.Headers.CacheControl = "no-store";
        if (!await LoadAsync(article, ct))
        {
            return NotFound();
        }
        if (!string.IsNullOrEmpty(website))
        {
            // A script filled the field people never see: thank it as if it had worked, and keep nothing.
            return Thanks(article);
        }
        var input = new ErrorReportInput(article, details, email);
        var errors = ErrorReports.Validate(input).ToDictionary();
        var words = Words.For(Article.Language);
        var notice = tokens.Check(token, article) switch
        {
            TokenCheck.TooFast => words["report.too-fast"].Text,
            TokenCheck.Expired => words["report.expired"].Text,
            TokenCheck.Invalid => words["report.unchecked"].Text,
            _ => null,
        };
        if (notice is null && errors.Count == 0)
        {
            var saved = await reports.SubmitAsync(input, ct);
            if (saved.Succeeded)
            {
                return Thanks(article);
            }
            errors = saved.Errors;
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        // A fresh token made now: the reader who reads the notice and sends again passes the minimum age.
        Form = new ReportForm(article, tokens.Issue(article), words, details, email, errors, notice);
        return Page();
    }

    private async Task<bool> LoadAsync(int article, CancellationToken ct)
    {
        if (await published.FindAsync(article, ct) is not { } found)
        {
            return false;
        }
        Article = found;
        await Chrome.LoadAsync(ct);
        Meta.Title = Words.For(found.Language)["report.heading"].Text + ": " + found.Headline;
        Meta.Language = found.Language;
        Meta.Robots = "noindex";
        return true;
    }

    /// <summary>
    /// Each form carries a token made now, so the output cache keeps none (browsers may keep a GET for the reader's
    /// <c>max-age</c>: the token is the same for everyone); a POST's answer holds the reader's own words and is never stored.
    /// </summary>
    private void NotStored()
    {
        if (HttpContext.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.AllowCacheStorage = false;
        }
    }

    /// <summary>303 See Other to the thank-you page, so reloading it sends nothing twice.</summary>
    private StatusCodeResult Thanks(int article)
    {
        Response.Headers.Location = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Path}?article={article}&sent=true");
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
