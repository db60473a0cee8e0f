using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Broadsheet.Api;
using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;
using Broadsheet.Rendering;
using Microsoft.AspNetCore.Http;

namespace Broadsheet.Tests.Unit;

/// <summary>
/// Random and mutated Markdown, HTML, typed-block JSON, links and slugs: no parser throws anything but its documented
/// validation error, each answers quickly, and what comes out is well-formed and renders without executable markup.
/// </summary>
public class BodyParserFuzzTests
{
    private static readonly string[] MarkdownSamples =
    [
        "The envoy spoke on **Thursday**.\n\nTalks continue.",
        "## Heading\n\nA [link](https://example.org/a?b=c) and *emphasis* and `code`.\n\n> A quote\n> — Someone\n\n- one\n- two\n\n1. first\n2. second\n\n---\n\n![Alt](media:3f2504e0-4f89-11d3-9a0c-0305e82c3301 \"Caption\")",
        "Line one  \nline two with **bold _and italic_** and <https://example.org>.\n\n```\ncode block\n```",
    ];

    private static readonly string[] HtmlSamples =
    [
        "<p>The envoy spoke on <strong>Thursday</strong>.</p><p>Talks continue.</p>",
        "<h2>Heading</h2><p>A <a href=\"https://example.org/a?b=c\">link</a> and <em>emphasis</em>.</p><blockquote><p>A quote</p><cite>Someone</cite></blockquote><ul><li>one</li><li>two</li></ul><ol><li>first</li></ol><hr><figure><img src=\"media:3f2504e0-4f89-11d3-9a0c-0305e82c3301\" alt=\"Alt\"><figcaption>Caption</figcaption></figure>",
        "<div><p>Nested <b>bold <i>italic</i></b><br>after break</p><table><tr><td>cell</td></tr></table></div>",
    ];

    private const string BlocksSample = """
        {"blocks":[
          {"type":"paragraph","content":[{"text":"Plain "},{"text":"bold","bold":true},{"text":"link","href":"https://example.org"}]},
          {"type":"heading","text":"A heading","level":2},
          {"type":"quote","content":[{"text":"Quoted","italic":true}],"attribution":"Someone","pull":true},
          {"type":"list","items":[[{"text":"one"}],[{"text":"two"}]],"ordered":true},
          {"type":"image","imageId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","caption":"Caption","credit":"Credit","alt":"Alt"},
          {"type":"embed","url":"https://www.youtube.com/watch?v=abc","title":"Video"},
          {"type":"divider"}
        ]}
        """;

    [Fact]
    public void Markdown_never_throws_and_its_blocks_are_well_formed() =>
        Fuzz.Run("markdown", r => r.Next(3) == 0 ? Fuzz.RandomText(r) : Fuzz.Mutate(r, MarkdownSamples[r.Next(MarkdownSamples.Length)]),
            markdown => AssertWellFormed(markdown, MarkdownBody.ToBlocks(markdown)));

    [Fact]
    public void Html_never_throws_and_its_blocks_are_well_formed() =>
        Fuzz.Run("html", r => r.Next(3) == 0 ? Fuzz.RandomText(r) : Fuzz.Mutate(r, HtmlSamples[r.Next(HtmlSamples.Length)]),
            html => AssertWellFormed(html, HtmlBody.ToBlocks(html)));

    /// <summary>Through <see cref="JsonBody.ReadAsync"/> as the API reads a request: bytes, so broken UTF-8 too.</summary>
    [Fact]
    public Task Typed_block_json_is_refused_with_a_problem_or_validated() =>
        Fuzz.RunAsync("blocks", r =>
        {
            var bytes = Encoding.UTF8.GetBytes(Fuzz.Mutate(r, BlocksSample));
            return r.Next(3) == 0 ? Fuzz.Mutate(r, bytes) : bytes;
        }, async bytes =>
        {
            var http = new DefaultHttpContext();
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(bytes);
            var (input, problem) = await JsonBody.ReadAsync<BodyInput>(http.Request, TestContext.Current.CancellationToken);
            if (input is null)
            {
                Assert.NotNull(problem);
                return;
            }
            var errors = new ValidationErrors();
            var blocks = input.ToBlocks("body", errors);
            Assert.True(blocks is not null || !errors.IsEmpty, "Refused without saying why");
            if (blocks is not null)
            {
                AssertWellFormed(null, blocks);
            }
        }, bytes => Encoding.UTF8.GetString(bytes));

    [Fact]
    public void Links_and_slugs_never_throw_and_stay_safe() =>
        Fuzz.Run("links and slugs", r => r.Next(2) == 0 ? Fuzz.RandomText(r, 6) : Fuzz.Mutate(r, "https://example.org/path?q=1#frag"), text =>
        {
            var href = Links.SafeHref(text);
            if (href is not null)
            {
                AssertRendersSafely([new Inline("x", Href: href)]);
            }
            _ = Links.IsWebUrl(text);
            Assert.True(!Links.TryParseMediaReference(text, out var id) || id != Guid.Empty || text.Contains(Guid.Empty.ToString(), StringComparison.OrdinalIgnoreCase));
            var slug = Slugs.From(text);
            Assert.True(slug.Length <= Slugs.MaxLength, $"slug of {slug.Length} characters");
            Assert.All(slug, c => Assert.True(c == '-' || (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) && char.ToLowerInvariant(c) == c, $"'{c}' in slug \"{slug}\""));
            Assert.True(Fuzz.IsValidUtf16(slug), $"Broken UTF-16 in slug \"{slug}\"");
        });

    /// <summary>Every string valid UTF-16 when the source was, every rule checked without throwing, and no executable markup when rendered.</summary>
    private static void AssertWellFormed(string? source, List<Block> blocks)
    {
        Assert.DoesNotContain(null, blocks);
        BodyRules.Validate(blocks, "body", new ValidationErrors());
        foreach (var block in blocks)
        {
            IEnumerable<IReadOnlyList<Inline>> runs = block switch
            {
                ParagraphBlock p => [p.Content],
                QuoteBlock q => [q.Content],
                ListBlock l => l.Items,
                _ => [],
            };
            foreach (var run in runs)
            {
                Assert.NotNull(run);
                Assert.DoesNotContain(null, run);
                AssertRendersSafely(run);
            }
            if (source is not null && Fuzz.IsValidUtf16(source))
            {
                var json = JsonSerializer.Serialize(block);
                var texts = runs.SelectMany(r => r).SelectMany(i => new[] { i.Text, i.Href ?? "" })
                    .Concat(block switch
                    {
                        HeadingBlock h => [h.Text],
                        QuoteBlock q => [q.Attribution ?? ""],
                        ImageBlock i => [i.Caption ?? "", i.Credit ?? "", i.Alt ?? ""],
                        EmbedBlock e => [e.Url, e.Title ?? "", e.Provider ?? ""],
                        _ => [],
                    });
                Assert.All(texts, t => Assert.True(Fuzz.IsValidUtf16(t), $"Broken UTF-16 in {json}"));
            }
        }
    }

    private static void AssertRendersSafely(IReadOnlyList<Inline> runs)
    {
        var writer = new StringWriter();
        new InlineMarkup(runs).WriteTo(writer, HtmlEncoder.Default);
        var html = writer.ToString();
        Assert.True(Fuzz.IsValidUtf16(html), "Rendered markup is not valid UTF-16");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        foreach (var href in html.Split("<a href=\"").Skip(1).Select(h => h[..h.IndexOf('"', StringComparison.Ordinal)]))
        {
            var scheme = System.Net.WebUtility.HtmlDecode(href).Trim().Split(':')[0].ToLowerInvariant();
            Assert.True(!href.Contains(':', StringComparison.Ordinal) || scheme is "http" or "https" or "mailto" || href.StartsWith('/') || href.StartsWith('#') || href.StartsWith('?'),
                $"Link to \"{href}\" in {html}");
        }
    }
}
