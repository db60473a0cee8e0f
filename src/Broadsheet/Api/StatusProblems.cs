using Microsoft.AspNetCore.Routing.Template;

namespace Broadsheet.Api;

/// <summary>
/// Problem+json bodies for the bare status codes of the API: endpoint routing answers a path no endpoint takes
/// with 404, and a real route asked with another method with 405 and <c>Allow</c>; the problem names the path and
/// the methods it takes.
/// </summary>
public static class StatusProblems
{
    public static IApplicationBuilder UseStatusProblems(this IApplicationBuilder api) =>
        api.UseStatusCodePages(context => WriteAsync(context.HttpContext));

    private static async Task WriteAsync(HttpContext http)
    {
        var request = http.Request;
        string? detail = null;
        // Routing's 405 comes from an endpoint of its own, not a RouteEndpoint of the app.
        if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && http.GetEndpoint() is not RouteEndpoint)
        {
            if (SomeRouteTakes(http))
            {
                detail = $"{request.Path} takes {http.Response.Headers.Allow}, not {request.Method}.";
            }
            else
            {
                http.Response.Headers.Remove("Allow");
                http.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        }
        if (http.Response.StatusCode == StatusCodes.Status404NotFound && http.GetEndpoint() is not RouteEndpoint)
        {
            detail = $"No API endpoint at {request.Path}.";
        }
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode, Detail = detail },
        });
    }

    /// <summary>
    /// Whether a route that names its methods takes the path, constraints included. Routing's 405 weighs the path's
    /// segments and the methods but not route constraints (dotnet/aspnetcore#28535), so without this a path every
    /// route's constraint rejects would be a 405 for DELETE (/api/v1/articles/not-a-number) and a 404 for GET.
    /// </summary>
    private static bool SomeRouteTakes(HttpContext http)
    {
        var policies = http.RequestServices.GetRequiredService<ParameterPolicyFactory>();
        foreach (var endpoint in http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { HttpMethods.Count: > 0 })
            {
                continue;
            }
            var pattern = endpoint.RoutePattern;
            var values = new RouteValueDictionary();
            if (new TemplateMatcher(new RouteTemplate(pattern), new RouteValueDictionary(pattern.Defaults)).TryMatch(http.Request.Path, values)
                && pattern.ParameterPolicies.All(parameter => parameter.Value.All(reference =>
                    policies.Create(pattern.GetParameter(parameter.Key), reference) is not IRouteConstraint constraint
                    || constraint.Match(null, null, parameter.Key, values, RouteDirection.IncomingRequest))))
            {
                return true;
            }
        }
        return false;
    }
}
