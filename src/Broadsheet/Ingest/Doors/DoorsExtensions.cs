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
        builder.Services.AddOptions<DoorOptions>()
            .BindConfiguration(DoorOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DoorOptions>, DoorOptionsValidation>();
        builder.Services.AddSingleton<DoorStatus>();
        builder.Services.AddSingleton<FeedPoller>();
        builder.Services.AddSingleton<IngestDoors>();
        builder.Services.AddHttpClient(FeedPoller.HttpClientName, (services, client) =>
            {
                client.Timeout = services.GetRequiredService<IOptions<DoorOptions>>().Value.Doors.FeedTimeout;
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
        var sources = builder.Configuration.GetSection($"{DoorOptions.Section}:{nameof(DoorOptions.Sources)}").GetChildren();
        var anyDoor = sources.Any(s => !string.IsNullOrWhiteSpace(s[nameof(DoorSource.Folder)]) || !string.IsNullOrWhiteSpace(s[nameof(DoorSource.FeedUrl)]));
        if (anyDoor && builder.Configuration.GetValue($"{DoorOptions.Section}:Doors:{nameof(DoorSettings.Enabled)}", true))
        {
            builder.Services.AddHostedService(s => s.GetRequiredService<IngestDoors>());
        }
        return builder;
    }

}

/// <summary>Every problem of the doors' settings, each naming its setting, refused at start-up.</summary>
internal sealed class DoorOptionsValidation : IValidateOptions<DoorOptions>
{
    public ValidateOptionsResult Validate(string? name, DoorOptions options)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options.Doors, new(options.Doors), results, validateAllProperties: true);
        var problems = options.Problems()
            .Concat(results.Select(r => $"{DoorOptions.Section}:Doors:{string.Join(", ", r.MemberNames)}: {r.ErrorMessage}"))
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
