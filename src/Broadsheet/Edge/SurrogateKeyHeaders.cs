using System.Buffers;
using Broadsheet.Rendering;
using Microsoft.Extensions.Options;

namespace Broadsheet.Edge;

/// <summary>
/// Gives every cacheable response its cache tags as surrogate keys: <c>Surrogate-Key</c> (Fastly, Varnish's xkey;
/// space-separated) and <c>Cache-Tag</c> (Cloudflare; comma-separated). With a purger configured, the shared cache may
/// also keep the page for <see cref="EdgeOptions.SharedMaxAgeSeconds"/> (<c>Surrogate-Control</c>, <c>CDN-Cache-Control</c>),
/// since every change purges it. It sits inside output caching, and adds the headers before the body's first byte, so
/// they are stored with the page.
/// </summary>
public sealed class SurrogateKeyHeaders(RequestDelegate next, IOptions<EdgeOptions> options)
{
    public const string SurrogateKey = "Surrogate-Key";
    public const string CacheTag = "Cache-Tag";

    /// <summary>What a key may hold: visible ASCII but the comma, the Cache-Tag list's separator.</summary>
    private static readonly SearchValues<char> HeaderSafe = SearchValues.Create([.. Enumerable.Range('!', '~' - '!' + 1).Select(c => (char)c).Where(c => c != ',')]);

    private readonly string? sharedControl = options.Value.Purger == PurgerKind.None ? null : $"max-age={options.Value.SharedMaxAgeSeconds}";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        // The output cache outside takes its copy of the headers at the body's first write, before OnStarting runs:
        // the keys are added at that write (or at the start of a response without a body), so stored pages keep them.
        var added = false;
        void Add()
        {
            if (!added)
            {
                added = true;
                AddHeaders(context, sharedControl);
            }
        }
        context.Response.OnStarting(() =>
        {
            Add();
            return Task.CompletedTask;
        });
        var body = context.Response.Body;
        context.Response.Body = new FirstWriteStream(body, Add);
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }
    }

    /// <summary>Passes everything through; calls <c>first</c> once, before the first byte goes on.</summary>
    private sealed class FirstWriteStream(Stream inner, Action first) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            first();
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            first();
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            first();
            return inner.WriteAsync(buffer, offset, count, cancellationToken);
        }
    }

    private static void AddHeaders(HttpContext http, string? sharedControl)
    {
        var response = http.Response;
        var tags = ResponseCacheTags.Of(http);
        if (tags.Count == 0 || !IsPublic(response))
        {
            return;
        }
        var keys = new List<string>(tags.Count);
        foreach (var tag in tags)
        {
            if (IsHeaderSafe(tag))
            {
                keys.Add(tag);
            }
        }
        keys.Sort(StringComparer.Ordinal);
        response.Headers[SurrogateKey] = string.Join(' ', keys);
        response.Headers[CacheTag] = string.Join(',', keys);
        if (sharedControl is not null && response.StatusCode == StatusCodes.Status200OK)
        {
            response.Headers["Surrogate-Control"] = sharedControl;
            response.Headers["CDN-Cache-Control"] = sharedControl;
        }
    }

    private static bool IsPublic(HttpResponse response) =>
        response.Headers.CacheControl.ToString() is { Length: > 0 } control
        && control.Contains("public", StringComparison.OrdinalIgnoreCase)
        && !control.Contains("no-store", StringComparison.OrdinalIgnoreCase)
        && !control.Contains("private", StringComparison.OrdinalIgnoreCase)
        && response.Headers.SetCookie.Count == 0;

    /// <summary>A key can hold neither of the lists' separators nor a control character.</summary>
    private static bool IsHeaderSafe(string tag) => tag.Length > 0 && tag.AsSpan().IndexOfAnyExcept(HeaderSafe) < 0;
}
