using System.Net;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Reader;

/// <summary>
/// <see cref="ContentChanges"/> decides what every save makes stale from the change tracker: after the commit, with the
/// pages of the rows as they were and as they are, and nothing for what readers never saw.
/// </summary>
public class ContentChangesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class RecordingApp(DatabaseProvider provider) : BroadsheetApp(provider)
    {
        public EvictionLog Evictions { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IContentChangeBroadcast>(Evictions));
        }
    }

    private static async Task<(RecordingApp App, ReaderData Data)> StartAsync(DatabaseProvider provider)
    {
        var app = new RecordingApp(provider);
        var data = await ReaderData.SeedAsync(app);
        app.Evictions.Clear();
        return (app, data);
    }

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_change_in_a_transaction_evicts_after_the_commit_and_not_at_the_save(DatabaseProvider provider)
    {
        var (app, data) = await StartAsync(provider);
        await using var _ = app;
        var client = app.Client();
        Assert.DoesNotContain("Border talks collapse", await HtmlAsync(client, data.LeadPath), StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var lead = await db.Articles.SingleAsync(a => a.Id == data.LeadId, Ct);
            lead.Headline = "Border talks collapse";
            await db.SaveChangesAsync(Ct);
            // A reader's request now would still read the committed, old article and cache it again.
            Assert.Empty(app.Evictions.Tags);
            await transaction.CommitAsync(Ct);
            Assert.Contains(CacheTags.Article(data.LeadId), app.Evictions.Tags);
        }

        Assert.Contains("Border talks collapse", await HtmlAsync(client, data.LeadPath), StringComparison.Ordinal);
        Assert.Contains("Border talks collapse", await HtmlAsync(client, "/news/asia/east-asia"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_change_rolled_back_evicts_nothing_and_the_cached_page_stays_true(DatabaseProvider provider)
    {
        var (app, data) = await StartAsync(provider);
        await using var _ = app;
        var client = app.Client();
        var before = await HtmlAsync(client, data.LeadPath);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var lead = await db.Articles.SingleAsync(a => a.Id == data.LeadId, Ct);
            lead.Headline = "Border talks collapse";
            await db.SaveChangesAsync(Ct);
            await transaction.RollbackAsync(Ct);
        }

        Assert.Empty(app.Evictions.Tags);
        var after = await HtmlAsync(client, data.LeadPath);
        Assert.DoesNotContain("Border talks collapse", after, StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task An_article_moved_to_another_section_or_unpublished_evicts_the_pages_it_was_on(DatabaseProvider provider)
    {
        var (app, data) = await StartAsync(provider);
        await using var _ = app;
        var client = app.Client();
        Assert.Contains($"/article/{data.LeadId}/", await HtmlAsync(client, "/news/asia/east-asia"), StringComparison.Ordinal);

        await app.InScopeAsync(async db =>
        {
            var lead = await db.Articles.SingleAsync(a => a.Id == data.LeadId, Ct);
            lead.SectionId = await db.Sections.Where(s => s.Path == "business").Select(s => s.Id).SingleAsync(Ct);
            return await db.SaveChangesAsync(Ct);
        });
        // The old section (and its parent) and the new one.
        Assert.Contains(CacheTags.Section("asia/east-asia"), app.Evictions.Tags);
        Assert.Contains(CacheTags.Section("asia"), app.Evictions.Tags);
        Assert.Contains(CacheTags.Section("business"), app.Evictions.Tags);
        Assert.DoesNotContain($"/article/{data.LeadId}/", await HtmlAsync(client, "/news/asia/east-asia"), StringComparison.Ordinal);

        app.Evictions.Clear();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var unpublished = await scope.ServiceProvider.GetRequiredService<Publishing>().UnpublishAsync(data.LeadId, ct: Ct);
            Assert.True(unpublished.Succeeded);
        }
        // Nothing shows it any more: only its pages as they were can name what to evict.
        Assert.Contains(CacheTags.Article(data.LeadId), app.Evictions.Tags);
        Assert.Contains(CacheTags.Section("business"), app.Evictions.Tags);
        Assert.Contains(CacheTags.Topic("border-talks"), app.Evictions.Tags);
        Assert.Contains(CacheTags.Author("mara-lindqvist"), app.Evictions.Tags);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_draft_changed_evicts_nothing(DatabaseProvider provider)
    {
        var (app, data) = await StartAsync(provider);
        await using var _ = app;

        await app.InScopeAsync(async db =>
        {
            var draft = await db.Articles.SingleAsync(a => a.Id == data.DraftId, Ct);
            Assert.Equal(ArticleStatus.Draft, draft.Status);
            draft.Headline = "Still being written";
            draft.Body = [.. draft.Body, new ParagraphBlock([new Inline("One more line.")])];
            return await db.SaveChangesAsync(Ct);
        });

        Assert.Empty(app.Evictions.Tags);
    }
}
