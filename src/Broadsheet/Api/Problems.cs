using System.Text.Json;
using System.Text.RegularExpressions;
using Broadsheet.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadsheet.Api;

/// <summary>RFC 9457 problem responses for the APIs, naming each bad field by its camelCase JSON path.</summary>
public static class Problems
{
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors, int status = StatusCodes.Status422UnprocessableEntity) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = status,
            Title = status == StatusCodes.Status400BadRequest ? "The request could not be read." : "Some fields are not valid.",
        });

    public static ProblemHttpResult Invalid(string field, string message, int status = StatusCodes.Status422UnprocessableEntity) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, status);

    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict);

    /// <summary>The problem for a write that did not happen.</summary>
    public static ProblemHttpResult From<T>(WriteResult<T> result)
        where T : class => result.Status switch
        {
            WriteStatus.Invalid => Invalid(result.Errors),
            WriteStatus.NotFound => NotFound(result.Message ?? "Not found."),
            WriteStatus.VersionMismatch => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status412PreconditionFailed),
            WriteStatus.Conflict => Conflict(result.Message ?? "Conflict."),
            _ => throw new InvalidOperationException($"{result.Status} is not a failure."),
        };
}

/// <summary>
/// Reads request bodies with System.Text.Json directly, so that malformed JSON and wrong types are answered
/// with a problem naming the field (from <see cref="JsonException.Path"/>) instead of an empty 400.
/// </summary>
public static partial class JsonBody
{
    /// <summary>Field name used for errors about the request body as a whole.</summary>
    public const string Whole = "$";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowOutOfOrderMetadataProperties = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        MaxDepth = 32,
    };

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (request.ContentType is { } contentType && !request.HasJsonContentType())
        {
            return (null, Problems.Invalid(Whole, $"Send the body as application/json, not {contentType}.", StatusCodes.Status415UnsupportedMediaType));
        }
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, ct);
            return value is null
                ? (null, Problems.Invalid(Whole, "A JSON object is required.", StatusCodes.Status400BadRequest))
                : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.Invalid(FieldOf(e.Path), MessageOf(e), StatusCodes.Status400BadRequest));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
        catch (NotSupportedException e)
        {
            // Raised for a block without a known "type"; the path is only in the message.
            var path = PathInMessage().Match(e.Message);
            return (null, Problems.Invalid(FieldOf(path.Success ? path.Groups[1].Value : null), "Needs a \"type\": paragraph, heading, quote, list, image, embed or divider.", StatusCodes.Status400BadRequest));
        }
    }

    /// <summary>The problem for a body over the server's request size limit (Kestrel's <c>MaxRequestBodySize</c>).</summary>
    public static ProblemHttpResult TooLarge() =>
        Problems.Invalid(Whole, "The request body is larger than this server accepts.", StatusCodes.Status413PayloadTooLarge);

    /// <summary><c>$.summary[2]</c> becomes <c>summary[2]</c>; the document itself is <c>$</c>.</summary>
    public static string FieldOf(string? path) => path is null or "$" ? Whole : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string MessageOf(JsonException e)
    {
        if (e.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "Has the wrong JSON type or format.";
        }
        if (e.Message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var missing = MissingProperties().Match(e.Message);
            return missing.Success ? $"Missing required properties: {missing.Groups[1].Value}." : "Missing required properties.";
        }
        if (e.Message.Contains("type discriminator", StringComparison.Ordinal) || e.Message.Contains("metadata property", StringComparison.Ordinal))
        {
            return "Unknown \"type\": use paragraph, heading, quote, list, image, embed or divider.";
        }
        if (e.Message.Contains("null values", StringComparison.Ordinal))
        {
            return "Must not be null.";
        }
        return e.LineNumber is { } line
            ? $"Not valid JSON (line {line + 1}, byte {e.BytePositionInLine + 1})."
            : "Not valid JSON.";
    }

    [GeneratedRegex(@"Path: (\$\S*)")]
    private static partial Regex PathInMessage();

    [GeneratedRegex(@"including: (.*?)\.?( Path:|$)")]
    private static partial Regex MissingProperties();
}

/// <summary>Optimistic concurrency through <c>If-Match</c> carrying an entity's version as its ETag.</summary>
public static class Versions
{
    public static string ETagOf(int version) => $"\"{version}\"";

    /// <summary>The version the client expects (null when it sent no If-Match or <c>*</c>), or a problem when the header is not a version.</summary>
    public static bool TryRead(HttpRequest request, out int? version, out ProblemHttpResult? problem)
    {
        version = null;
        problem = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return true;
        }
        var first = header.Split(',')[0].Trim();
        if (first.StartsWith("W/", StringComparison.Ordinal))
        {
            first = first[2..];
        }
        if (int.TryParse(first.Trim('"'), out var parsed))
        {
            version = parsed;
            return true;
        }
        problem = Problems.Invalid("If-Match", "Must be the version (ETag) of the entity being changed, e.g. \"3\".", StatusCodes.Status400BadRequest);
        return false;
    }
}
