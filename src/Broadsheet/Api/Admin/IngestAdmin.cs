using System.Security.Claims;
using Broadsheet.Ingest;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadsheet.Api.Admin;

/// <summary>The answer to a push: what became of each item of the delivery, in its order.</summary>
public sealed record IngestResultJson(IReadOnlyList<WireOutcome> Items);

/// <summary>A delivery as the agency sends it, documented for the OpenAPI document (the handler reads the raw bytes).</summary>
public sealed record IngestBodyDoc(string Body);

internal static class IngestAdmin
{
    public static void MapIngestAdmin(this RouteGroupBuilder admin, IngestOptions options)
    {
        admin.MapPost("/ingest", Push).WithTags("Admin: wire").WithName("AdminIngest")
            .WithSummary("Pushes one wire delivery (NewsML-G2, ninjs, NITF, NewsML 1, RSS or Atom) as received, any Content-Type; the format is detected from the content. "
                + "Answers with each item's status: created, updated, duplicate, killed, held or quarantined. ?source=NAME names the source, else the source whose ApiKey is this key's name.")
            .Reads<IngestBodyDoc>("application/octet-stream")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(new UploadLimit(options.MaxDeliveryBytes + 1));
    }

    private static async Task<Results<Ok<IngestResultJson>, ProblemHttpResult>> Push(
        HttpRequest request, ClaimsPrincipal user, string? source, WireDesk desk, WireSourceRules sources, Microsoft.Extensions.Options.IOptions<IngestOptions> options, CancellationToken ct)
    {
        var max = options.Value.MaxDeliveryBytes;
        var tooLarge = TypedResults.Problem($"The delivery is larger than the {max} byte limit (Broadsheet:Ingest:MaxDeliveryBytes).", statusCode: StatusCodes.Status413PayloadTooLarge);
        if (request.ContentLength > max)
        {
            return tooLarge;
        }
        byte[] body;
        try
        {
            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                if (copy.Length + read > max)
                {
                    return tooLarge;
                }
                copy.Write(buffer, 0, read);
            }
            body = copy.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }
        var name = InputName(source);
        if (name is null && user.Identity?.Name is { } keyName && await sources.ForApiKeyAsync(keyName, ct) is { } keySource)
        {
            name = keySource.Name;
        }
        var receipt = await desk.ReceiveAsync(new WireDelivery(body, request.ContentType, "push", name), ct);
        if (receipt.NotAnItem is { } reason)
        {
            return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The delivery holds no wire item.",
                Detail = reason + " The bytes are kept in the wire quarantine.",
                Extensions = { ["quarantined"] = true },
            });
        }
        return TypedResults.Ok(new IngestResultJson(receipt.Items));
    }

    private static string? InputName(string? source)
    {
        var name = source?.Trim();
        return string.IsNullOrEmpty(name) ? null : name.Length <= WireSource.MaxName ? name : name[..WireSource.MaxName];
    }
}
