using System.Text.Json;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Media;

namespace Broadsheet.Tests.Unit;

/// <summary>The article read's JSON readers (<see cref="StoredJson"/>) answer exactly as the serializer does, on its own output and on other spellings.</summary>
public class StoredJsonTests
{
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, BroadsheetDb.Json);

    private static void SameAsSerializer<T>(string json, Func<string, T> read) =>
        Assert.Equal(Json(JsonSerializer.Deserialize<T>(json, BroadsheetDb.Json)), Json(read(json)));

    [Fact]
    public void Every_block_type_reads_back_as_written()
    {
        List<Block> body =
        [
            new ParagraphBlock([new Inline("Plain, \"quoted\" \u00e9 \u6f22\u5b57 \ud83d\udcf0 <tag> & "), new Inline("bold", Bold: true), new Inline("italic", Italic: true), new Inline("link", true, true, "https://example.com/?a=1&b=2")]),
            new HeadingBlock("A heading"),
            new HeadingBlock("A lower heading", 3),
            new QuoteBlock([new Inline("Said.")]),
            new QuoteBlock([new Inline("Pulled.")], "Someone", Pull: true),
            new ListBlock([[new Inline("one")], [new Inline("two", Bold: true), new Inline(" more")]]),
            new ListBlock([[new Inline("first")]], Ordered: true),
            new ImageBlock(Guid.NewGuid()),
            new ImageBlock(Guid.NewGuid(), "Caption", "Credit", "Alt"),
            new EmbedBlock("https://example.com/clip"),
            new EmbedBlock("https://example.com/clip", "A clip", "Example"),
            new DividerBlock(),
            new SourcesBlock([new SourceEntry("A report", "https://example.com/r"), new SourceEntry("Data", "https://example.com/d", "table 2")]),
        ];
        var json = Json(body);

        Assert.Equal(json, Json(StoredJson.Body(json)));
        SameAsSerializer(json, StoredJson.Body);
        SameAsSerializer("[]", StoredJson.Body);
    }

    [Theory]
    [InlineData("""[{"Type":"heading","Text":"Capitals","Level":4}]""")]
    [InlineData("""[{"type":"heading","text":"A string level","level":"4"}]""")]
    [InlineData("""[{"type":"paragraph","content":[{"text":"x","extra":1}]}]""")]
    [InlineData("""[{"content":[{"text":"type last"}],"type":"paragraph"}]""")]
    [InlineData("""[{"type":"heading","text":null}]""")]
    [InlineData("""[ {"type" : "divider"} ,{"type":"list","items":[],"ordered":false}]""")]
    public void Other_spellings_read_as_the_serializer_reads_them(string json)
    {
        Exception? expected = null;
        string? fromSerializer = null;
        try
        {
            fromSerializer = Json(JsonSerializer.Deserialize<List<Block>>(json, BroadsheetDb.Json));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            expected = e;
        }
        if (expected is null)
        {
            Assert.Equal(fromSerializer, Json(StoredJson.Body(json)));
        }
        else
        {
            Assert.Throws(expected.GetType(), () => StoredJson.Body(json));
        }
    }

    [Fact]
    public void String_lists_and_renditions_read_as_the_serializer_reads_them()
    {
        SameAsSerializer(Json(new List<string> { "One line.", "Two \"lines\" \u00e9." }), StoredJson.Strings);
        SameAsSerializer("[]", StoredJson.Strings);
        var renditions = Json(new List<Rendition> { new(480, 270, "webp", "/media/a-480.webp", 12_345), new(1280, 720, "jpeg", "/media/a-1280.jpg", 5_000_000_000) });
        Assert.Equal(renditions, Json(StoredJson.Renditions(renditions)));
        SameAsSerializer("""[{"Width":1,"height":"2","format":"webp","path":"/p","bytes":3}]""", StoredJson.Renditions);
    }
}
