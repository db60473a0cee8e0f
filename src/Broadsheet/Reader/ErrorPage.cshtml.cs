using Broadsheet.Rendering;
using Microsoft.AspNetCore.Mvc;

namespace Broadsheet.Reader;

/// <summary>The page behind every error status: unknown URLs and ids (404) and failures (500).</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorPageModel(SiteChrome chrome) : ReaderPageModel(chrome)
{
    public int Code { get; private set; }

    public bool IsNotFound => Code == StatusCodes.Status404NotFound;

    public async Task OnGetAsync(int code, CancellationToken ct)
    {
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        await Chrome.TryLoadAsync(ct);
        Meta.Title = IsNotFound ? "Page not found" : Code >= 500 ? "Something went wrong" : "This page is not available";
    }

    // Re-executed errors keep the failed request's method; a POST to an unknown URL still gets the page.
    public Task OnPostAsync(int code, CancellationToken ct) => OnGetAsync(code, ct);
}
