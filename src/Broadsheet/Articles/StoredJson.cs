using System.Buffers;
using System.Text;
using System.Text.Json;
using Broadsheet.Data;
using Broadsheet.Media;

namespace Broadsheet.Articles;

/// <summary>
/// Readers for the JSON columns the article page reads (the body, the summary and other string lists, image renditions),
/// written for <see cref="Utf8JsonReader"/> and the exact shape <see cref="BroadsheetDb.Json"/> writes: camelCase names,
/// the block's <c>type</c> first. The serializer's polymorphic, constructor-bound deserialisation of a body was a tenth of
/// an uncached render. Anything else (another spelling of a name, a property this does not know, a string where a number
/// belongs) goes to the serializer with the same options, so the result is always the serializer's.
/// </summary>
internal static class StoredJson
{
    /// <summary>A reader from the stored text to <paramref name="type"/>, or null when this has none for it.</summary>
    public static Func<object?, object?>? ReaderFor(Type type) =>
        type == typeof(List<Block>) ? text => Read((string)text!, ReadBody)
        : type == typeof(List<string>) ? text => Read((string)text!, ReadStrings)
        : type == typeof(List<Rendition>) ? text => Read((string)text!, ReadRenditions)
        : null;

    private delegate T ReadFn<T>(ref Utf8JsonReader reader);

    public static List<Block> Body(string json) => Read(json, ReadBody);

    public static List<string> Strings(string json) => Read(json, ReadStrings);

    public static List<Rendition> Renditions(string json) => Read(json, ReadRenditions);

    private static T Read<T>(string json, ReadFn<T> read)
        where T : class
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, rented);
            var reader = new Utf8JsonReader(rented.AsSpan(0, length));
            try
            {
                reader.Read();
                var value = read(ref reader);
                if (reader.Read())
                {
                    throw Unexpected();
                }
                return value;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                return JsonSerializer.Deserialize<T>(json, BroadsheetDb.Json)!;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Leaves the fast path for the serializer's, which reads the text again and answers as it always does.</summary>
    private static JsonException Unexpected() => new("Not in the shape this reader knows.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw Unexpected();
        }
    }

    private static List<string> ReadStrings(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(String(ref reader)!);
        }
        return list;
    }

    private static List<Rendition> ReadRenditions(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var list = new List<Rendition>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartObject);
            int width = 0, height = 0;
            string? format = null, path = null;
            long bytes = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.ValueTextEquals("width"u8))
                {
                    width = Int(ref reader);
                }
                else if (reader.ValueTextEquals("height"u8))
                {
                    height = Int(ref reader);
                }
                else if (reader.ValueTextEquals("format"u8))
                {
                    format = Next(ref reader);
                }
                else if (reader.ValueTextEquals("path"u8))
                {
                    path = Next(ref reader);
                }
                else if (reader.ValueTextEquals("bytes"u8))
                {
                    reader.Read();
                    Expect(ref reader, JsonTokenType.Number);
                    bytes = reader.TryGetInt64(out var value) ? value : throw Unexpected();
                }
                else
                {
                    throw Unexpected();
                }
            }
            list.Add(new Rendition(width, height, format!, path!, bytes));
        }
        return list;
    }

    private static List<Block> ReadBody(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var list = new List<Block>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(ReadBlock(ref reader));
        }
        return list;
    }

    private static Block ReadBlock(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        reader.Read();
        if (!reader.ValueTextEquals("type"u8))
        {
            throw Unexpected();
        }
        reader.Read();
        Expect(ref reader, JsonTokenType.String);
        if (reader.ValueTextEquals("paragraph"u8))
        {
            IReadOnlyList<Inline> content = null!;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                content = reader.ValueTextEquals("content"u8) ? NextRuns(ref reader) : throw Unexpected();
            }
            return new ParagraphBlock(content);
        }
        if (reader.ValueTextEquals("heading"u8))
        {
            string text = null!;
            var level = 2;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.ValueTextEquals("text"u8))
                {
                    text = Next(ref reader)!;
                }
                else if (reader.ValueTextEquals("level"u8))
                {
                    level = Int(ref reader);
                }
                else
                {
                    throw Unexpected();
                }
            }
            return new HeadingBlock(text, level);
        }
        if (reader.ValueTextEquals("quote"u8))
        {
            IReadOnlyList<Inline> content = null!;
            string? attribution = null;
            var pull = false;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.ValueTextEquals("content"u8))
                {
                    content = NextRuns(ref reader);
                }
                else if (reader.ValueTextEquals("attribution"u8))
                {
                    attribution = Next(ref reader);
                }
                else if (reader.ValueTextEquals("pull"u8))
                {
                    pull = Bool(ref reader);
                }
                else
                {
                    throw Unexpected();
                }
            }
            return new QuoteBlock(content, attribution, pull);
        }
        if (reader.ValueTextEquals("list"u8))
        {
            List<IReadOnlyList<Inline>> items = null!;
            var ordered = false;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.ValueTextEquals("items"u8))
                {
                    reader.Read();
                    Expect(ref reader, JsonTokenType.StartArray);
                    items = [];
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(Runs(ref reader));
                    }
                }
                else if (reader.ValueTextEquals("ordered"u8))
                {
                    ordered = Bool(ref reader);
                }
                else
                {
                    throw Unexpected();
                }
            }
            return new ListBlock(items, ordered);
        }
        if (reader.ValueTextEquals("image"u8))
        {
            var imageId = Guid.Empty;
            string? caption = null, credit = null, alt = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.ValueTextEquals("imageId"u8))
                {
                    reader.Read();
                    Expect(ref reader, JsonTokenType.String);
                    imageId = reader.TryGetGuid(out var id) ? id : throw Unexpected();
                }
                else if (reader.ValueTextEquals("caption"u8))
                {
                    caption = Next(ref reader);
                }
                else if (reader.ValueTextEquals("credit"u8))
                {
                    credit = Next(ref reader);
                }
                else if (reader.ValueTextEquals("alt"u8))
                {
                    alt = Next(ref reader);
                }
                else
                {
                    throw Unexpected();
                }
            }
            return new ImageBlock(imageId, caption, credit, alt);
        }
        if (reader.ValueTextEquals("embed"u8))
        {
            string url = null!;
            string? title = null, provider = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.ValueTextEquals("url"u8))
                {
                    url = Next(ref reader)!;
                }
                else if (reader.ValueTextEquals("title"u8))
                {
                    title = Next(ref reader);
                }
                else if (reader.ValueTextEquals("provider"u8))
                {
                    provider = Next(ref reader);
                }
                else
                {
                    throw Unexpected();
                }
            }
            return new EmbedBlock(url, title, provider);
        }
        if (reader.ValueTextEquals("divider"u8))
        {
            reader.Read();
            Expect(ref reader, JsonTokenType.EndObject);
            return new DividerBlock();
        }
        if (reader.ValueTextEquals("sources"u8))
        {
            List<SourceEntry> items = null!;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (!reader.ValueTextEquals("items"u8))
                {
                    throw Unexpected();
                }
                reader.Read();
                Expect(ref reader, JsonTokenType.StartArray);
                items = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadSource(ref reader));
                }
            }
            return new SourcesBlock(items);
        }
        throw Unexpected();
    }

    private static SourceEntry ReadSource(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string title = null!, url = null!;
        string? note = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("title"u8))
            {
                title = Next(ref reader)!;
            }
            else if (reader.ValueTextEquals("url"u8))
            {
                url = Next(ref reader)!;
            }
            else if (reader.ValueTextEquals("note"u8))
            {
                note = Next(ref reader);
            }
            else
            {
                throw Unexpected();
            }
        }
        return new SourceEntry(title, url, note);
    }

    private static List<Inline> NextRuns(ref Utf8JsonReader reader)
    {
        reader.Read();
        return Runs(ref reader);
    }

    private static List<Inline> Runs(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var runs = new List<Inline>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartObject);
            string text = null!;
            string? href = null;
            bool bold = false, italic = false;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.ValueTextEquals("text"u8))
                {
                    text = Next(ref reader)!;
                }
                else if (reader.ValueTextEquals("bold"u8))
                {
                    bold = Bool(ref reader);
                }
                else if (reader.ValueTextEquals("italic"u8))
                {
                    italic = Bool(ref reader);
                }
                else if (reader.ValueTextEquals("href"u8))
                {
                    href = Next(ref reader);
                }
                else
                {
                    throw Unexpected();
                }
            }
            runs.Add(new Inline(text, bold, italic, href));
        }
        return runs;
    }

    /// <summary>The next value, a string or null.</summary>
    private static string? Next(ref Utf8JsonReader reader)
    {
        reader.Read();
        return String(ref reader);
    }

    private static string? String(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Unexpected(),
    };

    private static int Int(ref Utf8JsonReader reader)
    {
        reader.Read();
        Expect(ref reader, JsonTokenType.Number);
        return reader.TryGetInt32(out var value) ? value : throw Unexpected();
    }

    private static bool Bool(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Unexpected(),
        };
    }
}
