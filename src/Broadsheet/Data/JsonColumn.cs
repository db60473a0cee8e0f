using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Broadsheet.Data;

/// <summary>A value stored as JSON text (bodies, summaries, renditions), compared by its JSON so in-place edits are saved.</summary>
public static class JsonColumn
{
    public static ValueConverter<T, string> Converter<T>()
        where T : class =>
        new(v => System.Text.Json.JsonSerializer.Serialize(v, BroadsheetDb.Json), s => System.Text.Json.JsonSerializer.Deserialize<T>(s, BroadsheetDb.Json)!);

    public static ValueComparer<T> Comparer<T>()
        where T : class =>
        new(
            (a, b) => System.Text.Json.JsonSerializer.Serialize(a, BroadsheetDb.Json) == System.Text.Json.JsonSerializer.Serialize(b, BroadsheetDb.Json),
            v => System.Text.Json.JsonSerializer.Serialize(v, BroadsheetDb.Json).GetHashCode(StringComparison.Ordinal),
            v => System.Text.Json.JsonSerializer.Deserialize<T>(System.Text.Json.JsonSerializer.Serialize(v, BroadsheetDb.Json), BroadsheetDb.Json)!);
}
