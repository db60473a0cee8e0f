using System.Net;
using System.Text.Json.Nodes;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Articles.Workflow;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Broadsheet.Tests.Newsroom.NewsroomTesting;

namespace Broadsheet.Tests.Newsroom;

[Collection(NewsroomCollection.Name)]
public sealed class WorkflowTransitionTests(ArticlesApps apps) : IClassFixture<ArticlesApps>
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];

    public static TheoryData<DatabaseProvider, string> WriterForbidden => new()
    {
        { DatabaseProvider.Sqlite, "publish" }, { DatabaseProvider.Sqlite, "schedule" }, { DatabaseProvider.Sqlite, "unpublish" }, { DatabaseProvider.Sqlite, "return-to-draft" },
        { DatabaseProvider.PostgreSQL, "publish" }, { DatabaseProvider.PostgreSQL, "schedule" }, { DatabaseProvider.PostgreSQL, "unpublish" }, { DatabaseProvider.PostgreSQL, "return-to-draft" },
    };

    [Theory]
    [MemberData(nameof(WriterForbidden))]
    public async Task Writers_cannot_publish_schedule_unpublish_or_return_to_draft(DatabaseProvider provider, string command)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var id = await CreateAsync(writer, section, Unique("Forbidden " + command));
        using var response = await EditAsync(writer, id, command, f => f.Set("Form.ScheduleFor", "2099-01-01T09:00"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var article = await ArticleAsync(app, id);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Empty(await AuditAsync(app, id));
    }

    [Fact]
    public async Task Scheduling_goes_through_the_checklist_and_each_answer_brings_the_new_state_and_buttons()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var section = await SectionAsync(app);
        var editor = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);
        var id = await CreateAsync(editor, section, Unique("Ferry timetable changes for the winter"));
        var form = BrowserForm.Read(await editor.GetPageAsync($"/newsroom/articles/{id}", Ct)).Set("Form.ScheduleFor", "2099-06-01T08:30");
        async Task<JsonNode> SaveAsync(string command, bool pastWarnings)
        {
            var fields = form.With(command).Append(new("Form.PublishPastWarnings", pastWarnings ? "true" : "false"));
            using var response = await editor.Client.PostAsync($"/newsroom/articles/{id}?handler=Save", new FormUrlEncodedContent(fields), Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            var json = JsonNode.Parse(body)!;
            form.Set("Form.Version", json["version"]!.ToString());
            return json;
        }
        string[] Buttons(JsonNode json) => [.. json["state"]!["buttons"]!.AsArray().Select(b => b!["command"]!.ToString())];

        // No summary and no picture: the checklist stops the schedule, the article stays a draft.
        var stopped = await SaveAsync("schedule", pastWarnings: false);
        Assert.True(stopped["needsConfirmation"]!.GetValue<bool>());
        Assert.Contains("Not scheduled yet", stopped["message"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Draft, (await ArticleAsync(app, id)).Status);

        var scheduled = await SaveAsync("schedule", pastWarnings: true);
        Assert.Equal(ArticleStatus.Scheduled, (await ArticleAsync(app, id)).Status);
        var state = scheduled["state"]!;
        Assert.Equal(("Scheduled", "for", "1 Jun 2099, 08:30:00 UTC"), (state["status"]!.ToString(), state["whenLabel"]!.ToString(), state["when"]!.ToString()));
        Assert.Equal(["publish", "schedule", "return-to-draft"], Buttons(scheduled));

        var published = await SaveAsync("publish", pastWarnings: true);
        var article = await ArticleAsync(app, id);
        state = published["state"]!;
        Assert.Equal(("Published", "at"), (state["status"]!.ToString(), state["whenLabel"]!.ToString()));
        Assert.Equal(article.FirstPublishedAt!.Value.ToString("d MMM yyyy, HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC", state["when"]!.ToString());
        Assert.Equal(["unpublish"], Buttons(published));
        Assert.Equal(("Save and update the published article", false, false), (state["saveLabel"]!.ToString(), state["canSchedule"]!.GetValue<bool>(), state["showsChecklist"]!.GetValue<bool>()));
        Assert.Equal(article.PublicPath, state["publicPath"]!.ToString());
        Assert.Equal((article.Headline, true), (state["headline"]!.ToString(), state["showsNotes"]!.GetValue<bool>()));
        Assert.False(scheduled["state"]!["showsNotes"]!.GetValue<bool>());

        var unpublished = await SaveAsync("unpublish", pastWarnings: false);
        Assert.Equal(("Unpublished", ArticleStatus.Unpublished), (unpublished["state"]!["status"]!.ToString(), (await ArticleAsync(app, id)).Status));
        Assert.False(unpublished["state"]!["showsNotes"]!.GetValue<bool>());
        Assert.Contains("return-to-draft", Buttons(unpublished));

        // Without script: the schedule stops at the same checklist, and "Schedule anyway" keeps the time typed.
        var plainId = await CreateAsync(editor, section, Unique("Harbour lights to be switched off at night"));
        var plain = BrowserForm.Read(await editor.GetPageAsync($"/newsroom/articles/{plainId}", Ct)).Set("Form.ScheduleFor", "2099-07-01T06:15");
        string confirmPath;
        using (var stop = await editor.Client.PostAsync($"/newsroom/articles/{plainId}", new FormUrlEncodedContent(plain.With("schedule")), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
            confirmPath = stop.Headers.Location!.OriginalString;
        }
        Assert.StartsWith($"/newsroom/articles/{plainId}?confirm=schedule&at=2099-07-01T06", confirmPath, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Draft, (await ArticleAsync(app, plainId)).Status);
        var confirmPage = await editor.GetPageAsync(confirmPath, Ct);
        Assert.Contains("Schedule with these warnings?", confirmPage, StringComparison.Ordinal);
        var confirm = BrowserForm.Read(confirmPage, ".publish-confirm form");
        using (var anyway = await editor.Client.PostAsync(confirm.Action, new FormUrlEncodedContent(confirm.Fields), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, anyway.StatusCode);
        }
        var plainArticle = await ArticleAsync(app, plainId);
        Assert.Equal((ArticleStatus.Scheduled, new DateTimeOffset(2099, 7, 1, 6, 15, 0, TimeSpan.Zero)), (plainArticle.Status, plainArticle.ScheduledFor));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Editors_move_an_article_through_every_state_and_each_decision_is_audited(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var editor = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);
        var headline = Unique("Council budget");
        var id = await CreateAsync(writer, section, headline);
        using var reader = app.Client();

        await StepAsync(writer, id, "submit", ArticleStatus.InReview);
        await StepAsync(editor, id, "return-to-draft", ArticleStatus.Draft);
        await StepAsync(writer, id, "submit", ArticleStatus.InReview);
        await StepAsync(editor, id, "schedule", ArticleStatus.Scheduled, f => f.Set("Form.ScheduleFor", "2099-06-01T08:30"));
        Assert.Equal(new DateTimeOffset(2099, 6, 1, 8, 30, 0, TimeSpan.Zero), (await ArticleAsync(app, id)).ScheduledFor);
        await StepAsync(editor, id, "publish", ArticleStatus.Published);
        var published = await ArticleAsync(app, id);
        Assert.NotNull(published.FirstPublishedAt);
        Assert.Null(published.ScheduledFor);
        using (var page = await reader.GetAsync(ArticleUrls.PathOf(section, id, published.Slug), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        await StepAsync(editor, id, "unpublish", ArticleStatus.Unpublished);
        using (var gone = await reader.GetAsync(ArticleUrls.PathOf(section, id, published.Slug), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        await StepAsync(editor, id, "publish", ArticleStatus.Published);

        var audit = await AuditAsync(app, id);
        Assert.Equal(
            [AuditAction.Submitted, AuditAction.ReturnedToDraft, AuditAction.Submitted, AuditAction.Scheduled, AuditAction.Published, AuditAction.Unpublished, AuditAction.Published],
            audit.Select(e => e.Action));
        Assert.Equal(writer.UserId, audit[0].UserId);
        Assert.Equal(editor.UserId, audit[1].UserId);
        Assert.All(audit, e => Assert.Equal(headline, e.Headline));

        var log = await editor.GetPageAsync($"/newsroom/audit?article={id}", Ct);
        Assert.Contains("Submitted for review", log, StringComparison.Ordinal);
        Assert.Contains("Unpublished", log, StringComparison.Ordinal);
        Assert.Contains("Test Editor", log, StringComparison.Ordinal);
        using var refused = await writer.GetAsync("/newsroom/audit", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_transition_from_the_wrong_state_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var editor = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);
        var id = await CreateAsync(editor, section, Unique("Wrong state"));
        // An editor may press any step (another editor may have moved the story since the page opened); the text is
        // kept and the workflow says why the step did not happen.
        using var response = await EditAsync(editor, id, "unpublish");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains("A draft article cannot be unpublished.", await editor.GetPageAsync(response.Headers.Location!.ToString(), Ct), StringComparison.Ordinal);
        using var past = await EditAsync(editor, id, "schedule", f => f.Set("Form.ScheduleFor", "2001-01-01T09:00"));
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Contains("Choose a time in the future.", await past.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Draft, (await ArticleAsync(app, id)).Status);
        Assert.Empty(await AuditAsync(app, id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Scheduling_reads_the_time_in_the_publications_time_zone_and_a_bad_time_keeps_the_form(DatabaseProvider provider)
    {
        await using var app = new BroadsheetApp(provider);
        await WithDbAsync(app, async db =>
        {
            db.Publications.Add(new Publication { Name = "Zoned Gazette", BaseUrl = "https://zoned.example", TimeZone = "America/New_York" });
            return await db.SaveChangesAsync(Ct);
        });
        var section = await SectionAsync(app);
        var editor = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);
        var id = await CreateAsync(editor, section, Unique("Zoned"));

        using (var bad = await EditAsync(editor, id, "schedule", f => f.Set("Form.ScheduleFor", "soon").Set("Form.Blocks[0].Text", "Edited but not saved")))
        {
            var html = await bad.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("href=\"#Form_ScheduleFor\"", html, StringComparison.Ordinal);
            Assert.Equal("Edited but not saved", BrowserForm.Read(html)["Form.Blocks[0].Text"]);
        }
        await StepAsync(editor, id, "schedule", ArticleStatus.Scheduled, f => f.Set("Form.ScheduleFor", "2099-01-15T09:30"));
        Assert.Equal(new DateTimeOffset(2099, 1, 15, 14, 30, 0, TimeSpan.Zero), (await ArticleAsync(app, id)).ScheduledFor);
        var page = await editor.GetPageAsync($"/newsroom/articles/{id}", Ct);
        Assert.Contains("15 Jan 2099, 09:30:00 America/New_York", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_editors_correction_reaches_readers_the_updated_time_and_the_public_api(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var editor = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);
        var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var id = await CreateAsync(editor, section, Unique("Rates"), command: "publish");
        var article = await ArticleAsync(app, id);
        using var reader = app.Client();
        var path = ArticleUrls.PathOf(section, id, article.Slug);
        Assert.DoesNotContain("Updated:", await reader.GetStringAsync(path, Ct), StringComparison.Ordinal);

        var editorPage = await editor.GetPageAsync($"/newsroom/articles/{id}", Ct);
        var note = BrowserForm.Read(editorPage, "form[action*='handler=Note']")
            .Set("Note.Kind", "correction").Set("Note.Text", "An earlier version gave the wrong rate.");
        using (var refused = await writer.PostFormWithTokenAsync($"/newsroom/articles/{id}?handler=Note", note.Fields.Where(f => f.Key != "__RequestVerificationToken"), NewsroomSession.AntiforgeryToken(await writer.GetPageAsync("/newsroom/articles/new", Ct)), Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using (var added = await editor.Client.PostAsync($"/newsroom/articles/{id}?handler=Note", new FormUrlEncodedContent(note.Fields), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var html = await reader.GetStringAsync(path, Ct);
        var page = Parse(html);
        Assert.Contains("An earlier version gave the wrong rate.", page.QuerySelector(".notes")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Updated:", page.QuerySelector(".dates")!.TextContent, StringComparison.Ordinal);
        var json = JsonNode.Parse(await reader.GetStringAsync($"/api/v1/articles/{id}", Ct))!;
        Assert.Equal("An earlier version gave the wrong rate.", json["notes"]![0]!["text"]!.GetValue<string>());
        var audit = await AuditAsync(app, id);
        Assert.Equal([AuditAction.Published, AuditAction.Correction], audit.Select(e => e.Action));
        Assert.Equal("An earlier version gave the wrong rate.", audit[1].Detail);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Publishing_unpublishing_correcting_and_deleting_through_the_admin_api_are_audited_too(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        using var api = app.AdminClient();
        using var created = await api.PostAsync("/api/admin/articles", Json(new { headline = Unique("Wire copy"), section, body = new { markdown = "From the wire." } }), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync(Ct))!["id"]!.GetValue<int>();
        foreach (var (path, body) in new (string, object?)[] { ($"/api/admin/articles/{id}/publish", null), ($"/api/admin/articles/{id}/notes", new { kind = "update", text = "Adds reaction." }), ($"/api/admin/articles/{id}/unpublish", null) })
        {
            using var response = await api.PostAsync(path, body is null ? null : Json(body), Ct);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        }
        using (var deleted = await api.DeleteAsync($"/api/admin/articles/{id}", Ct))
        {
            Assert.True(deleted.IsSuccessStatusCode);
        }
        var audit = await AuditAsync(app, id);
        Assert.Equal([AuditAction.Published, AuditAction.Update, AuditAction.Unpublished, AuditAction.Deleted], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(ChangedBy.Api.Name, e.UserName));
        Assert.Equal("Created", Assert.Single(await RevisionsAsync(app, id)).Summary);
    }

    private static StringContent Json(object value) =>
        new(System.Text.Json.JsonSerializer.Serialize(value, System.Text.Json.JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json");

    private static async Task StepAsync(NewsroomSession session, int id, string command, ArticleStatus expected, Action<BrowserForm>? edit = null)
    {
        using var response = await EditAsync(session, id, command, edit);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{command} answered {(int)response.StatusCode}");
        Assert.Equal(expected, (await ArticleAsync(session.App, id)).Status);
    }
}
