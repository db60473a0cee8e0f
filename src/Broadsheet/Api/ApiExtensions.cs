using Broadsheet.Api.Admin;
using Broadsheet.Api.Public;
using Broadsheet.Syndication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Broadsheet.Api;

public static class ApiExtensions
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddProblemDetails();

        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthenticationHandler.AdminPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());

        var cache = builder.Configuration.GetSection($"{BroadsheetOptions.Section}:Cache").Get<CacheOptions>() ?? new CacheOptions();
        builder.Services.AddOutputCache(options => options.AddPolicy(
            PublicCaching.PolicyName,
            policy => policy
                .Expire(TimeSpan.FromSeconds(cache.SharedMaxAgeSeconds))
                .SetVaryByQuery("section", "topic", "author", "page", "pageSize", "q", "type", "from", "to", "sort")
                // The cache sits outside response compression, so it stores one copy per coding; without this a
                // Brotli copy would be served to clients that cannot read it.
                .SetVaryByHeader(Microsoft.Net.Http.Headers.HeaderNames.AcceptEncoding)
                // An article has several representations (JSON, ninjs 2 and 3, NewsML-G2): one entry per format asked for.
                .VaryByValue(http => new KeyValuePair<string, string>("format", ArticleFormats.CacheKey(http)))));

        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Broadsheet API";
                document.Info.Description = "Public content API (/api/v1, published content only) and admin API (/api/admin, API key as Authorization: Bearer).";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An admin API key (dotnet run --project src/Broadsheet -- apikey create NAME).",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(RequestBodyDocs.DescribeAsync);
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.RelativePath?.StartsWith("api/admin", StringComparison.Ordinal) == true)
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] });
                }
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>JSON errors (problem+json) for API clients only; the reader site has its own HTML error pages. Program.cs places it.</summary>
    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/api"),
            api =>
            {
                api.UseExceptionHandler();
                api.UseStatusProblems();
            });
        return app;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapPublicApi();

        var admin = app.MapGroup("/api/admin")
            .RequireAuthorization(ApiKeyAuthenticationHandler.AdminPolicy)
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.CacheControl = "no-store";
                return await next(context);
            })
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        admin.MapArticlesAdmin();
        admin.MapSectionsAdmin();
        admin.MapTopicsAdmin();
        admin.MapContributorsAdmin();
        admin.MapStandardsAdmin();
        admin.MapAdsAdmin();
        admin.MapFrontPageAdmin();
        admin.MapImagesAdmin(app.Services.GetRequiredService<IOptions<BroadsheetOptions>>().Value.Media);
        admin.MapIngestAdmin(app.Services.GetRequiredService<IOptions<Ingest.IngestOptions>>().Value);
        return app;
    }
}
