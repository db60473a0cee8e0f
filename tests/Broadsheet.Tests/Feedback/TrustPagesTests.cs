using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Broadsheet.Accounts;
using Broadsheet.Feedback;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Infrastructure;
using Broadsheet.Tests.Newsroom;
using Broadsheet.Tests.Reader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Broadsheet.Tests.Feedback;

/// <summary>
/// The Trust Project indicators through the real doors: articles written through the admin API and the newsroom, read
/// on the reader's page and in its JSON-LD; readers' error reports from the article's form into the newsroom's queue.
/// </summary>
[Collection(SharedAppsCollection.Name)]
public sealed class TrustPagesTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(BroadsheetApp App, HttpClient Admin, string Section)> SetUpAsync(ApiApps apps, DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var section = Api.Api.Unique("trust");
        await admin.PutSectionAsync(section, "Trust desk");
        return (app, admin, section);
    }

    private static JsonObject JsonLd(IDocument page) =>
        JsonNode.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent)!.AsObject();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Sponsored_and_opinion_articles_are_labelled_and_typed_with_their_sponsor_sources_and_corrections(DatabaseProvider provider)
    {
        var (app, admin, section) = await SetUpAsync(apps, provider);
        var sponsored = Api.Api.ArticleJson(section, "Saving for a rainy season");
        sponsored["type"] = "sponsored";
        sponsored["sponsor"] = "Harbour Savings Bank";
        sponsored["dateline"] = "PENANG";
        sponsored["methods"] = "We read the bank's filings.\n\nWe spoke to four savers.";
        sponsored["body"] = new JsonObject
        {
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray(new JsonObject { ["text"] = "Savers are putting more aside." }) },
                new JsonObject { ["type"] = "sources", ["items"] = new JsonArray(new JsonObject { ["title"] = "Savings survey 2026", ["url"] = "https://bank.example/survey", ["note"] = "Table 2" }) }),
        };
        var sponsoredId = await admin.CreateArticleAsync(sponsored);
        var stored = await admin.GetJsonAsync($"/api/admin/articles/{sponsoredId}");
        Assert.Equal("Harbour Savings Bank", stored["sponsor"]!.GetValue<string>());
        var url = (await admin.PublishAsync(sponsoredId))["url"]!.GetValue<string>();
        await admin.PostAsync($"/api/admin/articles/{sponsoredId}/notes", Api.Api.Json(new { kind = "correction", text = "The survey covered 2026, not 2025." }), Ct).ExpectAsync(HttpStatusCode.Created);
        var opinion = Api.Api.ArticleJson(section, "Our ferries deserve better");
        opinion["type"] = "opinion";
        var opinionUrl = (await admin.PublishAsync(await admin.CreateArticleAsync(opinion)))["url"]!.GetValue<string>();

        using var reader = app.Client();
        var page = await reader.GetDocumentAsync(url);
        Assert.Equal("Sponsored by Harbour Savings Bank", page.QuerySelector(".work-type").Text());
        Assert.Contains("We spoke to four savers.", page.QuerySelector(".about-story").Text(), StringComparison.Ordinal);
        Assert.Contains("PENANG", page.QuerySelector(".about-story").Text(), StringComparison.Ordinal);
        Assert.Equal("https://bank.example/survey", page.QuerySelector(".sources a")!.GetAttribute("href"));
        var ld = JsonLd(page);
        Assert.Equal("AdvertiserContentArticle", ld["@type"]!.GetValue<string>());
        Assert.Equal("Harbour Savings Bank", ld["sponsor"]!["name"]!.GetValue<string>());
        Assert.Equal("PENANG", ld["contentLocation"]!["name"]!.GetValue<string>());
        Assert.Equal("Savings survey 2026", ld["citation"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("The survey covered 2026, not 2025.", ld["correction"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("CorrectionComment", ld["correction"]![0]!["@type"]!.GetValue<string>());

        var opinionPage = await reader.GetDocumentAsync(opinionUrl);
        Assert.Equal("Opinion", opinionPage.QuerySelector(".work-type").Text());
        Assert.Equal("OpinionNewsArticle", JsonLd(opinionPage)["@type"]!.GetValue<string>());
        // The section's listing labels both cards; the sponsored one with its sponsor.
        var listing = await reader.GetDocumentAsync($"/news/{section}");
        var labels = listing.QuerySelectorAll(".card-meta .work-type").Select(e => e.Text()).ToList();
        Assert.Contains("Opinion", labels);
        Assert.Contains("Sponsored by Harbour Savings Bank", labels);
    }

    [Fact]
    public async Task A_missing_sponsor_and_a_bad_source_get_the_same_message_from_the_api_and_the_newsroom()
    {
        var (app, admin, section) = await SetUpAsync(apps, DatabaseProvider.Sqlite);
        var article = Api.Api.ArticleJson(section, "Unlabelled advertorial");
        article["type"] = "sponsored";
        article["body"] = new JsonObject
        {
            ["blocks"] = new JsonArray(new JsonObject { ["type"] = "sources", ["items"] = new JsonArray(new JsonObject { ["title"] = "Brochure", ["url"] = "brochure.pdf" }) }),
        };
        using var api = await admin.PostAsync("/api/admin/articles", Api.Api.Json(article.ToJsonString()), Ct);

        using var editor = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);
        var form = BrowserForm.Read(await editor.GetPageAsync("/newsroom/articles/new", Ct))
            .Set("Form.Headline", "Unlabelled advertorial").Set("Form.Section", section).Set("Form.Type", "sponsored")
            .Set("Form.Blocks[0].Type", "sources").Set("Form.Blocks[0].Text", "Brochure | brochure.pdf");
        using var newsroom = await editor.Client.PostAsync("/newsroom/articles/new", new FormUrlEncodedContent(form.With("save")), Ct);
        var html = await newsroom.Content.ReadAsStringAsync(Ct);

        var sponsor = await BothDoors.ApiErrorsAsync(api, "sponsor");
        Assert.Equal(["Required for a sponsored article: readers are always told who paid for it."], sponsor);
        Assert.Equal(sponsor, await BothDoors.FormErrorsAsync(newsroom, "Form_Sponsor"));
        var source = await BothDoors.ApiErrorsAsync(api, "body.blocks[0].items[0].url");
        Assert.Contains(source.Single(), html, StringComparison.Ordinal);
        Assert.Equal("Brochure | brochure.pdf", BrowserForm.Read(html)["Form.Blocks[0].Text"]);

        // A sponsor on anything but a sponsored article is refused, not dropped.
        article["type"] = "news";
        article["sponsor"] = "Someone";
        article["body"] = new JsonObject { ["markdown"] = "Text." };
        using var news = await admin.PostAsync("/api/admin/articles", Api.Api.Json(article.ToJsonString()), Ct);
        Assert.Equal(["Only a sponsored article names a sponsor; set the type to sponsored or leave this empty."], await BothDoors.ApiErrorsAsync(news, "sponsor"));
    }

    [Fact]
    public async Task A_readers_error_report_reaches_the_newsroom_queue_past_the_spam_checks_and_the_article_stays_cached()
    {
        var (app, admin, section) = await SetUpAsync(apps, DatabaseProvider.Sqlite);
        var headline = Api.Api.Unique("Ferry fares rise again");
        var id = await admin.CreateArticleAsync(Api.Api.ArticleJson(section, headline));
        var url = (await admin.PublishAsync(id))["url"]!.GetValue<string>();
        using var reader = app.Client();
        var article = await reader.GetDocumentAsync(url);
        Assert.Equal($"/report-error?article={id}", article.QuerySelector(".report a")!.GetAttribute("href"));
        Assert.Empty(article.QuerySelectorAll("form.report-form, input[name=token]"));
        var page = await reader.GetDocumentAsync($"/report-error?article={id}");
        var token = page.QuerySelector(".report-form input[name=token]")!.GetAttribute("value")!;
        Assert.Equal("/report-error", page.QuerySelector(".report-form")!.GetAttribute("action"));
        Assert.Empty(page.QuerySelectorAll(".report-form input[name=__RequestVerificationToken]"));
        var details = Api.Api.Unique("The fare is 4.50, not 5.40");

        Task<HttpResponseMessage> Send(string? withToken, string text, string? email = null, string honeypot = "") =>
            reader.PostAsync("/report-error", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["article"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["token"] = withToken ?? "", ["details"] = text,
                ["email"] = email ?? "", ["website"] = honeypot,
            }), Ct);
        Task<int> Stored() => app.InScopeAsync(db => db.Set<ErrorReport>().CountAsync(r => r.ArticleId == id, Ct));

        // Straight from the page: too fast for a person. The form comes back with what was typed.
        using (var tooFast = await Send(token, details))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, tooFast.StatusCode);
            var again = Html.Parse(await tooFast.Content.ReadAsStringAsync(Ct));
            Assert.Contains("very quickly", again.QuerySelector(".form-notice").Text(), StringComparison.Ordinal);
            Assert.Equal(details, again.QuerySelector("textarea[name=details]").Text());
            Assert.Equal("no-store", tooFast.Headers.CacheControl?.ToString());
        }
        // The honeypot filled: thanked, nothing kept.
        using (var bot = await Send(token, details, honeypot: "https://spam.example"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, bot.StatusCode);
        }
        Assert.Equal(0, await Stored());

        // A page made ten seconds ago, with a bad address: the field says so and keeps the text.
        var aged = app.Services.GetRequiredService<ReportTokens>().Issue(id, DateTimeOffset.UtcNow.AddSeconds(-10));
        using (var badEmail = await Send(aged, details, "not an address"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, badEmail.StatusCode);
            var again = Html.Parse(await badEmail.Content.ReadAsStringAsync(Ct));
            Assert.Contains("email address", again.QuerySelector(".field-error").Text(), StringComparison.Ordinal);
            Assert.Equal(details, again.QuerySelector("textarea[name=details]").Text());
        }
        using (var sent = await Send(aged, details, "reader@example.com"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
            Assert.Equal($"/report-error?article={id}&sent=true", sent.Headers.Location!.OriginalString);
        }
        Assert.Equal(1, await Stored());

        // The corrections desk gets it by email, quoted and linked, answering the reader on reply.
        var (email, text) = await TestSmtp.WaitForAsync(BroadsheetApp.ErrorReportsDesk, m => m.Subject == $"Error report: {headline}", Ct);
        Assert.Contains(details, text, StringComparison.Ordinal);
        var publicUrl = app.Services.GetRequiredService<IOptions<BroadsheetOptions>>().Value.PublicUrl.TrimEnd('/');
        Assert.Contains(publicUrl + url, text, StringComparison.Ordinal);
        Assert.Contains(publicUrl + "/newsroom/error-reports", text, StringComparison.Ordinal);
        Assert.Contains("reader@example.com", Assert.Single(await TestSmtp.HeaderAsync(email, "Reply-To", Ct)), StringComparison.Ordinal);

        // The article page was not touched: the same cached page, still only linking to the form.
        Assert.Equal(article.DocumentElement.OuterHtml, (await reader.GetDocumentAsync(url)).DocumentElement.OuterHtml);

        // The editors' queue shows it, linked to the article; resolving needs a note and keeps a refused one.
        using var editor = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);
        var queue = await editor.GetPageAsync("/newsroom/error-reports", Ct);
        Assert.Contains(details, queue, StringComparison.Ordinal);
        Assert.Contains($"href=\"/newsroom/articles/{id}\"", queue, StringComparison.Ordinal);
        // The desk counts the open reports and leads to the queue.
        var desk = await editor.GetPageAsync("/newsroom", Ct);
        var open = System.Text.RegularExpressions.Regex.Match(desk, @"Error reports <span class=""desk-count"">\((\d+)\)");
        Assert.True(open.Success && int.Parse(open.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1, "the desk counts the open report");
        Assert.Contains("href=\"/newsroom/error-reports\"", desk, StringComparison.Ordinal);
        var reportId = await app.InScopeAsync(db => db.Set<ErrorReport>().Where(r => r.Details == details).Select(r => r.Id).SingleAsync(Ct));
        var resolve = BrowserForm.Read(queue, $"form[action^='/newsroom/error-reports?id={reportId}&']");
        using (var empty = await editor.Client.PostAsync(resolve.Action, new FormUrlEncodedContent(resolve.Set("note", " ").Fields), Ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
            Assert.Contains("Say what was done", await empty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var done = await editor.Client.PostAsync(resolve.Action, new FormUrlEncodedContent(resolve.Set("note", "Corrected the fare.").Fields), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }
        var resolved = await editor.GetPageAsync("/newsroom/error-reports?resolved=true", Ct);
        Assert.Contains("Corrected the fare.", resolved, StringComparison.Ordinal);
        Assert.DoesNotContain(details + "</blockquote>", await editor.GetPageAsync("/newsroom/error-reports", Ct), StringComparison.Ordinal);
    }
}
