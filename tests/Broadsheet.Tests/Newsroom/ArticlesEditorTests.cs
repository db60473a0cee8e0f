using System.Net;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Broadsheet.Tests.Newsroom.NewsroomTesting;

namespace Broadsheet.Tests.Newsroom;

[Collection(NewsroomCollection.Name)]
public sealed class ArticlesEditorTests(ArticlesApps apps) : IClassFixture<ArticlesApps>
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_writer_writes_typed_blocks_and_every_save_keeps_a_revision_and_who_made_it(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var headline = Unique("Harbour dredging");
        var id = await CreateAsync(writer, section, headline, "Dredging starts **on Monday**, says [the port](https://port.example/news).");

        using (var added = await EditAsync(writer, id, "add:heading"))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            var form = BrowserForm.Read(await added.Content.ReadAsStringAsync(Ct));
            Assert.Equal("heading", form["Form.Blocks[1].Type"]);
            form.Set("Form.Blocks[1].Text", "What happens next").Set("Form.Blocks[1].Level", "3");
            using var saved = await writer.Client.PostAsync($"/newsroom/articles/{id}", new FormUrlEncodedContent(form.With("save")), Ct);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var article = await ArticleAsync(app, id);
        var paragraph = Assert.IsType<ParagraphBlock>(article.Body[0]);
        Assert.Contains(paragraph.Content, r => r.Bold && r.Text == "on Monday");
        Assert.Contains(paragraph.Content, r => r.Href == "https://port.example/news" && r.Text == "the port");
        Assert.Equal(new HeadingBlock("What happens next", 3), article.Body[1]);
        Assert.Equal("Test Writer", article.ModifiedBy);
        Assert.Equal(writer.UserId, article.CreatedById);

        var revisions = await RevisionsAsync(app, id);
        Assert.Equal([1, 2], revisions.Select(r => r.Version));
        Assert.All(revisions, r => Assert.Equal(writer.UserId, r.UserId));
        Assert.Equal("Created", revisions[0].Summary);

        var list = await writer.GetPageAsync($"/newsroom/articles?q={Uri.EscapeDataString(headline[..10].ToUpperInvariant())}", Ct);
        Assert.Contains(headline, list, StringComparison.Ordinal);
        Assert.Contains("by Test Writer", list, StringComparison.Ordinal);
        var editorPage = await writer.GetPageAsync($"/newsroom/articles/{id}", Ct);
        Assert.Contains("**on Monday**", editorPage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Moving_adding_and_deleting_blocks_rearranges_the_form_without_saving_or_losing_text(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var before = await WithDbAsync(app, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Articles, Ct));

        var form = BrowserForm.Read(await writer.GetPageAsync("/newsroom/articles/new", Ct))
            .Set("Form.Headline", "Unsaved draft").Set("Form.Section", section).Set("Form.Blocks[0].Text", "Alpha paragraph");
        form = await PostAsync(writer, form, "add:paragraph");
        Assert.Equal("Alpha paragraph", form["Form.Blocks[0].Text"]);
        form.Set("Form.Blocks[1].Text", "Beta paragraph");
        form = await PostAsync(writer, form, "up:1");
        Assert.Equal("Beta paragraph", form["Form.Blocks[0].Text"]);
        Assert.Equal("Alpha paragraph", form["Form.Blocks[1].Text"]);
        form = await PostAsync(writer, form, "add:quote");
        form.Set("Form.Blocks[2].Text", "A quotation").Set("Form.Blocks[2].Attribution", "A. Speaker");
        form = await PostAsync(writer, form, "delete:0");
        Assert.Equal("Alpha paragraph", form["Form.Blocks[0].Text"]);
        Assert.Equal("A quotation", form["Form.Blocks[1].Text"]);
        Assert.Equal("A. Speaker", form["Form.Blocks[1].Attribution"]);
        Assert.Equal("Unsaved draft", form["Form.Headline"]);
        Assert.Null(form["Form.Blocks[2].Type"]);

        var after = await WithDbAsync(app, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Articles, Ct));
        Assert.Equal(before, after);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_validation_error_keeps_everything_typed_and_links_each_message_to_its_field(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var form = BrowserForm.Read(await writer.GetPageAsync("/newsroom/articles/new", Ct))
            .Set("Form.Headline", "   ").Set("Form.Section", section).Set("Form.Blocks[0].Text", "Keep this carefully typed text");
        form = await PostAsync(writer, form, "add:embed");
        form.Set("Form.Blocks[1].Url", "not a url");

        using var response = await writer.Client.PostAsync("/newsroom/articles/new", new FormUrlEncodedContent(form.With("save")), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Form_Headline\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Form_Blocks_1__Url\"", html, StringComparison.Ordinal);
        var shown = BrowserForm.Read(html);
        Assert.Equal("Keep this carefully typed text", shown["Form.Blocks[0].Text"]);
        Assert.Equal("not a url", shown["Form.Blocks[1].Url"]);
        Assert.Equal(section, shown["Form.Section"]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Writers_open_only_their_own_articles_and_edit_them_only_as_drafts(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var author = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var other = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var editor = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);
        var headline = Unique("Ferry timetable");
        var id = await CreateAsync(author, section, headline);

        using (var peek = await other.GetAsync($"/newsroom/articles/{id}", Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, peek.StatusCode);
        }
        var token = NewsroomSession.AntiforgeryToken(await other.GetPageAsync("/newsroom/articles/new", Ct));
        using (var meddle = await other.PostFormWithTokenAsync($"/newsroom/articles/{id}", [new("Form.Headline", "Hijacked"), new("Form.Section", section), new("command", "save")], token, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, meddle.StatusCode);
        }
        Assert.DoesNotContain(headline, await other.GetPageAsync("/newsroom/articles", Ct), StringComparison.Ordinal);
        Assert.Contains(headline, await editor.GetPageAsync("/newsroom/articles", Ct), StringComparison.Ordinal);

        using (var submitted = await EditAsync(author, id, "submit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }
        Assert.Equal(ArticleStatus.InReview, (await ArticleAsync(app, id)).Status);
        var readOnly = await author.GetPageAsync($"/newsroom/articles/{id}", Ct);
        Assert.Contains("with the editors for review", readOnly, StringComparison.Ordinal);
        using (var late = await author.PostFormWithTokenAsync($"/newsroom/articles/{id}", [new("Form.Headline", "Late change"), new("Form.Section", section), new("command", "save")], NewsroomSession.AntiforgeryToken(readOnly), Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        }
        using (var edited = await EditAsync(editor, id, "save", f => f.Set("Form.Headline", headline + " (edited)")))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }
        Assert.Equal(headline + " (edited)", (await ArticleAsync(app, id)).Headline);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Autosave_keeps_the_form_without_touching_the_article_and_the_editor_offers_it_back(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var id = await CreateAsync(writer, section, Unique("Lighthouse"), "Saved words.");
        var saved = await ArticleAsync(app, id);

        var form = BrowserForm.Read(await writer.GetPageAsync($"/newsroom/articles/{id}", Ct)).Set("Form.Blocks[0].Text", "Unsaved words typed later.");
        using (var autosave = await writer.Client.PostAsync($"/newsroom/articles/{id}?handler=Autosave", new FormUrlEncodedContent(form.Fields), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, autosave.StatusCode);
            Assert.Contains("savedAt", await autosave.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        var unchanged = await ArticleAsync(app, id);
        Assert.Equal(saved.Version, unchanged.Version);
        Assert.Equal("Saved words.", PlainText.Of(unchanged.Body));
        Assert.Single(await RevisionsAsync(app, id));

        var reopened = await writer.GetPageAsync($"/newsroom/articles/{id}", Ct);
        Assert.Contains("were restored", reopened, StringComparison.Ordinal);
        Assert.Equal("Unsaved words typed later.", BrowserForm.Read(reopened)["Form.Blocks[0].Text"]);

        // Someone else's autosave is theirs alone.
        var editor = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);
        Assert.Equal("Saved words.", BrowserForm.Read(await editor.GetPageAsync($"/newsroom/articles/{id}", Ct))["Form.Blocks[0].Text"]);

        using (var discard = await writer.PostFormWithTokenAsync($"/newsroom/articles/{id}", [new("command", "discard-autosave")], NewsroomSession.AntiforgeryToken(reopened), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, discard.StatusCode);
        }
        Assert.Equal("Saved words.", BrowserForm.Read(await writer.GetPageAsync($"/newsroom/articles/{id}", Ct))["Form.Blocks[0].Text"]);

        // Saving makes the text content: the writer drops the buffer in the same save, so nothing is offered back.
        var typed = BrowserForm.Read(await writer.GetPageAsync($"/newsroom/articles/{id}", Ct)).Set("Form.Blocks[0].Text", "Typed, autosaved, then saved.");
        Task<int> BuffersAsync() => WithDbAsync(app, db => db.ArticleAutosaves.CountAsync(a => a.ArticleId == id, Ct));
        async Task AutosaveAsync(BrowserForm fields)
        {
            using var response = await writer.Client.PostAsync($"/newsroom/articles/{id}?handler=Autosave", new FormUrlEncodedContent(fields.Fields), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await AutosaveAsync(typed);
        Assert.Equal(1, await BuffersAsync());
        using (var save = await writer.Client.PostAsync($"/newsroom/articles/{id}", new FormUrlEncodedContent(typed.With("save")), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        }
        Assert.Equal(0, await BuffersAsync());
        var afterSave = await writer.GetPageAsync($"/newsroom/articles/{id}", Ct);
        Assert.DoesNotContain("were restored", afterSave, StringComparison.Ordinal);
        // An autosave that crossed the save on its way holds nothing unsaved: no buffer is kept for it.
        await AutosaveAsync(typed);
        Assert.Equal(0, await BuffersAsync());

        // Deleting the article takes every buffer of it along.
        await AutosaveAsync(BrowserForm.Read(afterSave).Set("Form.Blocks[0].Text", "Typed before the article was deleted."));
        Assert.Equal(1, await BuffersAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ArticleWriter>().DeleteAsync(id, ct: Ct)).Succeeded);
        }
        Assert.Equal(0, await BuffersAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task When_two_editors_save_the_same_version_the_second_keeps_their_text_sees_the_first_and_can_merge(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var first = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);
        var second = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);
        var id = await CreateAsync(first, section, Unique("Bridge repairs"), "Original text of the story.");

        var firstForm = BrowserForm.Read(await first.GetPageAsync($"/newsroom/articles/{id}", Ct)).Set("Form.Blocks[0].Text", "Text from the first editor.");
        var secondForm = BrowserForm.Read(await second.GetPageAsync($"/newsroom/articles/{id}", Ct)).Set("Form.Blocks[0].Text", "Text from the second editor.");
        using (var won = await first.Client.PostAsync($"/newsroom/articles/{id}", new FormUrlEncodedContent(firstForm.With("save")), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        }
        using var clash = await second.Client.PostAsync($"/newsroom/articles/{id}", new FormUrlEncodedContent(secondForm.With("save")), Ct);
        var html = await clash.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        Assert.Contains("saved this article while you were editing", html, StringComparison.Ordinal);
        var kept = BrowserForm.Read(html);
        Assert.Equal("Text from the second editor.", kept["Form.Blocks[0].Text"]);
        var conflict = Parse(html).QuerySelector(".conflict")!;
        Assert.Contains("first", conflict.QuerySelector("del")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("second", conflict.QuerySelector("ins")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Text from the first editor.", PlainText.Of((await ArticleAsync(app, id)).Body));

        kept.Set("Form.Blocks[0].Text", "Text from the first editor. And from the second.");
        using (var merged = await second.Client.PostAsync($"/newsroom/articles/{id}", new FormUrlEncodedContent(kept.With("save")), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        }
        var article = await ArticleAsync(app, id);
        Assert.Equal("Text from the first editor. And from the second.", PlainText.Of(article.Body));
        Assert.Equal(3, article.Version);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_preview_renders_the_unsaved_form_with_the_reader_partials_and_is_never_cached(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var form = BrowserForm.Read(await writer.GetPageAsync("/newsroom/articles/new", Ct))
            .Set("Form.Headline", "Preview headline").Set("Form.Section", section).Set("Form.Blocks[0].Text", "Words with **weight** in them.");
        using var response = await writer.Client.PostAsync("/newsroom/articles/preview", new FormUrlEncodedContent(form.Fields), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "Previews must never be stored by any cache.");
        var page = Parse(html);
        Assert.Equal("Preview headline", page.QuerySelector("article h1")!.TextContent);
        Assert.Equal("weight", page.QuerySelector(".body p strong")!.TextContent);
        Assert.Equal("5", page.QuerySelector("article")!.GetAttribute("data-words"));

        using var anonymous = NewsroomSession.Anonymous(app);
        using var refused = await anonymous.Client.PostAsync("/newsroom/articles/preview", new FormUrlEncodedContent(form.Fields), Ct);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Posts_without_the_antiforgery_token_are_refused(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var section = await SectionAsync(app);
        var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var id = await CreateAsync(writer, section, Unique("Token"));
        using var response = await writer.PostFormWithTokenAsync($"/newsroom/articles/{id}", [new("Form.Headline", "Forged"), new("command", "save")], token: null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual("Forged", (await ArticleAsync(app, id)).Headline);
    }

    private static async Task<BrowserForm> PostAsync(NewsroomSession session, BrowserForm form, string command)
    {
        using var response = await session.Client.PostAsync("/newsroom/articles/new", new FormUrlEncodedContent(form.With(command)), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{command} answered {(int)response.StatusCode}");
        return BrowserForm.Read(html);
    }
}
