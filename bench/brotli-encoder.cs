// Brotli for one rendered page: the one-shot call ReaderPageHeaders makes (BrotliEncoder.TryCompress, quality 0, a
// 64 KB window) against a BrotliEncoder instance per page (Compress with the final block, then Dispose), on the pages
// given, alternating in rounds, and whether a finished encoder can take a second page (it cannot: .NET's encoder has no
// reset, so "one encoder per thread" would need a new native state per page, which is what the one-shot call makes).
// CPU per page from the process's CPU time; allocations from the GC's count for this thread.
//
//   dotnet run -c Release bench/brotli-encoder.cs -- page.html [more pages...]
using System.Buffers;
using System.Diagnostics;
using System.IO.Compression;

const int Quality = 0;
const int Window = 16;
var pages = args.Select(File.ReadAllBytes).ToArray();
if (pages.Length == 0)
{
    Console.Error.WriteLine("usage: dotnet run -c Release bench/brotli-encoder.cs -- page.html [more pages...]");
    return 1;
}
var output = new byte[BrotliEncoder.GetMaxCompressedLength(pages.Max(p => p.Length))];

int OneShot(byte[] page)
{
    if (!BrotliEncoder.TryCompress(page, output, out var written, Quality, Window))
    {
        throw new InvalidOperationException("TryCompress failed");
    }
    return written;
}

int Instance(byte[] page)
{
    using var encoder = new BrotliEncoder(Quality, Window);
    var status = encoder.Compress(page, output, out var consumed, out var written, isFinalBlock: true);
    if (status != OperationStatus.Done || consumed != page.Length)
    {
        throw new InvalidOperationException($"Compress: {status}");
    }
    return written;
}

string Decoded(int length)
{
    using var brotli = new BrotliStream(new MemoryStream(output, 0, length), CompressionMode.Decompress);
    using var text = new StreamReader(brotli);
    return text.ReadToEnd();
}

// Both decode to the page.
foreach (var page in pages)
{
    var expected = System.Text.Encoding.UTF8.GetString(page);
    if (Decoded(OneShot(page)) != expected || Decoded(Instance(page)) != expected)
    {
        throw new InvalidOperationException("a compressed page does not decode to the page");
    }
}

// A finished encoder and a second page.
using (var reused = new BrotliEncoder(Quality, Window))
{
    reused.Compress(pages[0], output, out _, out _, isFinalBlock: true);
    var second = reused.Compress(pages[^1], output, out var consumed, out var written, isFinalBlock: true);
    Console.WriteLine($"a finished encoder given a second page: {second}, {consumed} bytes taken, {written} written");
}

const int Calls = 3000;
var process = Process.GetCurrentProcess();
(double Micros, double Bytes) Measure(Func<byte[], int> compress)
{
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    process.Refresh();
    var cpu = process.TotalProcessorTime;
    for (var i = 0; i < Calls; i++)
    {
        compress(pages[i % pages.Length]);
    }
    process.Refresh();
    return ((process.TotalProcessorTime - cpu).TotalMicroseconds / Calls, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)Calls);
}

Measure(OneShot);
Measure(Instance);
Console.WriteLine($"{pages.Length} pages, {pages.Sum(p => p.Length) / pages.Length} bytes on average, {Calls} calls per round; CPU µs per page (managed bytes allocated per page)");
Console.WriteLine("| round | TryCompress | BrotliEncoder instance |");
Console.WriteLine("|---|---|---|");
for (var round = 1; round <= 5; round++)
{
    var (a, aBytes) = Measure(OneShot);
    var (b, bBytes) = Measure(Instance);
    Console.WriteLine($"| {round} | {a:F1} ({aBytes:F0} B) | {b:F1} ({bBytes:F0} B) |");
}
return 0;
