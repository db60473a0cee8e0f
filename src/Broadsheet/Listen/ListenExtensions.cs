using Broadsheet.Articles;
using Broadsheet.Speech;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Listen;

public static class ListenExtensions
{
    private static readonly int[] Mp3Bitrates = [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 192, 224, 256, 320];

    /// <summary>
    /// The voice catalogue (engines probed now, at start-up), the database job queue and its worker, file storage,
    /// and the podcast artwork (the status page is the newsroom's, Newsroom/Audio/Status).
    /// </summary>
    public static WebApplicationBuilder AddListen(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ListenOptions>()
            .BindConfiguration(ListenOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => Mp3Bitrates.Contains(o.Mp3BitrateKbps), $"Broadsheet:Listen:Mp3BitrateKbps must be one of {string.Join(", ", Mp3Bitrates)}.")
            .ValidateOnStart();
        // A web-only process loads no speech engine: it offers the voices a worker lists (SpeechVoices).
        if (builder.RunsWorkerJobs())
        {
            builder.Services.AddSingleton(s => SpeechVoices.Probed(VoiceCatalog.CreateDefault(), SpeechVoices.ListPath(s.GetRequiredService<IOptions<BroadsheetOptions>>().Value)));
            builder.AddWorkerJob<VoiceListPublishing>();
        }
        else
        {
            builder.Services.AddSingleton(s => SpeechVoices.Listed(SpeechVoices.ListPath(s.GetRequiredService<IOptions<BroadsheetOptions>>().Value), s.GetRequiredService<TimeProvider>()));
        }
        builder.Services.AddTransient(s => s.GetRequiredService<SpeechVoices>().Current);
        builder.Services.AddSingleton<AudioFiles>();
        builder.Services.AddSingleton<AudioQueue>();
        builder.Services.AddSingleton<IContentTagRule, PodcastFeedTags>();
        builder.Services.AddSingleton<IContentChangeBroadcast>(s => s.GetRequiredService<AudioQueue>());
        if (builder.RunsWorkerJobs())
        {
            builder.Services.AddSingleton<IWorkerChangeFollower>(s => s.GetRequiredService<AudioQueue>());
        }
        builder.Services.AddSingleton<AudioGenerator>();
        builder.Services.AddSingleton<PodcastArtwork>();
        builder.Services.AddSingleton<AudioWorker>();
        var worker = builder.Configuration.GetValue($"{ListenOptions.Section}:{nameof(ListenOptions.Worker)}", true);
        if (worker)
        {
            builder.AddWorkerJob(s => s.GetRequiredService<AudioWorker>());
        }
        return builder;
    }

    public static WebApplication MapListen(this WebApplication app)
    {
        var voices = app.Services.GetRequiredService<SpeechVoices>();
        var catalog = voices.Current;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Broadsheet.Listen");
        if (!voices.EnginesLoaded)
        {
            logger.LogInformation("Speech: web-only, no engine loaded; {Voices} voices listed by the worker.", catalog.Voices.Count);
        }
        else if (catalog.Voices.Count == 0)
        {
            logger.LogWarning("No speech engine is available: articles get no audio and the player is hidden. {Problems}", string.Join(" ", catalog.Problems));
        }
        else
        {
            logger.LogInformation("Speech: {Voices} voices from {Engines}.", catalog.Voices.Count,
                string.Join(", ", catalog.Engines.Where(e => e.IsAvailable).Select(e => $"{e.Name} ({e.Voices.Count})")));
            foreach (var problem in catalog.Problems)
            {
                logger.LogWarning("Speech: {Problem}", problem);
            }
        }

        ListenEndpoints.Map(app);
        PodcastFeed.Map(app);
        return app;
    }
}
