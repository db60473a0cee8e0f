using Microsoft.OpenApi;

namespace Broadsheet.Api;

/// <summary>
/// Documents a request body that the handler reads itself. Unlike <c>Accepts&lt;T&gt;()</c> it takes no part in
/// routing, so a wrong content type still reaches authentication (401) and the handler (a problem naming the
/// field) instead of being turned away by the router.
/// </summary>
internal sealed record RequestBodyDoc(Type Type, string ContentType);

internal static class RequestBodyDocs
{
    public static RouteHandlerBuilder Reads<T>(this RouteHandlerBuilder endpoint, string contentType = "application/json") =>
        endpoint.WithMetadata(new RequestBodyDoc(typeof(T), contentType));

    public static async Task DescribeAsync(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestBodyDoc>().FirstOrDefault() is not { } doc)
        {
            return;
        }
        var schema = await context.GetOrCreateSchemaAsync(doc.Type, null, ct);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { [doc.ContentType] = new() { Schema = schema } },
        };
    }
}
