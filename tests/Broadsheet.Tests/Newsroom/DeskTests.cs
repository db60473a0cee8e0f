using System.Net;
using System.Text.Json.Nodes;
using Broadsheet.Accounts;
using Broadsheet.Newsroom.Accounts.SignIn;
using Broadsheet.Tests.Infrastructure;
using static Broadsheet.Tests.Newsroom.NewsroomTesting;

namespace Broadsheet.Tests.Newsroom;

/// <summary>The desk (dashboard), field-naming validation through both doors, the readable history and "Forgot password?".</summary>
[Collection(NewsroomCollection.Name)]
public sealed class DeskTests(ArticlesApps apps) : IClassFixture<ArticlesApps>
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_desk_shows_each_person_what_waits_for_them_with_counts_and_links_to_the_whole_lists(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var editor = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);
        var draft = Unique("Harbour draft");
        var submitted = Unique("Harbour submitted");
        var published = Unique("Harbour published");
        var scheduled = Unique("Harbour scheduled");
        await CreateAsync(writer, section, draft);
        await CreateAsync(writer, section, submitted, command: "submit");
        await CreateAsync(editor, section, published, command: "publish");
        var scheduledId = await CreateAsync(editor, section, scheduled);
        using (var step = await EditAsync(editor, scheduledId, "schedule", f => f.Set("Form.ScheduleFor", "2099-06-01T08:30")))
        {
            Assert.Equal(HttpStatusCode.Redirect, step.StatusCode);
        }

        var mine = Parse(await writer.GetPageAsync("/newsroom", Ct));
        Assert.Contains(draft, List(mine, "drafts"), StringComparison.Ordinal);
        Assert.Matches(@"Your drafts \(\d+\)", mine.QuerySelector("#desk-drafts")!.TextContent);
        Assert.Contains(submitted, List(mine, "review"), StringComparison.Ordinal);
        Assert.Equal("Your stories in review (1)", Heading(mine, "review"));
        Assert.Null(mine.QuerySelector("#desk-wire"));
        Assert.Null(mine.QuerySelector("#desk-scheduled"));
        Assert.DoesNotContain(published, mine.Body!.TextContent, StringComparison.Ordinal);

        var desk = Parse(await editor.GetPageAsync("/newsroom", Ct));
        Assert.Contains(submitted, List(desk, "review"), StringComparison.Ordinal);
        Assert.StartsWith("Waiting for review (", Heading(desk, "review"), StringComparison.Ordinal);
        Assert.Contains(published, List(desk, "published"), StringComparison.Ordinal);
        Assert.Contains(scheduled, List(desk, "scheduled"), StringComparison.Ordinal);
        Assert.Contains("for 1 Jun 2099, 08:30:00", List(desk, "scheduled"), StringComparison.Ordinal);
        Assert.DoesNotContain(draft, desk.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(desk.QuerySelector("#desk-wire"));
        Assert.NotNull(desk.QuerySelector("a[href='/newsroom/wire']"));

        // "All" in the drafts list leads to the writer's own drafts only.
        var allLink = mine.QuerySelector("#desk-drafts")!.ParentElement!.QuerySelectorAll("a").Last().GetAttribute("href")!;
        Assert.Equal("/newsroom/articles?status=draft&mine=true", allLink);
        var editorsDrafts = await editor.GetPageAsync(allLink, Ct);
        Assert.DoesNotContain(draft, editorsDrafts, StringComparison.Ordinal);
        Assert.Contains(draft, await writer.GetPageAsync(allLink, Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_message_names_its_field_reads_the_same_through_both_doors_and_the_summary_takes_focus(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var article = Api.Api.ArticleJson(section);
        article["headline"] = " ";
        article["summary"] = new JsonArray("Fine point", "");
        article["body"] = new JsonObject
        {
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray(new JsonObject { ["text"] = "One." }) },
                new JsonObject { ["type"] = "heading", ["text"] = "", ["level"] = 2 },
                new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray() }),
        };
        using var admin = app.AdminClient();
        using var api = await admin.PostAsync("/api/admin/articles", Api.Api.Json(article.ToJsonString()), Ct);
        var apiBody = await api.Content.ReadAsStringAsync(Ct);

        var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var form = BrowserForm.Read(await writer.GetPageAsync("/newsroom/articles/new", Ct))
            .Set("Form.Headline", " ")
            .Set("Form.Section", section)
            .Set("Form.Summary", "Fine point\n ")
            .Set("Form.Blocks[0].Text", "One.")
            .Set("Form.Blocks[1].Type", "heading").Set("Form.Blocks[1].Text", "").Set("Form.Blocks[1].Level", "2")
            .Set("Form.Blocks[2].Type", "paragraph").Set("Form.Blocks[2].Text", "");
        using var page = await writer.Client.PostAsync("/newsroom/articles/new", new FormUrlEncodedContent(form.With("save")), Ct);

        using var apiAgain = new HttpResponseMessage(api.StatusCode) { Content = new StringContent(apiBody) };
        Assert.Equal(["Headline is required."], await BothDoors.ApiErrorsAsync(apiAgain, "headline"));
        var html = await page.Content.ReadAsStringAsync(Ct);
        using var pageAgain = new HttpResponseMessage(page.StatusCode) { Content = new StringContent(html) };
        Assert.Equal(["Headline is required."], await BothDoors.FormErrorsAsync(pageAgain, "Form_Headline"));
        Assert.Equal(["Heading 2 needs text."], ErrorsOf(apiBody, "body.blocks[1].text"));
        Assert.Equal(["Heading 2 needs text."], await BothDoors.FormErrorsAsync(pageAgain, "Form_Blocks_1__Text"));
        Assert.Equal(["Paragraph 3 needs text."], ErrorsOf(apiBody, "body.blocks[2].content"));
        Assert.Equal(["Paragraph 3 needs text."], await BothDoors.FormErrorsAsync(pageAgain, "Form_Blocks_2__Text"));

        var document = Parse(html);
        var summary = document.QuerySelector(".error-summary")!;
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.True(summary.HasAttribute("autofocus"));
        Assert.Contains(summary.QuerySelectorAll("a"), a => a.GetAttribute("href") == "#Form_Blocks_2__Text" && a.TextContent == "Paragraph 3 needs text.");
        var field = document.QuerySelector("#Form_Blocks_2__Text")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Contains("Form_Blocks_2__Text-error", field.GetAttribute("aria-describedby")!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_history_lists_every_save_and_decision_with_who_and_the_second_in_the_publications_zone(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var editor = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);
        var id = await CreateAsync(writer, section, Unique("Ferry timetable"));
        using (var step = await EditAsync(writer, id, "submit", f => f.Set("Form.Blocks[0].Text", "Ferries run hourly.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, step.StatusCode);
        }
        using (var step = await EditAsync(editor, id, "publish"))
        {
            Assert.Equal(HttpStatusCode.Redirect, step.StatusCode);
        }
        var editorPage = await editor.GetPageAsync($"/newsroom/articles/{id}", Ct);
        var note = BrowserForm.Read(editorPage, "form[action*='handler=Note']").Set("Note.Text", "An earlier version gave the wrong hour.");
        using (var added = await editor.Client.PostAsync(note.Action, new FormUrlEncodedContent(note.Fields), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var history = Parse(await editor.GetPageAsync($"/newsroom/articles/{id}/revisions", Ct));
        var rows = history.QuerySelectorAll("table.history tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["Correction added: An earlier version gave the wrong hour.", "Published", "Submitted for review", "Saved", "Created"], rows.Select(r => r[2]));
        Assert.Equal(["Test Editor", "Test Editor", "Test Writer", "Test Writer", "Test Writer"], rows.Select(r => r[1]));
        var zone = history.QuerySelector("table.history caption")!.TextContent;
        Assert.All(rows, r => Assert.Matches(@"^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} \S+$", r[0]));
        Assert.EndsWith(rows[0][0].Split(' ')[^1], zone.TrimEnd(), StringComparison.Ordinal);
        // Only saves can be compared: two of the five rows.
        Assert.Equal(2, history.QuerySelectorAll("table.history input[name='from']").Length);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Forgot_password_answers_alike_for_any_address_and_mails_a_link_that_works_once(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var user = await NewsroomSession.CreateUserAsync(app, NewsroomRoles.Writer, displayName: "Forgetful Writer");
        using var stranger = NewsroomSession.Anonymous(app);
        Assert.Contains("href=\"/newsroom/signin/forgot-password\"", await stranger.GetPageAsync("/newsroom/signin", Ct), StringComparison.Ordinal);

        var nobody = $"nobody-{Guid.NewGuid():N}@test.example";
        using var unknown = await stranger.PostFormAsync("/newsroom/signin/forgot-password", [new("Input.Email", nobody)], ct: Ct);
        using var known = await stranger.PostFormAsync("/newsroom/signin/forgot-password", [new("Input.Email", user.Email!.ToUpperInvariant())], ct: Ct);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(ForgotPasswordModel.Answer, Answer(await unknown.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(ForgotPasswordModel.Answer, Answer(await known.Content.ReadAsStringAsync(Ct)));

        var (message, text) = await TestSmtp.WaitForAsync(user.Email!, Ct);
        Assert.Equal("Choose a new password for the newsroom", message.Subject);
        var link = new Uri(text.Split(['\r', '\n', ' ']).Single(w => w.Contains("/newsroom/signin/reset-password?", StringComparison.Ordinal)));
        Assert.Empty(await TestSmtp.ForAsync(nobody, Ct));

        const string newPassword = "Ferry-Timetable-2099!";
        using (var reset = await stranger.PostFormAsync(link.PathAndQuery, [new("Input.Password", newPassword), new("Input.ConfirmPassword", newPassword)], ct: Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }
        using (var again = await stranger.GetAsync(link.PathAndQuery, Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }
        using var signedIn = await NewsroomSession.SignInAsync(app, user.Email!, newPassword, Ct);

        using var empty = await stranger.PostFormAsync("/newsroom/signin/forgot-password", [new("Input.Email", "")], ct: Ct);
        Assert.Equal(["Email address is required."], await BothDoors.FormErrorsAsync(empty, "Input_Email"));
    }

    private static string Answer(string html) => Parse(html).QuerySelector(".narrow h1 + p")?.TextContent ?? html;

    private static string[] ErrorsOf(string problem, string field) =>
        [.. JsonNode.Parse(problem)!["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>())];

    private static string List(AngleSharp.Dom.IDocument page, string id) => page.QuerySelector($"#desk-{id}")!.ParentElement!.TextContent;

    private static string Heading(AngleSharp.Dom.IDocument page, string id) => System.Text.RegularExpressions.Regex.Replace(page.QuerySelector($"#desk-{id}")!.TextContent, @"\s+", " ").Trim();

}
