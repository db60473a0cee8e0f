using Microsoft.Extensions.Options;

namespace Broadsheet.Ingest;

public static class IngestExtensions
{
    /// <summary>The wire desk, its parsers, the picture fetcher, the embargo release and the seeding of source rules from configuration.</summary>
    public static WebApplicationBuilder AddIngest(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Sources.All(s => !string.IsNullOrWhiteSpace(s.Name)), "Every Broadsheet:Ingest:Sources entry needs a Name.")
            .Validate(o => o.Sources.Select(s => s.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == o.Sources.Count, "Broadsheet:Ingest:Sources names must differ.")
            .ValidateOnStart();
        builder.Services.AddHttpClient(WireFetcher.ClientName);
        builder.Services.AddSingleton<WireParser>(Formats.WireFormats.Parse);
        builder.Services.AddSingleton<WireFetcher>();
        builder.Services.AddSingleton<WireDesk>();
        builder.Services.AddScoped<WireItemHandler>();
        builder.Services.AddScoped<WireSourceRules>();
        builder.AddWorkerJob<WireSourceSeeding>();
        if (builder.Configuration.GetValue($"{IngestOptions.Section}:ReleaseEmbargoes", true))
        {
            builder.AddWorkerJob<WireEmbargoRelease>();
        }
        return builder;
    }
}

/// <summary>Adds the configured sources missing from the database at start-up; the newsroom's edits of existing ones are kept.</summary>
public sealed class WireSourceSeeding(IServiceScopeFactory scopes, IOptions<IngestOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Sources.Count == 0)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WireSourceRules>().SeedAsync(options.Value.Sources, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
