namespace Broadsheet;

/// <summary>What one process of the deployment does; the same binary runs as either or both.</summary>
[Flags]
public enum ProcessRoles
{
    /// <summary>Serves readers, the newsroom and the APIs; runs no background job and loads no speech engine.</summary>
    Web = 1,

    /// <summary>Runs every background job (audio, scheduled publishing, ingest, embargoes, feed pings, sweeps); serves only the health endpoints.</summary>
    Worker = 2,

    /// <summary>One process doing everything: the default, as <c>./run.sh</c> runs it.</summary>
    All = Web | Worker,
}

/// <summary>
/// The process's role, from <c>Broadsheet:Role</c> (<c>web</c>, <c>worker</c> or <c>all</c>; environment
/// <c>Broadsheet__Role</c>; command line <c>--Broadsheet:Role web</c>, not <c>--role</c>, which the <c>user</c>
/// command uses for a newsroom role). Each folder registers its background jobs with
/// <see cref="AddWorkerJob{TJob}(WebApplicationBuilder)"/>, so that only worker processes run them, and nothing
/// central lists them.
/// </summary>
public static class Roles
{
    public const string Key = "Broadsheet:Role";

    /// <summary>The configured role; an unknown value stops the start with a sentence naming the setting.</summary>
    public static ProcessRoles Of(IConfiguration configuration)
    {
        var text = configuration[Key];
        return Parse(text) ?? throw new InvalidOperationException(
            $"{Key} must be web, worker or all (both), not '{text}'.");
    }

    internal static ProcessRoles? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" or "both" or "web,worker" or "worker,web" => ProcessRoles.All,
        "web" => ProcessRoles.Web,
        "worker" => ProcessRoles.Worker,
        _ => null,
    };

    public static bool RunsWorkerJobs(this WebApplicationBuilder builder) => Of(builder.Configuration).HasFlag(ProcessRoles.Worker);

    public static bool ServesWeb(this WebApplicationBuilder builder) => Of(builder.Configuration).HasFlag(ProcessRoles.Web);

    public static bool ServesWeb(this WebApplication app) => Of(app.Configuration).HasFlag(ProcessRoles.Web);

    /// <summary>A background job that only a worker process runs (a web-only process does not even register it).</summary>
    public static WebApplicationBuilder AddWorkerJob<TJob>(this WebApplicationBuilder builder)
        where TJob : class, IHostedService
    {
        if (builder.RunsWorkerJobs())
        {
            builder.Services.AddHostedService<TJob>();
        }
        return builder;
    }

    /// <summary>As <see cref="AddWorkerJob{TJob}(WebApplicationBuilder)"/>, for a job also registered as a singleton that other services use.</summary>
    public static WebApplicationBuilder AddWorkerJob<TJob>(this WebApplicationBuilder builder, Func<IServiceProvider, TJob> job)
        where TJob : class, IHostedService
    {
        if (builder.RunsWorkerJobs())
        {
            builder.Services.AddHostedService(job);
        }
        return builder;
    }
}
