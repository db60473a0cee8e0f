using System.Net;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Tests.Infrastructure;
using static Broadsheet.Tests.Newsroom.NewsroomTesting;

namespace Broadsheet.Tests.Newsroom;

[Collection(NewsroomCollection.Name)]
public sealed class WorkflowRevisionTests(ArticlesApps apps) : IClassFixture<ArticlesApps>
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Any_two_revisions_compare_word_by_word_and_restoring_one_saves_it_as_a_new_revision(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var id = await CreateAsync(writer, section, Unique("Fox report"), "The quick brown fox jumps.");
        using (var saved = await EditAsync(writer, id, "save", f => f.Set("Form.Blocks[0].Text", "The quick red fox jumps.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var revisions = await RevisionsAsync(app, id);
        Assert.Equal(2, revisions.Count);

        var compare = Parse(await writer.GetPageAsync($"/newsroom/articles/{id}/revisions?from={revisions[0].Id}&to={revisions[1].Id}", Ct));
        var body = compare.QuerySelectorAll("table.diff").Single(t => t.QuerySelector("caption")!.TextContent == "Body");
        Assert.Equal("brown", body.QuerySelector("del")!.TextContent.Trim());
        Assert.Equal("red", body.QuerySelector("ins")!.TextContent.Trim());
        Assert.DoesNotContain(compare.QuerySelectorAll("table.diff caption"), c => c.TextContent == "Headline");

        var page = await writer.GetPageAsync($"/newsroom/articles/{id}/revisions", Ct);
        var restore = BrowserForm.Read(page, $"form:has(input[name='revision'][value='{revisions[0].Id}'])");
        using (var restored = await writer.Client.PostAsync(restore.Action, new FormUrlEncodedContent(restore.Fields), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }
        var article = await ArticleAsync(app, id);
        Assert.Equal("The quick brown fox jumps.", PlainText.Of(article.Body));
        var after = await RevisionsAsync(app, id);
        Assert.Equal(3, after.Count);
        Assert.Equal("Restored version 1", after[2].Summary);
        Assert.Equal(article.Version, after[2].Version);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Restoring_a_published_article_opens_the_old_text_in_the_editor_and_readers_see_no_change(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var editor = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);
        var id = await CreateAsync(editor, section, Unique("Tide tables"), "First published text.", command: "publish");
        using (var updated = await EditAsync(editor, id, "save", f => f.Set("Form.Blocks[0].Text", "Second published text.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        }
        var revisions = await RevisionsAsync(app, id);
        var before = await ArticleAsync(app, id);

        var page = await editor.GetPageAsync($"/newsroom/articles/{id}/revisions", Ct);
        var restore = BrowserForm.Read(page, $"form:has(input[name='revision'][value='{revisions[0].Id}'])");
        using var restored = await editor.Client.PostAsync(restore.Action, new FormUrlEncodedContent(restore.Fields), Ct);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var location = restored.Headers.Location!.OriginalString;
        Assert.Equal($"/newsroom/articles/{id}?restore={revisions[0].Id}", location);

        var editorPage = await editor.GetPageAsync(location, Ct);
        Assert.Equal("First published text.", BrowserForm.Read(editorPage)["Form.Blocks[0].Text"]);
        Assert.Contains("the published article stays as it is until then", editorPage, StringComparison.Ordinal);
        var after = await ArticleAsync(app, id);
        Assert.Equal(ArticleStatus.Published, after.Status);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal("Second published text.", PlainText.Of(after.Body));
        Assert.Equal(revisions.Count, (await RevisionsAsync(app, id)).Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Another_writer_cannot_read_or_restore_a_writers_revisions(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var author = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var other = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var id = await CreateAsync(author, section, Unique("Private draft"));
        var revision = (await RevisionsAsync(app, id))[0];
        using var read = await other.GetAsync($"/newsroom/articles/{id}/revisions", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        using var restore = await other.PostFormWithTokenAsync($"/newsroom/articles/{id}/revisions?handler=Restore",
            [new("revision", revision.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("version", "1")],
            NewsroomSession.AntiforgeryToken(await other.GetPageAsync("/newsroom/articles/new", Ct)), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, restore.StatusCode);
    }
}
