using System.Net;
using Broadsheet.Articles.Workflow;
using Broadsheet.Discovery;
using Broadsheet.Ingest;
using Broadsheet.Listen;
using Broadsheet.Media;
using Broadsheet.Speech;
using Broadsheet.Tests.Infrastructure;
using Broadsheet.Tests.Reader;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Broadsheet.Tests;

/// <summary>One binary, three roles: web (pages, no background job, no speech engine), worker (jobs, health only) or both.</summary>
public sealed class RolesTests(ReaderSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every background job a folder registers as a worker job (<c>builder.AddWorkerJob</c>).</summary>
    private static readonly Type[] WorkerJobs = [typeof(ScheduledPublishing), typeof(WireEmbargoRelease), typeof(PingWorker), typeof(MediaSweep), typeof(VoiceListPublishing)];

    private sealed class RoleApp(string role) : BroadsheetApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(Roles.Key, role);
        }
    }

    [Theory]
    [InlineData(null, ProcessRoles.All)]
    [InlineData("", ProcessRoles.All)]
    [InlineData("all", ProcessRoles.All)]
    [InlineData("Both", ProcessRoles.All)]
    [InlineData("web", ProcessRoles.Web)]
    [InlineData(" WORKER ", ProcessRoles.Worker)]
    [InlineData("reader", null)]
    public void A_role_is_read_from_its_name(string? text, ProcessRoles? expected) => Assert.Equal(expected, Roles.Parse(text));

    [Fact]
    public async Task A_web_process_registers_no_background_job_and_loads_no_speech_engine_and_serves_pages()
    {
        await using var web = new RoleApp("web");
        var hosted = web.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();
        Assert.Empty(hosted.Intersect(WorkerJobs));
        var voices = web.Services.GetRequiredService<SpeechVoices>();
        Assert.False(voices.EnginesLoaded);
        Assert.DoesNotContain(web.Services.GetRequiredService<VoiceCatalog>().Engines, e => e is EspeakNgEngine or FliteEngine);
        using var client = web.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);

        // The default, both roles in one process, runs every job.
        var (both, _) = site[DatabaseProvider.Sqlite];
        Assert.Equal(WorkerJobs.Order(TypeNames.Instance), both.Services.GetServices<IHostedService>().Select(s => s.GetType()).Intersect(WorkerJobs).Order(TypeNames.Instance));
        Assert.True(both.Services.GetRequiredService<SpeechVoices>().EnginesLoaded);
    }

    [Fact]
    public async Task A_worker_process_serves_only_the_health_checks()
    {
        await using var worker = new RoleApp("worker");
        Assert.Equal(WorkerJobs.Order(TypeNames.Instance), worker.Services.GetServices<IHostedService>().Select(s => s.GetType()).Intersect(WorkerJobs).Order(TypeNames.Instance));
        using var client = worker.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Ct)).StatusCode);
        foreach (var path in new[] { "/", "/api/v1/articles", "/newsroom/signin", "/feeds/all.xml" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path, Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task A_web_process_offers_the_voices_the_worker_lists_and_follows_a_new_list()
    {
        var folder = Path.Combine(Path.GetTempPath(), "broadsheet-tests", "voices-" + Guid.NewGuid().ToString("N")[..8]);
        var list = Path.Combine(folder, SpeechVoices.ListFile);
        try
        {
            Voice[] voices = [new("test-en-gb", "test", "en-GB", "Test English", "female"), new("test-cmn", "test", "cmn", "Test Mandarin", "male"), new("other-en-us", "other", "en-US", "Other English", "male")];
            await SpeechVoices.Probed(new VoiceCatalog([new FixedEngine("test", voices[..2]), new FixedEngine("other", voices[2..])]), list).PublishAsync(Ct);
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var web = SpeechVoices.Listed(list, clock);

            var catalog = web.Current;
            Assert.Equal(voices, catalog.Voices);
            Assert.Equal("test-en-gb", catalog.DefaultFor("en")!.Id);
            Assert.Throws<InvalidOperationException>(() => catalog.Synthesize("Hello.", voices[0], Ct));

            await SpeechVoices.Probed(new VoiceCatalog([new FixedEngine("other", voices[2..])]), list).PublishAsync(Ct);
            File.SetLastWriteTimeUtc(list, DateTime.UtcNow.AddMinutes(1));
            Assert.Equal(3, web.Current.Voices.Count);
            clock.Advance(SpeechVoices.ListCheckInterval);
            Assert.Equal(["other-en-us"], web.Current.Voices.Select(v => v.Id));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class FixedEngine(string name, IReadOnlyList<Voice> voices) : ISpeechEngine
    {
        public string Name => name;

        public bool IsAvailable => true;

        public string? UnavailableReason => null;

        public IReadOnlyList<Voice> Voices => voices;

        public SpeechResult Synthesize(string text, Voice voice, CancellationToken ct) => throw new NotSupportedException();
    }

    private sealed class TypeNames : IComparer<Type>
    {
        public static readonly TypeNames Instance = new();

        public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.FullName, y?.FullName);
    }
}
