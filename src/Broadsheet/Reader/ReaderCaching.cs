using System.Buffers;
using System.Buffers.Text;
using System.IO.Compression;
using System.IO.Hashing;
using Broadsheet.Rendering;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Reader;

/// <summary>
/// For reader pages: buffers the rendered page, gives it a weak ETag (a hash of the body), answers 304 to a
/// matching If-None-Match (or, without one, to an If-Modified-Since no older than a Last-Modified the endpoint set),
/// and sets Cache-Control from <see cref="CacheOptions"/>. A page for a client asking for Brotli is compressed here,
/// from the buffer in one call (<see cref="BrotliQuality"/>), and response compression passes it on as it is.
/// Streamed responses (<see cref="ReaderPageMarker.Streamed"/>) get Cache-Control only: buffering them would cost
/// memory in proportion to their size. It sits inside output caching, so the ETag, Cache-Control and the compressed
/// page are stored together and a cache hit (including its 304s) costs nothing here.
/// </summary>
public sealed class ReaderPageHeaders
{
    private static readonly StringValues NoCache = "no-cache";
    private static readonly StringValues NoStore = "no-store";
    private static readonly StringValues VaryAcceptEncoding = HeaderNames.AcceptEncoding;

    /// <summary>
    /// Brotli's quality 0 (one pass): an article page comes out about as small as at quality 1, the level response
    /// compression's Fastest uses, for about half the CPU, and compressing the whole buffered page in one call spares
    /// the compression stream and the copy into it. Gzip (caches in front, clients without Brotli) stays with
    /// response compression at its level.
    /// </summary>
    public const int BrotliQuality = 0;

    /// <summary>Brotli's window: 64 KB holds a whole page, so a larger one finds nothing more to refer back to.</summary>
    private const int BrotliWindow = 16;

    private readonly RequestDelegate next;
    private readonly StringValues cacheControl;
    private readonly StringValues redirectCacheControl;
    private readonly CacheOptions cache;

    public ReaderPageHeaders(RequestDelegate next, IOptions<BroadsheetOptions> options)
    {
        this.next = next;
        cache = options.Value.Cache;
        cacheControl = $"public, max-age={cache.MaxAgeSeconds}, s-maxage={cache.SharedMaxAgeSeconds}, " +
            $"stale-while-revalidate={cache.StaleWhileRevalidateSeconds}, stale-if-error={cache.StaleIfErrorSeconds}";
        redirectCacheControl = $"public, max-age={cache.MaxAgeSeconds}, s-maxage={cache.SharedMaxAgeSeconds}";
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || context.GetEndpoint()?.Metadata.GetMetadata<ReaderPageMarker>() is not { } marker)
        {
            await next(context);
            return;
        }

        var response = context.Response;
        if (!marker.Buffered)
        {
            response.OnStarting(() =>
            {
                AppendVary(response.Headers);
                response.Headers.CacheControl = CacheControlFor(response.StatusCode);
                return Task.CompletedTask;
            });
            await next(context);
            return;
        }

        var body = response.Body;
        using var buffer = new PooledBuffer(32 * 1024);
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        var headers = response.Headers;
        AppendVary(headers);
        switch (response.StatusCode)
        {
            case StatusCodes.Status200OK:
                var etag = WeakETag(buffer.Written.Span);
                headers.ETag = etag;
                headers.CacheControl = ResponseCacheLifetime.Of(context) is { } bound ? Bounded(bound) : cacheControl;
                if (Matches(request.Headers.IfNoneMatch, etag) || (request.Headers.IfNoneMatch.Count == 0 && NotModifiedSince(request, headers)))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    headers.ContentType = default;
                    return;
                }
                break;
            default:
                headers.CacheControl = CacheControlFor(response.StatusCode);
                break;
        }
        if (buffer.Length == 0)
        {
            return; // an empty error response: status-code pages still get to render it
        }
        var page = buffer.Written;
        if (HttpMethods.IsHead(request.Method))
        {
            response.ContentLength = page.Length;
            return;
        }
        if (request.Headers.AcceptEncoding == AcceptEncodingNormalizer.Brotli && IsHtml(headers.ContentType) && headers.ContentEncoding.Count == 0)
        {
            await WriteBrotliAsync(response, body, page, context.RequestAborted);
            return;
        }
        response.ContentLength = page.Length;
        await body.WriteAsync(page, context.RequestAborted);
    }

    private static async Task WriteBrotliAsync(HttpResponse response, Stream body, ReadOnlyMemory<byte> page, CancellationToken ct)
    {
        var compressed = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(page.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(page.Span, compressed, out var length, BrotliQuality, BrotliWindow))
            {
                throw new InvalidOperationException("Brotli could not compress the page into its maximum compressed length.");
            }
            response.Headers.ContentEncoding = AcceptEncodingNormalizer.Brotli;
            response.ContentLength = length;
            await body.WriteAsync(compressed.AsMemory(0, length), ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
        }
    }

    private static bool IsHtml(StringValues contentType) =>
        contentType.Count == 1 && contentType[0] is { } type && type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Cache-Control for a page that changes in <paramref name="bound"/>: no cache may keep it, or serve it stale, past then.</summary>
    private string Bounded(TimeSpan bound)
    {
        var seconds = (int)Math.Min(int.MaxValue, Math.Floor(bound.TotalSeconds));
        return $"public, max-age={Math.Min(seconds, cache.MaxAgeSeconds)}, s-maxage={Math.Min(seconds, cache.SharedMaxAgeSeconds)}";
    }

    private StringValues CacheControlFor(int status) => status switch
    {
        StatusCodes.Status200OK => cacheControl,
        StatusCodes.Status301MovedPermanently => redirectCacheControl,
        >= 500 => NoStore,
        _ => NoCache,
    };

    /// <summary>RFC 9110 13.1.3: the response's Last-Modified is no later than the date the client already has.</summary>
    private static bool NotModifiedSince(HttpRequest request, IHeaderDictionary headers) =>
        HeaderUtilities.TryParseDate(headers.LastModified.ToString(), out var modified)
        && HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
        && modified <= since;

    /// <summary>
    /// <c>W/"…"</c> over the body's XXH128: stable across renders, processes and instances for the same content. A
    /// validator needs no resistance to forgery (a client can only fool itself), and this hash costs a twentieth of SHA-256.
    /// </summary>
    public static string WeakETag(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(body, hash);
        return "W/\"" + Base64Url.EncodeToString(hash) + "\"";
    }

    private static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            if (value is null)
            {
                continue;
            }
            foreach (var candidate in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // Weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored.
                if (candidate == "*" || Opaque(candidate).SequenceEqual(Opaque(etag)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static ReadOnlySpan<char> Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag.AsSpan(2) : tag;

    private static void AppendVary(IHeaderDictionary headers)
    {
        foreach (var value in headers.Vary)
        {
            if (value is not null && value.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }
        headers.Append(HeaderNames.Vary, VaryAcceptEncoding);
    }
}

/// <summary>
/// A write-only stream over an array from the shared pool, for a page's body while <see cref="ReaderPageHeaders"/> hashes it:
/// a new 32 KB array per render was most of the bytes an uncached article page allocated (docs/benchmarks.md, "Memory,
/// fourth round"). The array goes back to the pool when the stream is disposed, after the body has been written on.
/// </summary>
internal sealed class PooledBuffer(int capacity) : Stream
{
    private byte[]? array = ArrayPool<byte>.Shared.Rent(capacity);
    private int length;

    /// <summary>What was written so far; valid until the stream is disposed.</summary>
    public ReadOnlyMemory<byte> Written => Rented.AsMemory(0, length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => array is not null;

    public override long Length => length;

    public override long Position { get => length; set => throw new NotSupportedException(); }

    private byte[] Rented => array ?? throw new ObjectDisposedException(nameof(PooledBuffer));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Rented.Length - length < buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(checked(Math.Max(2 * Rented.Length, length + buffer.Length)));
            Rented.AsSpan(0, length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(Rented);
            array = bigger;
        }
        buffer.CopyTo(Rented.AsSpan(length));
        length += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (array is { } rented)
        {
            array = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
        base.Dispose(disposing);
    }
}
