using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Broadsheet.Tests.Unit;

/// <summary>
/// Seeded random and mutated inputs for the parsers that take outside input. A few hundred cases per parser in the
/// suite; <c>BROADSHEET_FUZZ_ITERATIONS</c> runs more, <c>BROADSHEET_FUZZ_SEED</c> another sequence (a failure names
/// its seed and case, so it can be replayed).
/// </summary>
internal static class Fuzz
{
    public static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("BROADSHEET_FUZZ_ITERATIONS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 300;

    public static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("BROADSHEET_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261206;

    /// <summary>How long one input may take: generous for a loaded machine, far below what a runaway parse takes.</summary>
    public static readonly TimeSpan PerInput = TimeSpan.FromSeconds(2);

    /// <summary>Pieces that parsers treat specially, to build inputs from and to splice into valid ones.</summary>
    public static readonly string[] Fragments =
    [
        "*", "**", "_", "__", "`", "```", "#", "## ", "> ", "- ", "1. ", "[", "]", "(", ")", "![", "](", "\\", "\n", "\n\n", "\r\n", "\t", "    ",
        "---", "***", "|", "<", ">", "&", "&amp;", "&lt;", "&#0;", "&#x110000;", "&#xD800;", "&nbsp;", "\"", "'",
        "<p>", "</p>", "<b>", "</b>", "<i>", "<em>", "</em>", "<strong>", "<a href=\"https://example.org/x\">", "</a>",
        "<a href=\"javascript:alert(1)\">", "<a href=\" jav&#x09;ascript:alert(1)\">", "<a href=\"data:text/html,<script>alert(1)</script>\">",
        "<script>alert(1)</script>", "<SCRIPT SRC=//x>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<iframe src=//x>",
        "<h1>", "<h2>", "</h2>", "<h7>", "<blockquote>", "</blockquote>", "<ul>", "<ol>", "<li>", "</li>", "<br>", "<hr>", "<figure>",
        "<!--", "-->", "<![CDATA[", "]]>", "<?xml", "<style>", "</style>", "<table><tr><td>", "<div>", "</div>",
        "[link](javascript:alert(1))", "[link](https://example.org)", "<https://example.org>", "<javascript:alert(1)>",
        "media:00000000-0000-0000-0000-000000000000", "https://", "//evil.example", "/relative", "#anchor", "mailto:a@b.c",
        "\0", "\u0007", "\u001b", "\u007f", "\u0085", "\u00a0", "\u200b", "\u200d", "\u202e", "\u2028", "\u2029", "\ufeff", "\ufffd",
        "\uffff", "\ud83d\ude00", "\u0301", "é", "ß", "İ", "日本", "ﷺ", "\ud800", "\udc00",
    ];

    public static string RandomText(Random random, int maxPieces = 40)
    {
        var text = new StringBuilder();
        var pieces = random.Next(maxPieces + 1);
        for (var i = 0; i < pieces; i++)
        {
            text.Append(random.Next(4) switch
            {
                0 => new string((char)random.Next(0x20, 0x7f), random.Next(1, 8)),
                1 => ((char)random.Next(0, 0x10000)).ToString(),
                _ => Fragments[random.Next(Fragments.Length)],
            });
        }
        return text.ToString();
    }

    /// <summary>A valid sample changed a few times: characters spliced in, cut, repeated or swapped.</summary>
    public static string Mutate(Random random, string sample)
    {
        var text = new StringBuilder(sample);
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(5))
            {
                case 0:
                    text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1 when text.Length > 0:
                    text.Remove(Math.Min(at, text.Length - 1), Math.Min(random.Next(1, 10), text.Length - Math.Min(at, text.Length - 1)));
                    break;
                case 2 when at < text.Length:
                    var length = Math.Min(random.Next(1, 30), text.Length - at);
                    text.Insert(at, text.ToString(at, length), random.Next(1, 4));
                    break;
                case 3 when at < text.Length:
                    text[at] = (char)random.Next(0, 0x10000);
                    break;
                default:
                    text.Insert(at, RandomText(random, 3));
                    break;
            }
        }
        return text.ToString();
    }

    public static byte[] Mutate(Random random, byte[] sample)
    {
        var bytes = new List<byte>(sample);
        var edits = random.Next(1, 12);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(4))
            {
                case 0 when at < bytes.Count:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1 when at < bytes.Count:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at));
                    break;
                case 2:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 16)).Select(_ => (byte)random.Next(256)));
                    break;
                default:
                    // Truncation: uploads cut short.
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }
        return [.. bytes];
    }

    /// <summary>
    /// Runs <paramref name="check"/> on <see cref="Iterations"/> inputs, each within <see cref="PerInput"/>; a failure
    /// names the seed, the case and the input.
    /// </summary>
    public static void Run<T>(string name, Func<Random, T> generate, Action<T> check, Func<T, string>? show = null)
    {
        var random = new Random(Seed);
        for (var i = 0; i < Iterations; i++)
        {
            var input = generate(random);
            var clock = Stopwatch.StartNew();
            try
            {
                check(input);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{name}: case {i} (BROADSHEET_FUZZ_SEED={Seed}) failed on {Describe(input, show)}: {e}");
            }
            Assert.True(clock.Elapsed < PerInput, $"{name}: case {i} (BROADSHEET_FUZZ_SEED={Seed}) took {clock.Elapsed.TotalMilliseconds:0} ms on {Describe(input, show)}");
        }
    }

    public static async Task RunAsync<T>(string name, Func<Random, T> generate, Func<T, Task> check, Func<T, string>? show = null)
    {
        var random = new Random(Seed);
        for (var i = 0; i < Iterations; i++)
        {
            var input = generate(random);
            var clock = Stopwatch.StartNew();
            try
            {
                await check(input);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{name}: case {i} (BROADSHEET_FUZZ_SEED={Seed}) failed on {Describe(input, show)}: {e}");
            }
            Assert.True(clock.Elapsed < PerInput, $"{name}: case {i} (BROADSHEET_FUZZ_SEED={Seed}) took {clock.Elapsed.TotalMilliseconds:0} ms on {Describe(input, show)}");
        }
    }

    public static bool IsValidUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }
                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static string Describe<T>(T input, Func<T, string>? show)
    {
        var text = show?.Invoke(input) ?? input?.ToString() ?? "null";
        var escaped = string.Concat(text.Take(2000).Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
        return $"\"{escaped}\"";
    }
}
