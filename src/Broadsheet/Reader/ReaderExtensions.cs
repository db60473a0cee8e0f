using System.IO.Compression;
using System.Runtime.CompilerServices;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Edge;
using Broadsheet.Rendering;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Broadsheet.Reader;

public static class ReaderExtensions
{
    public static WebApplicationBuilder AddReader(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(BroadsheetOptions.Section).Get<BroadsheetOptions>() ?? new BroadsheetOptions();
        // Naming the server and its version helps only someone matching it against known flaws.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        builder.Services.AddRazorPages(o =>
        {
            // The root is the project, so that the newsroom's pages (/Newsroom) are found too; every page has an
            // absolute route. Only pages in /Reader are reader pages (ETags, public caching, output cache).
            o.RootDirectory = "/";
            o.Conventions.ConfigureFilter(new UnhandledMethodFilter());
            o.Conventions.AddFolderApplicationModelConvention("/Reader", page => page.EndpointMetadata.Add(ReaderPageMarker.Instance));
        });

        // Registered even when output caching is off, because ContentCache evicts through the store.
        builder.Services.AddOutputCache(o => o.AddPolicy(ReaderCachePolicy.Name, new ReaderCachePolicy()));
        if (!string.IsNullOrWhiteSpace(options.Redis))
        {
            AddRedisOutputCache(builder, options.Redis, options.RedisPrefix);
        }
        // Outermost: a response rendered before one of its tags was evicted is not stored (EvictionLedger).
        var store = builder.Services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        builder.Services.Remove(store);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<EvictionLedger>();
        // Hits answered at the front of the pipeline (HitCache): only with the in-process store, since with Redis the
        // entries and response-only evictions of other instances are not seen here.
        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            builder.Services.AddSingleton<HitCache>();
        }
        builder.Services.AddSingleton<IOutputCacheStore>(s => new GuardedOutputCacheStore(
            Resolve(store, s), s.GetRequiredService<EvictionLedger>(), s.GetRequiredService<IHttpContextAccessor>(), s.GetService<HitCache>()));

        builder.Services.AddResponseCompression(o =>
        {
            // Pages carry no secrets and no per-user data, so compressing over HTTPS opens no BREACH hole.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/problem+json"]);
        });
        // A page is compressed once per coding and then served from the output cache, so a render pays for the
        // compression and no hit does. Reader pages are Brotli-compressed by ReaderPageHeaders (quality 0, from its
        // buffer); for the rest Brotli, what browsers ask for, stays at Fastest (quality 1): Optimal
        // (quality 4) made the page ~10% smaller and cost a third of an uncached render. Gzip goes to the clients
        // without Brotli and to caches in front (Varnish asks the backend for gzip only), where each compressed copy
        // serves many readers: Optimal (level 6) sends an article page a quarter smaller (7.5 KB against 10.3) for a
        // fraction of a millisecond per render.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return builder;
    }

    private static IOutputCacheStore Resolve(ServiceDescriptor registered, IServiceProvider services) =>
        registered.ImplementationInstance as IOutputCacheStore
            ?? registered.ImplementationFactory?.Invoke(services) as IOutputCacheStore
            ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(services, registered.ImplementationType!);

    /// <summary>Error pages, security headers, compression, output caching, ETags: everything in front of the endpoints.</summary>
    public static WebApplication UseReaderPipeline(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<BroadsheetOptions>>().Value;
        var hits = options.Cache.OutputCache ? app.Services.GetService<HitCache>() : null;
        if (hits is not null)
        {
            // First: a held page is answered before routing and everything else a hit does not need (HitCache).
            app.Use((context, next) => hits.TryServe(context, AcceptEncodingNormalizer.Normalize(context.Request.Headers.AcceptEncoding), out var written)
                ? written
                : next(context));
        }

        app.UseWhen(IsApi, api => api.UseExceptionHandler(error => error.Run(context =>
            // A request Kestrel refuses while it is read (a body over the size limit, a bad chunk) is the client's fault.
            (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad
                ? TypedResults.Problem(title: "The request could not be read.", statusCode: bad.StatusCode)
                : TypedResults.Problem(title: "The server could not complete the request.", statusCode: StatusCodes.Status500InternalServerError))
                .ExecuteAsync(context))));
        app.UseWhen(context => !IsApi(context), site =>
        {
            site.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error/500",
                // DatabaseOutageHandler logs an outage once per interval; a stack trace per request would flood the log.
                SuppressDiagnosticsCallback = failure => DatabaseOutage.IsUnavailable(failure.Exception),
            });
            site.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<AcceptEncodingNormalizer>();
        app.UseRouting();
        // Outside compression: the cache stores each page compressed once per coding.
        if (options.Cache.OutputCache)
        {
            app.UseOutputCache();
            if (hits is not null)
            {
                app.Use(hits.Capture);
            }
        }
        app.UseSurrogateKeys();
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = static file =>
            {
                // URLs with ?v= (asp-append-version) change whenever the file does, so they never go stale.
                file.Context.Response.Headers.CacheControl = file.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "public, max-age=3600";
            },
        });
        app.UseMiddleware<ReaderPageHeaders>();
        return app;
    }

    public static WebApplication MapReader(this WebApplication app)
    {
        // The app has pages and minimal endpoints, no controllers: without the controllers' feature provider, building
        // the endpoints does not load every type of the assembly to look for them (docs/benchmarks.md, "Memory, fourth round").
        var parts = app.Services.GetRequiredService<ApplicationPartManager>().FeatureProviders;
        parts.Remove(parts.OfType<ControllerFeatureProvider>().Single());
        // The policy caches only the endpoints carrying ReaderPageMarker (the /Reader folder's pages, the article page).
        app.MapRazorPages()
            .CacheOutput(ReaderCachePolicy.Name);
        ArticlePage.Map(app);
        app.MapGet("/.well-known/security.txt", SecurityTxt).ExcludeFromDescription();
        app.MapGet("/opensearch.xml", OpenSearchDescription.GetAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>RFC 9116: how to report a security problem, from <see cref="BroadsheetOptions.SecurityContact"/>.</summary>
    private static IResult SecurityTxt(HttpContext http, IOptions<BroadsheetOptions> options, TimeProvider clock)
    {
        if (options.Value.SecurityContact is not { Length: > 0 } contact)
        {
            return TypedResults.NotFound();
        }
        var expires = clock.GetUtcNow().Date.AddDays(365).ToString("yyyy-MM-dd'T'00:00:00'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var canonical = options.Value.PublicUrl.TrimEnd('/') + "/.well-known/security.txt";
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.Text($"Contact: {contact}\nExpires: {expires}\nPreferred-Languages: en\nCanonical: {canonical}\n", "text/plain; charset=utf-8");
    }

    /// <summary>The output cache's store in Redis, failing open, and the change announcements between instances.</summary>
    // Apart and not inlined: a process without Redis then never loads the Redis client's assemblies.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddRedisOutputCache(WebApplicationBuilder builder, string redis, string prefix)
    {
        builder.Services.AddStackExchangeRedisOutputCache(o =>
        {
            o.ConfigurationOptions = RedisConnection(redis);
            o.InstanceName = prefix;
        });
        // Redis down must not take the site down: the store fails open (FailOpenOutputCacheStore).
        var redisStore = builder.Services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        builder.Services.Remove(redisStore);
        builder.Services.AddSingleton<IOutputCacheStore>(s => new FailOpenOutputCacheStore(
            Resolve(redisStore, s),
            s.GetRequiredService<TimeProvider>(),
            s.GetRequiredService<ILogger<FailOpenOutputCacheStore>>()));
        var webOnly = !builder.RunsWorkerJobs();
        builder.Services.AddSingleton(s => ActivatorUtilities.CreateInstance<RedisContentChanges>(s, webOnly));
        builder.Services.AddSingleton<IContentChangeBroadcast>(s => s.GetRequiredService<RedisContentChanges>());
        builder.Services.AddHostedService(s => s.GetRequiredService<RedisContentChanges>());
    }

    /// <summary>
    /// Redis's connection options for the app: a Redis that is down (at start or later) is retried in the background,
    /// and commands meanwhile fail at once instead of queueing for the command timeout under every request.
    /// </summary>
    public static ConfigurationOptions RedisConnection(string configuration)
    {
        var redis = ConfigurationOptions.Parse(configuration);
        redis.AbortOnConnectFail = false;
        redis.BacklogPolicy = BacklogPolicy.FailFast;
        return redis;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
