using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Broadsheet.Reader;

/// <summary>
/// A request that no handler of a page takes (a POST to a page with only <c>OnGet</c>, or to a handler name it does
/// not have) answers 405 with <c>Allow</c>, for every page of the site and the newsroom. Without it Razor Pages renders
/// the page with no handler run, and a page whose model is loaded in <c>OnGet</c> fails with a 500.
/// </summary>
public sealed class UnhandledMethodFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            var allowed = context.ActionDescriptor.HandlerMethods
                .Select(h => h.HttpMethod.ToUpperInvariant())
                .Append("GET")
                .Append("HEAD")
                .Distinct(StringComparer.Ordinal);
            context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }
        await next();
    }
}
