using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// Waiting for the page that a click or a key press leads to. Playwright .NET's <c>WaitForURLAsync</c> checks the frame's
/// address and load states and then subscribes to their next change, while another thread delivers those changes: one
/// delivered in between is lost, and the wait runs out with the page long there (microsoft/playwright-dotnet#3364). Here
/// the address is read as state, not awaited as an event, and the load is asked for in short waits: a load state that one
/// wait misses is still recorded, so the next finds it at once.
/// </summary>
public static class Arrival
{
    /// <summary>Waits until the page's address matches <paramref name="url"/> and that page has loaded.</summary>
    public static Task ArriveAsync(this IPage page, Regex url, float timeout = 60_000) =>
        page.ArriveAsync(url.IsMatch, url.ToString(), timeout);

    /// <summary>Waits until <paramref name="at"/> holds for the page's address and that page has loaded.</summary>
    public static async Task ArriveAsync(this IPage page, Func<string, bool> at, string what, float timeout = 60_000)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (at(page.Url))
            {
                try
                {
                    await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 1_000 });
                    return;
                }
                catch (TimeoutException)
                {
                    // Still loading, or its load event was the one missed: ask again.
                }
            }
            else
            {
                await Task.Delay(50);
            }
            if (Stopwatch.GetElapsedTime(started).TotalMilliseconds > timeout)
            {
                throw new TimeoutException($"Waited {timeout / 1000:0} s for a loaded page at {what}; the page is at {page.Url}.");
            }
        }
    }
}
