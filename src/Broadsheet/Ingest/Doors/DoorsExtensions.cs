using System.Net;
using Microsoft.Extensions.Options;

namespace Broadsheet.Ingest.Doors;

public static class DoorsExtensions
{
    /// <summary>
    /// The drop folders and feed pollers of <c>Broadsheet:Ingest:Sources</c> (settings under <c>Broadsheet:Ingest:Doors</c>),
    /// run by <see cref="IngestDoors"/> when a source has either, unless <c>Broadsheet:Ingest:Doors:Enabled</c> is false.
    /// </summary>
    public static WebApplicationBuilder AddIngestDoors(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DoorSettings>()
            .BindConfiguration(DoorSettings.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IngestOptions>, DoorSourcesValidation>();
        builder.Services.AddSingleton<IWireIntake, DeskIntake>();
        builder.Services.AddSingleton<DoorStatus>();
        builder.Services.AddSingleton<FeedPoller>();
        builder.Services.AddSingleton<IngestDoors>();
        builder.Services.AddHttpClient(FeedPoller.HttpClientName, (services, client) =>
            {
                client.Timeout = services.GetRequiredService<IOptions<DoorSettings>>().Value.FeedTimeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Broadsheet-Wire/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 5,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        var sources = builder.Configuration.GetSection($"{IngestOptions.Section}:{nameof(IngestOptions.Sources)}").GetChildren();
        var anyDoor = sources.Any(s => !string.IsNullOrWhiteSpace(s[nameof(WireSourceOptions.Folder)]) || !string.IsNullOrWhiteSpace(s[nameof(WireSourceOptions.FeedUrl)]));
        if (anyDoor && builder.Configuration.GetValue($"{DoorSettings.Section}:{nameof(DoorSettings.Enabled)}", true))
        {
            builder.AddWorkerJob(s => s.GetRequiredService<IngestDoors>());
        }
        return builder;
    }

}

/// <summary>The sources' feed addresses and folders, refused at start-up with a sentence naming the setting.</summary>
internal sealed class DoorSourcesValidation : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var problems = DoorSettings.Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>The desk itself as the doors' intake: <see cref="WireDesk.ReceiveAsync(WireDelivery, CancellationToken)"/> returns once its work is committed.</summary>
internal sealed class DeskIntake(WireDesk desk) : IWireIntake
{
    public Task<WireReceipt> ReceiveAsync(WireDelivery delivery, CancellationToken ct) => desk.ReceiveAsync(delivery, ct);
}
