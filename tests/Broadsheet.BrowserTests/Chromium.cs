using System.Text.Json;

[assembly: AssemblyFixture(typeof(Broadsheet.BrowserTests.Chromium))]

namespace Broadsheet.BrowserTests;

/// <summary>
/// The machine's Chromium as a headless shell (Debian package <c>chromium-headless-shell</c>, installed by ./test.sh),
/// driven by Playwright. The shell is the same Blink, V8 and layout as the <c>chromium</c> browser without the browser's
/// own layer (windows, tabs, profile services), which in headless mode still runs beside every page and costs CPU the
/// tests never use; it is what Playwright itself runs for headless Chromium. One browser for the whole run; every test
/// gets its own context.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private const string ExecutablePath = "/usr/bin/chromium-headless-shell";
    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Chromium is not started.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: run the tests with ./test.sh, which installs Debian's chromium-headless-shell.");
        }
        // The browser tests share two cores with the rest of the suite (and a shared machine with more): a page can take
        // many seconds to answer. Generous waits, the same whichever class runs first, keep the tests about behaviour,
        // not speed; they wait on conditions, so a quick page costs no more.
        Assertions.SetDefaultExpectTimeout(20_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh page on <paramref name="baseAddress"/> that records console errors and failed or third-party requests.</summary>
    public async Task<WatchedPage> NewPageAsync(Uri baseAddress, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = width, Height = height } });
        await context.AddInitScriptAsync(Axe.Preload);
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        return new WatchedPage(context, page, baseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
    }
}

/// <summary>A page whose console errors, failed requests and requests to other hosts are collected.</summary>
public sealed class WatchedPage : IAsyncDisposable
{
    private readonly IBrowserContext context;

    public WatchedPage(IBrowserContext context, IPage page, Uri baseAddress)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
        page.RequestFailed += (_, request) =>
        {
            FailedRequests.Add($"{request.Url}: {request.Failure}");
            Finished();
        };
        page.RequestFinished += (_, _) => Finished();
        page.Request += (_, request) =>
        {
            Interlocked.Increment(ref pending);
            var uri = new Uri(request.Url);
            if (uri.Scheme is "http" or "https" && uri.Authority != baseAddress.Authority)
            {
                ThirdPartyRequests.Add(request.Url);
            }
        };
    }

    private int pending;
    private TaskCompletionSource idle = NewIdle();

    public IPage Page { get; }

    public List<string> ConsoleErrors { get; } = [];

    public List<string> FailedRequests { get; } = [];

    public List<string> ThirdPartyRequests { get; } = [];

    /// <summary>
    /// Waits until the layout a test just changed (a width, a text size, a scroll) has been drawn and every request it
    /// started has ended. Chromium cancels a picture it is still fetching when a new layout picks another rendition or
    /// none, and counts that as a failed request, so a walk that changes the layout again before then would see a
    /// failure no reader does.
    /// </summary>
    public async Task SettleAsync()
    {
        // Two animation frames: the layout has run and the fetches it asks for have been sent (and reported here).
        await Page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        while (true)
        {
            // The waiter is read before the count: a request ending in between completes this very waiter.
            var waiter = Volatile.Read(ref idle);
            if (Volatile.Read(ref pending) <= 0)
            {
                return;
            }
            await waiter.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private void Finished()
    {
        if (Interlocked.Decrement(ref pending) <= 0)
        {
            Interlocked.Exchange(ref idle, NewIdle()).TrySetResult();
        }
    }

    private static TaskCompletionSource NewIdle() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        return response ?? throw new InvalidOperationException($"No response for {path}");
    }

    public void AssertClean()
    {
        Assert.Empty(ConsoleErrors);
        Assert.Empty(FailedRequests);
        Assert.Empty(ThirdPartyRequests);
    }

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}

/// <summary>axe-core from npm (tests/Broadsheet.BrowserTests/package-lock.json), evaluated in the page.</summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "package.json")))
        {
            dir = dir.Parent;
        }
        var path = dir is null ? null : Path.Combine(dir.FullName, "node_modules", "axe-core", "axe.min.js");
        return path is not null && File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException("axe-core is not installed: run ./test.sh (it runs npm ci in tests/Broadsheet.BrowserTests).");
    });

    /// <summary>
    /// axe-core for every top-level document of a context, sent to Chromium once: evaluating the 560 kB source through the
    /// DevTools protocol for each check costs more CPU (the transfer and a fresh compile each time) than the run itself;
    /// as a script of the context's it is compiled from Chromium's cache. Frames are left without it, as before.
    /// </summary>
    public static string Preload => "if (window === window.top) {\n" + Source.Value + "\n}";

    /// <summary>Runs axe (WCAG 2.0/2.1/2.2 A and AA rules plus best practices) and returns one line per violation.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        // Preloaded in the pages of Chromium.NewPageAsync; elsewhere evaluated through the DevTools protocol, once per
        // document. Either way the page's CSP (no inline script) does not block it.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
        {
            await page.EvaluateAsync(Source.Value);
        }
        var json = await page.EvaluateAsync<string>(
            """
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
              return JSON.stringify(result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })));
            }
            """);
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")
            .ToList();
    }
}

/// <summary>The screens every page is checked on, and what "scrolls sideways" means there.</summary>
public static class Screens
{
    /// <summary>A small phone, a common phone and a desktop window (width, height).</summary>
    public static readonly (int Width, int Height)[] Sizes = [(320, 700), (390, 844), (1280, 900)];

    /// <summary>How far the page scrolls sideways.</summary>
    public static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    /// <summary>The elements whose right edge passes the viewport's outside any scrolling box, for the failure message.</summary>
    public static Task<string> WiderThanViewportAsync(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                .filter(e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return false; return true; })
                .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')
              + ' text wider than its box: ' + [...document.body.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && e.clientWidth > 0).slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')
        """);
}
