using System.Globalization;
using Broadsheet.Data;
using Broadsheet.Rendering;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Broadsheet.Reader;

/// <summary>
/// The page behind every error status: unknown URLs and ids (404), failures (500) and the database being unavailable
/// (503 with <c>Retry-After</c>).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorPageModel(SiteChrome chrome) : ReaderPageModel(chrome)
{
    public int Code { get; private set; }

    public bool IsNotFound => Code == StatusCodes.Status404NotFound;

    public async Task OnGetAsync(int code, CancellationToken ct)
    {
        var databaseDown = DatabaseOutage.IsUnavailable(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error);
        Code = databaseDown ? StatusCodes.Status503ServiceUnavailable
            : code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        if (databaseDown)
        {
            // The menu needs the database too; trying would only fail again and log it for every request.
            Response.Headers.RetryAfter = ((int)DatabaseOutage.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            await Chrome.TryLoadAsync(ct);
        }
        Meta.Title = IsNotFound ? "Page not found" : Code >= 500 ? "Something went wrong" : "This page is not available";
    }

    // Re-executed errors keep the failed request's method; a POST to an unknown URL still gets the page.
    public Task OnPostAsync(int code, CancellationToken ct) => OnGetAsync(code, ct);
}
