using Microsoft.AspNetCore.Routing.Template;

namespace Broadsheet.Api;

/// <summary>
/// For a request the API's fallback caught: the methods that other endpoints accept at its path. The fallback matches
/// every method, so without this a wrong method on a real route would answer 404 instead of 405 with <c>Allow</c>.
/// Only error responses pay for it.
/// </summary>
public static class AllowedMethods
{
    public static IReadOnlyList<string> At(PathString path, EndpointDataSource endpoints, IInlineConstraintResolver constraints)
    {
        var methods = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { HttpMethods.Count: > 0 } accepted
                || endpoint.RoutePattern.RawText is null || endpoint.RoutePattern.RawText.Contains("{**", StringComparison.Ordinal))
            {
                continue;
            }
            var values = new RouteValueDictionary();
            if (new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary()).TryMatch(path, values)
                && ConstraintsHold(endpoint.RoutePattern, values, constraints))
            {
                methods.UnionWith(accepted.HttpMethods);
            }
        }
        return [.. methods];
    }

    private static bool ConstraintsHold(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, RouteValueDictionary values, IInlineConstraintResolver constraints)
    {
        foreach (var (name, policies) in pattern.ParameterPolicies)
        {
            foreach (var policy in policies)
            {
                if (policy.Content is { } text && constraints.ResolveConstraint(text) is { } constraint
                    && !constraint.Match(null, null, name, values, RouteDirection.IncomingRequest))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
