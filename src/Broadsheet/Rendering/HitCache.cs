using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Rendering;

/// <summary>
/// The reader pages the output cache stored, held in this process as they go on the wire (status, headers, body bytes),
/// so that a hit is answered at the front of the pipeline: before routing, the error pages, the security headers'
/// middleware and the output cache's own lookup, which finds the endpoint, builds a key, takes a lock and deserialises
/// the stored entry on every request. The answer is the output cache's, byte for byte: the same stored headers (the
/// security headers, ETag, <c>Cache-Control</c>, <c>Vary</c>, the surrogate keys and the <c>Date</c> the output cache
/// gave it), <c>Content-Length</c> and <c>Age</c> computed as it does.
/// <para>
/// An entry exists only for a response the output cache stored through <see cref="GuardedOutputCacheStore"/>, after its
/// eviction-ledger checks, from a reader page (<see cref="ReaderPageMarker"/>) asked for anonymously with GET or HEAD
/// (<see cref="Capture"/> records it on the way to the store). It is keyed as the reader policy varies the output cache
/// (method, scheme, host, path, the <c>page</c> query value, the normalised <c>Accept-Encoding</c>) and goes when one of its
/// tags is evicted through the store, when its lifetime ends, or when the cache passes <see cref="MaxBytes"/>. Conditional
/// requests (<c>If-None-Match</c>, <c>If-Modified-Since</c>) and anything not held take the whole pipeline, where the output
/// cache answers as before. Only for the in-process store: with Redis another instance's entries and response-only
/// evictions are not seen here.
/// </para>
/// </summary>
public sealed class HitCache
{
    /// <summary>A larger response (a big sitemap) is left to the output cache, so that capturing it costs no copy.</summary>
    public const int MaxEntryBytes = 256 * 1024;

    /// <summary>Past this many bytes of bodies held the cache starts again empty: the output cache still answers meanwhile.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    private static readonly KeyValuePair<string, object?> Hit = new("result", "hit");

    /// <summary><c>Age</c> values for the lifetime of an entry, so that a hit formats no number.</summary>
    private static readonly StringValues[] Ages = [.. Enumerable.Range(0, (int)ReaderCachePolicy.Lifetime.TotalSeconds + 2).Select(s => new StringValues(s.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    /// <summary>The output cache's clock (it takes no other), so that lifetimes and <c>Age</c> agree with its own.</summary>
    private readonly TimeProvider clock = TimeProvider.System;
    private readonly ConcurrentDictionary<Key, Entry> entries = new();
    private long bytes;

    /// <summary>How many responses are held.</summary>
    public int Count => entries.Count;

    /// <summary>
    /// Answers the request from the cache when it holds it: <paramref name="written"/> completes when the body is
    /// written. <paramref name="coding"/> is the request's normalised <c>Accept-Encoding</c>.
    /// </summary>
    public bool TryServe(HttpContext http, StringValues coding, out Task written)
    {
        written = Task.CompletedTask;
        if (entries.IsEmpty)
        {
            return false;
        }
        var request = http.Request;
        var headers = request.Headers;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || headers.Authorization.Count != 0 || headers.IfNoneMatch.Count != 0 || headers.IfModifiedSince.Count != 0)
        {
            return false;
        }
        var key = Key.Of(request, coding);
        if (!entries.TryGetValue(key, out var entry))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        if (now >= entry.Expires)
        {
            Remove(key, entry);
            return false;
        }
        var age = now - entry.Created;
        if (age <= TimeSpan.Zero)
        {
            return false;
        }
        var response = http.Response;
        response.StatusCode = entry.Status;
        var target = response.Headers;
        if (!entry.Chunked)
        {
            target.ContentLength = entry.Body.Length;
        }
        foreach (var (name, value) in entry.Headers)
        {
            target[name] = value;
        }
        var seconds = age.Ticks / TimeSpan.TicksPerSecond;
        target.Age = seconds < Ages.Length ? Ages[seconds] : HeaderUtilities.FormatNonNegativeInt64(seconds);
        Telemetry.OutputCacheRequests.Add(1, Hit);
        if (entry.Body.Length != 0)
        {
            written = WriteAsync(http, entry.Body);
        }
        return true;
    }

    private static Task WriteAsync(HttpContext http, byte[] body)
    {
        var write = http.Response.BodyWriter.WriteAsync(body, http.RequestAborted);
        return write.IsCompletedSuccessfully ? Task.CompletedTask : AwaitAsync(http, write);

        static async Task AwaitAsync(HttpContext http, ValueTask<System.IO.Pipelines.FlushResult> write)
        {
            try
            {
                await write;
            }
            catch (OperationCanceledException)
            {
                http.Abort();
            }
        }
    }

    /// <summary>
    /// Middleware, right inside the output cache: on a reader page's render that the output cache may store, records
    /// the status and headers at the body's first byte (when the output cache takes its own copy) and the body as it
    /// goes to the output cache, for <see cref="Publish"/>.
    /// </summary>
    public async Task Capture(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.Headers.Authorization.Count != 0
            || http.GetEndpoint()?.Metadata.GetMetadata<ReaderPageMarker>() is null
            || http.Features.Get<IOutputCacheFeature>()?.Context is not { AllowCacheStorage: true } context)
        {
            await next(http);
            return;
        }
        var response = http.Response;
        var body = response.Body;
        var capture = new CaptureStream(body, http, context, Key.Of(request, request.Headers.AcceptEncoding), clock);
        http.Features.Set(capture);
        response.Body = capture;
        try
        {
            await next(http);
            capture.Started();
        }
        finally
        {
            response.Body = body;
        }
    }

    /// <summary>
    /// Called by <see cref="GuardedOutputCacheStore"/> once the output cache stored the current request's response:
    /// holds it for the next hit.
    /// </summary>
    internal void Publish(HttpContext http, string[]? tags, TimeSpan validFor)
    {
        if (http.Features.Get<CaptureStream>() is not { } capture)
        {
            return;
        }
        http.Features.Set<CaptureStream?>(null);
        if (capture.Result(http.Features.Get<IOutputCacheFeature>()?.Context) is not { } result)
        {
            return;
        }
        var (status, captured, body, created) = result;
        // The output cache dates the response as it takes its copy of the headers, after the capture took this one.
        var headers = captured;
        if (!Array.Exists(captured, h => h.Name.Equals(HeaderNames.Date, StringComparison.OrdinalIgnoreCase))
            && http.Response.Headers.Date is { Count: > 0 } date)
        {
            headers = [.. captured, (HeaderNames.Date, date)];
        }
        var chunked = Array.Exists(headers, h => h.Name.Equals(HeaderNames.TransferEncoding, StringComparison.OrdinalIgnoreCase));
        var entry = new Entry(status, headers, body, created, created + validFor, tags ?? [], chunked);
        if (Interlocked.Add(ref bytes, entry.Size) > MaxBytes)
        {
            entries.Clear();
            Interlocked.Exchange(ref bytes, entry.Size);
        }
        entries.AddOrUpdate(capture.Key, entry, (_, old) =>
        {
            Interlocked.Add(ref bytes, -old.Size);
            return entry;
        });
    }

    /// <summary>Drops every response tagged <paramref name="tag"/>; called after the ledger records the eviction.</summary>
    public void Evict(string tag)
    {
        if (entries.IsEmpty)
        {
            return;
        }
        foreach (var pair in entries)
        {
            if (Array.IndexOf(pair.Value.Tags, tag) >= 0)
            {
                Remove(pair.Key, pair.Value);
            }
        }
    }

    private void Remove(Key key, Entry entry)
    {
        if (entries.TryRemove(KeyValuePair.Create(key, entry)))
        {
            Interlocked.Add(ref bytes, -entry.Size);
        }
    }

    private readonly record struct Key(string Method, string Scheme, string Host, string PathBase, string Path, string Page, string Coding)
    {
        public static Key Of(HttpRequest request, StringValues coding) => new(
            request.Method,
            request.Scheme,
            request.Host.Value ?? "",
            request.PathBase.Value ?? "",
            request.Path.Value ?? "",
            request.QueryString.HasValue ? request.Query["page"].ToString() : "",
            coding.ToString());
    }

    private sealed record Entry(int Status, (string Name, StringValues Value)[] Headers, byte[] Body, DateTimeOffset Created, DateTimeOffset Expires, string[] Tags, bool Chunked)
    {
        public long Size { get; } = Body.Length + 1024;
    }

    /// <summary>Passes the body on to the output cache's stream and keeps a copy, up to <see cref="MaxEntryBytes"/>.</summary>
    private sealed class CaptureStream(Stream inner, HttpContext http, OutputCacheContext context, Key key, TimeProvider clock) : Stream
    {
        private ArrayBufferWriter<byte>? body = new(16 * 1024);
        private (string Name, StringValues Value)[]? headers;
        private int status;
        private DateTimeOffset created;

        public Key Key { get; } = key;

        /// <summary>Takes the status and headers, once: at the first byte, or at the end of a response without a body.</summary>
        public void Started()
        {
            if (headers is not null)
            {
                return;
            }
            created = clock.GetUtcNow();
            status = http.Response.StatusCode;
            var list = new List<(string, StringValues)>(http.Response.Headers.Count);
            foreach (var header in http.Response.Headers)
            {
                // What the output cache leaves out of its entries.
                if (!header.Key.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
                    && !header.Key.Equals(HeaderNames.Age, StringComparison.OrdinalIgnoreCase)
                    && !header.Key.Equals(HeaderNames.RequestId, StringComparison.OrdinalIgnoreCase))
                {
                    list.Add((header.Key, header.Value));
                }
            }
            headers = [.. list];
        }

        public (int Status, (string Name, StringValues Value)[] Headers, byte[] Body, DateTimeOffset Created)? Result(OutputCacheContext? storing) =>
            storing == context && headers is not null && body is not null
                ? (status, headers, body.WrittenSpan.ToArray(), created)
                : null;

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            Started();
            if (body is null)
            {
                return;
            }
            if (body.WrittenCount + bytes.Length > MaxEntryBytes)
            {
                body = null;
                return;
            }
            body.Write(bytes);
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
            Started();
            inner.Flush();
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Started();
            return inner.FlushAsync(cancellationToken);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Keep(buffer.AsSpan(offset, count));
            return inner.WriteAsync(buffer, offset, count, cancellationToken);
        }
    }
}
