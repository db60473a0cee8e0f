using Broadsheet.Articles;
using Broadsheet.Articles.Workflow;
using Broadsheet.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static Broadsheet.Tests.Newsroom.NewsroomTesting;

namespace Broadsheet.Tests.Newsroom;

/// <summary>A second instance of Broadsheet on another app's database (its SQLite file or its PostgreSQL database) and clock.</summary>
public sealed class SecondInstance : BroadsheetApp
{
    private readonly BroadsheetApp first;
    private readonly bool scheduler;

    public SecondInstance(BroadsheetApp first, bool scheduler = true)
        : base(first.Provider)
    {
        this.first = first;
        this.scheduler = scheduler;
        Clock = first.Clock;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var configuration = first.Services.GetRequiredService<IConfiguration>();
        builder.UseSetting("Broadsheet:DataPath", configuration["Broadsheet:DataPath"]);
        if (configuration.GetConnectionString("Broadsheet") is { Length: > 0 } connection)
        {
            builder.UseSetting("ConnectionStrings:Broadsheet", connection);
        }
        builder.UseSetting(ScheduledPublishing.EnabledSetting, scheduler ? "true" : "false");
    }
}

/// <summary>An instance whose scheduler is off, standing for a newsroom whose publishing worker is down.</summary>
public sealed class InstanceWithoutScheduler(DatabaseProvider provider) : BroadsheetApp(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(ScheduledPublishing.EnabledSetting, "false");
    }
}

public sealed class WorkflowSchedulerTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];

    private static readonly NewsroomActor Editor = new("scheduler-test-editor", "Scheduling Editor", IsEditor: true);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_instances_on_one_database_publish_a_scheduled_article_exactly_once(DatabaseProvider provider)
    {
        // A time between two microseconds, as a real clock reads nine times in ten: the scheduled time is due when the
        // clock reaches it on both providers (SQLite keeps every tick, PostgreSQL microseconds).
        var start = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(start.AddTicks(7 - start.Ticks % 10));
        await using var first = new BroadsheetApp(provider) { Clock = clock };
        _ = first.BaseAddress;
        await using var second = new SecondInstance(first);
        _ = second.BaseAddress;
        var section = await SectionAsync(first);
        var (id, version) = await ScheduleAsync(first, clock, section, TimeSpan.FromSeconds(3));

        // Before its time nobody publishes it.
        Assert.Equal(0, (await Task.WhenAll(PublishDueAsync(first), PublishDueAsync(second))).Sum());
        Assert.Equal(ArticleStatus.Scheduled, (await ArticleAsync(first, id)).Status);

        // Its time comes: both instances' pollers tick, and the test hammers the claim from both at once besides.
        clock.Advance(TimeSpan.FromSeconds(3));
        var explicitPublishes = 0;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            explicitPublishes += (await Task.WhenAll(PublishDueAsync(first), PublishDueAsync(second), PublishDueAsync(first), PublishDueAsync(second))).Sum();
        }
        while ((await ArticleAsync(first, id)).Status != ArticleStatus.Published && DateTime.UtcNow < deadline);
        Assert.Equal(ArticleStatus.Published, (await ArticleAsync(first, id)).Status);
        // More passes over the published article, by both instances and their pollers, publish nothing again.
        for (var pass = 0; pass < 3; pass++)
        {
            clock.Advance(ScheduledPublishing.Interval);
            explicitPublishes += (await Task.WhenAll(PublishDueAsync(first), PublishDueAsync(second))).Sum();
        }

        var article = await ArticleAsync(second, id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(version + 1, article.Version);
        Assert.NotNull(article.FirstPublishedAt);
        Assert.Null(article.ScheduledFor);
        Assert.InRange(explicitPublishes, 0, 1);
        var published = (await AuditAsync(first, id)).Where(e => e.Action == AuditAction.Published).ToList();
        var entry = Assert.Single(published);
        Assert.Equal(ScheduledPublisher.SchedulerName, entry.UserName);

        using var reader = first.Client();
        using var page = await reader.GetAsync(ArticleUrls.PathOf(section, id, article.Slug), Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_article_due_while_no_scheduler_ran_is_published_when_one_starts(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var down = new InstanceWithoutScheduler(provider) { Clock = clock };
        _ = down.BaseAddress;
        var section = await SectionAsync(down);
        var (id, _) = await ScheduleAsync(down, clock, section, TimeSpan.FromSeconds(3));
        clock.Advance(TimeSpan.FromSeconds(4));
        // No poller runs on this instance (its loop ended at start-up), so the article stays scheduled past its time.
        Assert.True(down.Services.GetServices<IHostedService>().OfType<ScheduledPublishing>().Single().ExecuteTask!.IsCompletedSuccessfully);
        Assert.Equal(ArticleStatus.Scheduled, (await ArticleAsync(down, id)).Status);

        await using var restarted = new SecondInstance(down);
        _ = restarted.BaseAddress;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await ArticleAsync(restarted, id)).Status != ArticleStatus.Published && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }
        Assert.Equal(ArticleStatus.Published, (await ArticleAsync(restarted, id)).Status);
        Assert.Single(await AuditAsync(restarted, id), e => e.Action == AuditAction.Published);
    }

    private static async Task<(int Id, int Version)> ScheduleAsync(BroadsheetApp app, TimeProvider clock, string section, TimeSpan ahead)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<ArticleWriter>();
        var created = await writer.CreateAsync(new ArticleInput { Headline = Unique("Scheduled story"), Section = section, Body = new(Markdown: "Due soon.") }, Editor.Changing(), Ct);
        Assert.True(created.Succeeded);
        var workflow = scope.ServiceProvider.GetRequiredService<ArticleWorkflow>();
        var scheduled = await workflow.ApplyAsync(created.Value!.Id, Transition.Schedule, created.Value.Version, Editor, clock.GetUtcNow() + ahead, Ct);
        Assert.True(scheduled.Succeeded, scheduled.Message);
        return (created.Value.Id, scheduled.Article!.Version);
    }

    private static async Task<int> PublishDueAsync(BroadsheetApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScheduledPublisher>().PublishDueAsync(Ct);
    }
}
