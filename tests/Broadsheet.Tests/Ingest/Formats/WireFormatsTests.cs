using System.Diagnostics;
using System.Globalization;
using System.Text;
using Broadsheet.Ingest;
using Broadsheet.Ingest.Formats;
using Broadsheet.Tests.Unit;

namespace Broadsheet.Tests.Ingest.Formats;

/// <summary>Detection from the bytes, encodings, hostile XML, limits, and that nothing thrown ever escapes Parse.</summary>
public class WireFormatsTests
{
    private const string MinimalG2 = """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1"><contentMeta><headline>Café crème</headline></contentMeta><contentSet><inlineData contenttype="text/plain">Body</inlineData></contentSet></newsItem>""";

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public void The_content_decides_the_format_not_the_declared_type(string? contentType)
    {
        Assert.Equal(WireFormat.NewsMLG2, WireFormats.Parse(Encoding.UTF8.GetBytes(MinimalG2), contentType).Format);
        Assert.Equal(WireFormat.Ninjs, WireFormats.Parse(Encoding.UTF8.GetBytes(WireSamples.Ninjs1), contentType is null ? "application/xml" : contentType).Format);
    }

    [Fact]
    public void Byte_order_marks_and_leading_whitespace_are_read()
    {
        byte[] Bom(Encoding e, string text) => [.. e.GetPreamble(), .. e.GetBytes(text)];

        foreach (var encoding in new Encoding[] { new UTF8Encoding(true), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true), new UTF32Encoding(false, true) })
        {
            Assert.Equal("Café crème", Single(WireFormats.Parse(Bom(encoding, "\r\n  " + MinimalG2), null)).Headline);
            Assert.Equal("Old mill reopens as a bakery", Single(WireFormats.Parse(Bom(encoding, "\n\t" + WireSamples.Ninjs1), null)).Headline);
        }
    }

    [Theory]
    [InlineData("ISO-8859-1", "Café crème")]
    [InlineData("windows-1252", "Café crème")]
    public void Encodings_declared_in_the_prolog_are_honoured(string encodingName, string headline)
    {
        var xml = $"<?xml version=\"1.0\" encoding=\"{encodingName}\"?>\n" + MinimalG2;
        var bytes = Encoding.GetEncoding(encodingName).GetBytes(xml);

        Assert.Equal(headline, Single(WireFormats.Parse(bytes, null)).Headline);
    }

    [Fact]
    public void External_entities_are_never_resolved()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        try
        {
            var xml = $"""<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file://{secret}">]><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g"><contentMeta><headline>&xxe;</headline></contentMeta></newsItem>""";

            var parse = WireFormats.Parse(Encoding.UTF8.GetBytes(xml), "application/xml");

            Assert.DoesNotContain("TOP-SECRET", parse.Refusal + string.Join("", parse.Items.Select(i => i.Item?.Headline + i.Reason)), StringComparison.Ordinal);
            Assert.StartsWith("not well-formed XML at line 1", parse.Refusal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Billion_laughs_is_refused_at_once()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append(CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE nitf [{entities}]><nitf><head><docdata><doc-id id-string=\"x\"/></docdata></head><body><body.content><p>&lol9;</p></body.content></body></nitf>";
        var clock = Stopwatch.StartNew();

        var parse = WireFormats.Parse(Encoding.UTF8.GetBytes(xml), null);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Contains("not well-formed XML", parse.Refusal);
    }

    [Theory]
    [InlineData("", "empty delivery: the body has no bytes")]
    [InlineData("   \n ", "empty delivery: the body is only whitespace")]
    [InlineData("Hello", "unknown format: the delivery starts with 'H', neither XML ('<') nor JSON ('{' or '[')")]
    [InlineData("42", "unknown format: the delivery starts with '4'")]
    [InlineData("<foo><bar/></foo>", "unknown format: the root element is <foo> in no known namespace")]
    [InlineData("<x:foo xmlns:x=\"urn:x\"/>", "unknown format: the root element is <foo> in namespace urn:x")]
    [InlineData("<newsItem guid=\"g\"/>", "(NewsML-G2 items are in namespace http://iptc.org/std/nar/2006-10-01/)")]
    [InlineData("\"a string\"", "unknown format: the delivery starts with '\"'")]
    [InlineData("{\"uri\": \"x\",\n\"headline\": }", "not well-formed JSON at line 2, column 13:")]
    [InlineData("<rss version=\"2.0\"><channel></rss>", "not well-formed XML at line 1, column 31: The 'channel' start tag")]
    [InlineData("<nitf>\n<head>\n<title>A</titl>", "not well-formed XML at line 3, column 11:")]
    [InlineData("[]", "no item: the delivery is well-formed but holds no news item")]
    public void Deliveries_that_are_no_wire_copy_are_refused_whole_with_a_reason(string body, string reason)
    {
        var parse = WireFormats.Parse(Encoding.UTF8.GetBytes(body), "application/xml");

        Assert.Empty(parse.Items);
        Assert.Contains(reason, parse.Refusal);
    }

    [Fact]
    public void Size_and_item_limits_refuse_the_delivery_whole()
    {
        var tooLarge = new byte[WireFormats.MaxBytes + 1];
        tooLarge.AsSpan().Fill((byte)' ');
        tooLarge[0] = (byte)'[';
        Assert.StartsWith("too large: the delivery is 16,777,217 bytes and the limit is 16,777,216 bytes", WireFormats.Parse(tooLarge, null).Refusal);

        var many = "[" + string.Join(",", Enumerable.Range(0, WireFormats.MaxItems + 1).Select(i => $"{{\"uri\":\"u{i}\"}}")) + "]";
        var parse = WireFormats.Parse(Encoding.UTF8.GetBytes(many), null);
        Assert.Empty(parse.Items);
        Assert.StartsWith("too many items: the delivery holds 1,001 items and the limit is 1,000", parse.Refusal);

        var atLimit = "[" + string.Join(",", Enumerable.Range(0, WireFormats.MaxItems).Select(i => $"{{\"uri\":\"u{i}\"}}")) + "]";
        Assert.Equal(WireFormats.MaxItems, WireFormats.Parse(Encoding.UTF8.GetBytes(atLimit), null).Items.Count);
    }

    [Fact]
    public void Random_bytes_and_mutated_deliveries_never_throw_and_every_item_is_read_or_refused()
    {
        var samples = WireSamples.All.Select(Encoding.UTF8.GetBytes)
            .Concat(new[] { "iptc-ninjs/examples/3.0/tt_text_image_3.json", "iptc-newsml-g2/examples/LISTING_22_Sports_story_in_NewsML-G2NITF.xml", "iptc-newsml-g2/examples/LISTING_3_Photo_in_NewsML-G2.xml" }
                .Select(f => File.ReadAllBytes(Path.Combine(WireFixtureTests.FixturesRoot, f))))
            .ToArray();

        Fuzz.Run("wire formats",
            r => r.Next(4) switch
            {
                0 => Encoding.UTF8.GetBytes(Fuzz.RandomText(r)),
                1 => Enumerable.Range(0, r.Next(200)).Select(_ => (byte)r.Next(256)).ToArray(),
                2 => Encoding.UTF8.GetBytes(Fuzz.Mutate(r, Encoding.UTF8.GetString(samples[r.Next(samples.Length)]))),
                _ => Fuzz.Mutate(r, samples[r.Next(samples.Length)]),
            },
            body =>
            {
                var parse = WireFormats.Parse(body, "application/xml");
                Assert.True(parse.Refusal is not null || parse.Items.Count > 0, "neither items nor a refusal");
                foreach (var item in parse.Items)
                {
                    Assert.True(item.Item is not null ^ item.Reason is not null, "an item must be read or refused, not both or neither");
                    Assert.False(string.IsNullOrWhiteSpace(item.Item?.ItemId ?? item.Reason));
                }
            },
            body => Encoding.UTF8.GetString(body));
    }

    private static WireItem Single(WireParse parse) =>
        Assert.Single(parse.Items).Item ?? throw new Xunit.Sdk.XunitException($"refused: {parse.Items[0].Reason}; {parse.Refusal}");
}
