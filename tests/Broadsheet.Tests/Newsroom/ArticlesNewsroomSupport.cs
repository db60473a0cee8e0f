using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Broadsheet.Articles;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsroom;

/// <summary>The collection's shared app per provider, for the newsroom's article tests.</summary>
public sealed class ArticlesApps(SharedApps shared) : SharedProviderApps(shared);

/// <summary>
/// A form as a browser would submit it: every named control of the form in document order (checked boxes only,
/// the selected option), read from the page's HTML with AngleSharp, so tests post exactly what the page offers.
/// </summary>
public sealed class BrowserForm
{
    private readonly List<KeyValuePair<string, string>> fields;

    private BrowserForm(string action, List<KeyValuePair<string, string>> fields)
    {
        Action = action;
        this.fields = fields;
    }

    public string Action { get; }

    public static BrowserForm Read(string html, string selector = "#editor-form")
    {
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {selector} in the page.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element is IHtmlButtonElement)
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        fields.Add(new(name, box.Value));
                    }
                    break;
                case IHtmlInputElement { Type: "file" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.SelectedOptions.FirstOrDefault()?.Value ?? select.Options.FirstOrDefault()?.Value ?? ""));
                    break;
            }
        }
        return new BrowserForm(form.GetAttribute("action") ?? "", fields);
    }

    public string? this[string name] => fields.FirstOrDefault(f => f.Key == name).Value;

    public BrowserForm Set(string name, string value)
    {
        var index = fields.FindIndex(f => f.Key == name);
        if (index < 0)
        {
            fields.Add(new(name, value));
        }
        else
        {
            fields[index] = new(name, value);
        }
        return this;
    }

    public IReadOnlyList<KeyValuePair<string, string>> With(string command) => [.. fields, new("command", command)];

    public IReadOnlyList<KeyValuePair<string, string>> Fields => fields;
}

internal static class NewsroomTesting
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A section for a test's articles (setup straight into the database: sections are not under test here).</summary>
    public static async Task<string> SectionAsync(BroadsheetApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var path = Unique("desk");
        db.Sections.Add(new Section { Path = path, Name = "Desk " + path[5..] });
        await db.SaveChangesAsync(Ct);
        return path;
    }

    public static async Task<T> WithDbAsync<T>(BroadsheetApp app, Func<BroadsheetDb, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<BroadsheetDb>());
    }

    public static Task<Article> ArticleAsync(BroadsheetApp app, int id) =>
        WithDbAsync(app, db => db.Articles.AsNoTracking().Include(a => a.Section).Include(a => a.Notes).FirstAsync(a => a.Id == id, Ct));

    public static Task<List<AuditEntry>> AuditAsync(BroadsheetApp app, int id) =>
        WithDbAsync(app, db => db.AuditEntries.AsNoTracking().Where(e => e.ArticleId == id).OrderBy(e => e.Id).ToListAsync(Ct));

    public static Task<List<ArticleRevision>> RevisionsAsync(BroadsheetApp app, int id) =>
        WithDbAsync(app, db => db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderBy(r => r.Id).ToListAsync(Ct));

    /// <summary>Opens the new-article form, fills headline, section and one paragraph, and saves with <paramref name="command"/>; returns the article id.</summary>
    public static async Task<int> CreateAsync(NewsroomSession session, string section, string headline, string paragraph = "First paragraph with **bold** words.", string command = "save")
    {
        var form = BrowserForm.Read(await session.GetPageAsync("/newsroom/articles/new", Ct))
            .Set("Form.Headline", headline)
            .Set("Form.Section", section)
            .Set("Form.Blocks[0].Text", paragraph)
            .Set("Form.Byline[0].Name", "Test Reporter");
        PastTheChecklist(form, command);
        using var response = await session.Client.PostAsync("/newsroom/articles/new", new FormUrlEncodedContent(form.With(command)), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Creating answered {(int)response.StatusCode}: {body}");
        var location = response.Headers.Location!.OriginalString;
        return int.Parse(location[(location.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Loads the editor for article <paramref name="id"/>, lets <paramref name="edit"/> change the form, posts it with <paramref name="command"/>.</summary>
    public static async Task<HttpResponseMessage> EditAsync(NewsroomSession session, int id, string command, Action<BrowserForm>? edit = null)
    {
        var form = BrowserForm.Read(await session.GetPageAsync($"/newsroom/articles/{id}", Ct));
        edit?.Invoke(form);
        PastTheChecklist(form, command);
        return await session.Client.PostAsync($"/newsroom/articles/{id}", new FormUrlEncodedContent(form.With(command)), Ct);
    }

    /// <summary>
    /// These tests' stories are short on purpose (no summary, no picture), so a publish or a schedule says it goes past
    /// the publishing checklist, as an editor's "Publish anyway" does; the checklist itself is tested in PublishChecklistTests.
    /// </summary>
    private static void PastTheChecklist(BrowserForm form, string command)
    {
        if (command is "publish" or "schedule")
        {
            form.Set("Form.PublishPastWarnings", "true");
        }
    }

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
