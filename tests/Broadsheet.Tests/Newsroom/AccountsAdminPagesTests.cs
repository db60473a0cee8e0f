using System.Net;
using System.Text.RegularExpressions;
using Broadsheet.Accounts;
using Broadsheet.Data;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Broadsheet.Tests.Newsroom;

/// <summary>The admin pages over real HTTP: create, update and delete, field errors that write nothing, and cache eviction.</summary>
[Collection(NewsroomCollection.Name)]
public sealed partial class AccountsAdminPagesTests(NewsroomApps apps) : IClassFixture<NewsroomApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => NewsroomApps.Providers;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    private static async Task<T> InDbAsync<T>(BroadsheetApp app, Func<BroadsheetDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BroadsheetDb>());
    }

    private static async Task<string> ShowsErrorsAsync(HttpResponseMessage response, params string[] fields)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        foreach (var field in fields)
        {
            Assert.Contains($"href=\"#Input_{field}\"", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"Input_{field}-error\"", html, StringComparison.Ordinal);
        }
        return html;
    }

    private static void Redirected(HttpResponseMessage response, string? to = null)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (to is not null)
        {
            Assert.Equal(to, response.Headers.Location?.OriginalString);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Sections_are_created_renamed_and_deleted_with_field_errors_and_fresh_reader_pages(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        using var admin = await NewsroomSession.SignInAsync(app, NewsroomRoles.Admin, Ct);
        var slug = Unique("world");
        var before = await InDbAsync(app, db => db.Sections.CountAsync(Ct));

        await ShowsErrorsAsync(await admin.PostFormAsync("/newsroom/admin/sections", [new("Input.Name", ""), new("Input.Slug", "Not A Slug"), new("Input.ParentId", "")], ct: Ct), "Name", "Slug");
        await ShowsErrorsAsync(await admin.PostFormAsync("/newsroom/admin/sections", [new("Input.Name", "Orphan"), new("Input.ParentId", "999999")], ct: Ct), "ParentId");
        Assert.Equal(before, await InDbAsync(app, db => db.Sections.CountAsync(Ct)));

        Redirected(await admin.PostFormAsync("/newsroom/admin/sections", [new("Input.Name", "World news"), new("Input.Slug", slug), new("Input.ParentId", "")], ct: Ct), "/newsroom/admin/sections");
        var parent = await InDbAsync(app, db => db.Sections.SingleAsync(s => s.Path == slug, Ct));
        Redirected(await admin.PostFormAsync("/newsroom/admin/sections", [new("Input.Name", "Europe"), new("Input.ParentId", parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], ct: Ct));
        var child = await InDbAsync(app, db => db.Sections.SingleAsync(s => s.Path == slug + "/europe", Ct));
        var list = await admin.GetPageAsync("/newsroom/admin/sections", Ct);
        Assert.Contains($"Section &#x27;Europe&#x27; created at /news/{slug}/europe.", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/newsroom/admin/sections/{child.Id}\"", list, StringComparison.Ordinal);
        await ShowsErrorsAsync(await admin.PostFormAsync("/newsroom/admin/sections", [new("Input.Name", "Europe"), new("Input.ParentId", parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], ct: Ct), "Name");

        // The reader's section page is cached; renaming evicts it.
        using var reader = app.Client();
        Assert.Contains("World news", await reader.GetStringAsync($"/news/{slug}", Ct), StringComparison.Ordinal);
        await ShowsErrorsAsync(await admin.PostFormAsync($"/newsroom/admin/sections/{parent.Id}", [new("Input.Name", ""), new("Input.Position", "0")], ct: Ct), "Name");
        Redirected(await admin.PostFormAsync($"/newsroom/admin/sections/{parent.Id}", [new("Input.Name", "Around the world"), new("Input.Position", "3")], ct: Ct));
        var page = await reader.GetStringAsync($"/news/{slug}", Ct);
        Assert.Contains("Around the world", page, StringComparison.Ordinal);
        Assert.DoesNotContain("World news", page, StringComparison.Ordinal);

        using (var blocked = await admin.PostFormAsync($"/newsroom/admin/sections/{parent.Id}?handler=Delete", [], ct: Ct))
        {
            var html = await blocked.Content.ReadAsStringAsync(Ct);
            Assert.Contains("This section has subsections", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Enter the section", html, StringComparison.Ordinal);
        }
        Redirected(await admin.PostFormAsync($"/newsroom/admin/sections/{child.Id}?handler=Delete", [], ct: Ct), "/newsroom/admin/sections");
        Redirected(await admin.PostFormAsync($"/newsroom/admin/sections/{parent.Id}?handler=Delete", [], ct: Ct));
        Assert.False(await InDbAsync(app, db => db.Sections.AnyAsync(s => s.Path.StartsWith(slug), Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/news/{slug}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/newsroom/admin/sections/{parent.Id}", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Topics_and_contributors_are_created_edited_and_deleted(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        using var admin = await NewsroomSession.SignInAsync(app, NewsroomRoles.Admin, Ct);
        var topicSlug = Unique("elections");

        await ShowsErrorsAsync(await admin.PostFormAsync("/newsroom/admin/topics", [new("Input.Name", ""), new("Input.Slug", "Bad Slug!")], ct: Ct), "Name", "Slug");
        Redirected(await admin.PostFormAsync("/newsroom/admin/topics", [new("Input.Name", "Elections"), new("Input.Slug", topicSlug), new("Input.Description", "Votes.")], ct: Ct));
        await ShowsErrorsAsync(await admin.PostFormAsync("/newsroom/admin/topics", [new("Input.Name", "Elections again"), new("Input.Slug", topicSlug)], ct: Ct), "Slug");
        var topic = await InDbAsync(app, db => db.Topics.SingleAsync(t => t.Slug == topicSlug, Ct));
        Assert.Equal("Votes.", topic.Description);
        Redirected(await admin.PostFormAsync($"/newsroom/admin/topics/{topic.Id}", [new("Input.Name", "General elections"), new("Input.Description", "")], ct: Ct));
        topic = await InDbAsync(app, db => db.Topics.SingleAsync(t => t.Id == topic.Id, Ct));
        Assert.Equal(("General elections", null), (topic.Name, topic.Description));
        Redirected(await admin.PostFormAsync($"/newsroom/admin/topics/{topic.Id}?handler=Delete", [], ct: Ct), "/newsroom/admin/topics");
        Assert.False(await InDbAsync(app, db => db.Topics.AnyAsync(t => t.Id == topic.Id, Ct)));

        var name = Unique("Jo Reporter");
        await ShowsErrorsAsync(await admin.PostFormAsync("/newsroom/admin/contributors", [new("Input.Name", ""), new("Input.Kind", "Robot")], ct: Ct), "Name", "Kind");
        Redirected(await admin.PostFormAsync("/newsroom/admin/contributors", [new("Input.Name", name), new("Input.Kind", "Agency"), new("Input.Role", "Wire service"), new("Input.Bio", "Since 1851.")], ct: Ct));
        var contributor = await InDbAsync(app, db => db.Contributors.SingleAsync(c => c.Name == name, Ct));
        Assert.Equal((Broadsheet.Articles.ContributorKind.Agency, "Wire service", "Since 1851."), (contributor.Kind, contributor.Role, contributor.Bio));
        using var reader = app.Client();
        Assert.Contains("News agency whose reports", await reader.GetStringAsync($"/authors/{contributor.Slug}", Ct), StringComparison.Ordinal);
        // The author page is cached; saving evicts it, so the new kind, role and bio show at once.
        Redirected(await admin.PostFormAsync($"/newsroom/admin/contributors/{contributor.Id}", [new("Input.Name", name), new("Input.Kind", "Person"), new("Input.Role", "Foreign desk"), new("Input.Bio", "Joined in 2011.")], ct: Ct));
        var profile = await reader.GetStringAsync($"/authors/{contributor.Slug}", Ct);
        Assert.Contains("Foreign desk", profile, StringComparison.Ordinal);
        Assert.Contains("Joined in 2011.", profile, StringComparison.Ordinal);
        Redirected(await admin.PostFormAsync($"/newsroom/admin/contributors/{contributor.Id}?handler=Delete", [], ct: Ct));
        Assert.False(await InDbAsync(app, db => db.Contributors.AnyAsync(c => c.Id == contributor.Id, Ct)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Standards_pages_are_written_in_Markdown_and_edited_back_as_Markdown(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        using var admin = await NewsroomSession.SignInAsync(app, NewsroomRoles.Admin, Ct);
        var slug = Unique("corrections");
        const string markdown = "We correct errors **promptly**.\n\n## How to tell us\n\n- Write to the *desk*\n- Or see [our contacts](https://example.com/contact)";

        await ShowsErrorsAsync(await admin.PostFormAsync("/newsroom/admin/standards", [new("Input.Title", ""), new("Input.Body", "   ")], ct: Ct), "Title", "Body");
        Redirected(await admin.PostFormAsync("/newsroom/admin/standards", [new("Input.Title", "Corrections policy"), new("Input.Slug", slug), new("Input.Body", markdown)], ct: Ct));
        var stored = await InDbAsync(app, db => db.StandardsPages.SingleAsync(p => p.Slug == slug, Ct));
        Assert.Equal(3, stored.Body.Count); // paragraph, heading, list

        using var reader = app.Client();
        var page = await reader.GetStringAsync($"/standards/{slug}", Ct);
        Assert.Contains("<strong>promptly</strong>", page, StringComparison.Ordinal);
        Assert.Contains("How to tell us", page, StringComparison.Ordinal);

        var edit = await admin.GetPageAsync($"/newsroom/admin/standards/{stored.Id}", Ct);
        Assert.Contains(System.Net.WebUtility.HtmlEncode("We correct errors **promptly**."), edit, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode("- Write to the *desk*"), edit, StringComparison.Ordinal);

        // Editing the page's own Markdown back keeps the same blocks.
        var roundTrip = Broadsheet.Newsroom.Admin.Standards.MarkdownText.From(stored.Body);
        Redirected(await admin.PostFormAsync($"/newsroom/admin/standards/{stored.Id}", [new("Input.Title", "Corrections"), new("Input.Body", roundTrip)], ct: Ct));
        var again = await InDbAsync(app, db => db.StandardsPages.SingleAsync(p => p.Id == stored.Id, Ct));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(stored.Body), System.Text.Json.JsonSerializer.Serialize(again.Body));
        Assert.Contains("Corrections", await reader.GetStringAsync("/standards", Ct), StringComparison.Ordinal);

        await ShowsErrorsAsync(await admin.PostFormAsync($"/newsroom/admin/standards/{stored.Id}", [new("Input.Title", "Corrections"), new("Input.Body", $"![Chart](/media/{Guid.NewGuid()})")], ct: Ct), "Body");
        Redirected(await admin.PostFormAsync($"/newsroom/admin/standards/{stored.Id}?handler=Delete", [], ct: Ct), "/newsroom/admin/standards");
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/standards/{slug}", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Ads_are_uploaded_targeted_edited_and_deleted_and_show_their_counts(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        using var admin = await NewsroomSession.SignInAsync(app, NewsroomRoles.Admin, Ct);
        var name = Unique("Subscribe");
        var images = await InDbAsync(app, db => db.Images.CountAsync(Ct));

        // Every field wrong at once: nothing stored, not even the image.
        using (var bad = await admin.PostMultipartAsync("/newsroom/admin/ads",
            [new("Input.Name", ""), new("Input.LinkUrl", "javascript:alert(1)"), new("Input.Alt", ""), new("Input.SectionPath", "no/such"), new("Input.StartsAt", "2030-01-02T10:00"), new("Input.EndsAt", "2030-01-01T10:00")],
            [("Input.Upload", "ad.png", "image/png", Png(600, 500))], ct: Ct))
        {
            await ShowsErrorsAsync(bad, "Name", "LinkUrl", "Alt", "SectionPath", "EndsAt");
        }
        await ShowsErrorsAsync(await admin.PostMultipartAsync("/newsroom/admin/ads",
            [new("Input.Name", name), new("Input.LinkUrl", "https://example.com/subscribe"), new("Input.Alt", "Subscribe")], [], ct: Ct), "Upload");
        await ShowsErrorsAsync(await admin.PostMultipartAsync("/newsroom/admin/ads",
            [new("Input.Name", name), new("Input.LinkUrl", "https://example.com/subscribe"), new("Input.Alt", "Subscribe")],
            [("Input.Upload", "ad.png", "image/png", "not an image"u8.ToArray())], ct: Ct), "Upload");
        Assert.Equal(images, await InDbAsync(app, db => db.Images.CountAsync(Ct)));
        Assert.False(await InDbAsync(app, db => db.AdCreatives.AnyAsync(a => a.Name == name, Ct)));

        Redirected(await admin.PostMultipartAsync("/newsroom/admin/ads",
            [new("Input.Name", name), new("Input.LinkUrl", "https://example.com/subscribe"), new("Input.Alt", "Subscribe to the Meridian"), new("Input.StartsAt", "2020-01-01T00:00")],
            [("Input.Upload", "ad.png", "image/png", Png(600, 500))], ct: Ct), "/newsroom/admin/ads");
        var ad = await InDbAsync(app, db => db.AdCreatives.Include(a => a.Image).SingleAsync(a => a.Name == name, Ct));
        Assert.Equal(("https://example.com/subscribe", 600), (ad.LinkUrl, ad.Image.Width));
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), ad.StartsAt);

        await InDbAsync(app, async db =>
        {
            await db.AdCreatives.Where(a => a.Id == ad.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Impressions, 1234).SetProperty(a => a.Clicks, 56), Ct);
            return 0;
        });
        var edit = await admin.GetPageAsync($"/newsroom/admin/ads/{ad.Id}", Ct);
        Assert.Contains("<dd id=\"impressions\">1,234</dd>", edit, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"clicks\">56</dd>", edit, StringComparison.Ordinal);
        Assert.Contains(ad.ImageId.ToString("D"), edit, StringComparison.Ordinal);

        // Keeping the image: its id is already in the form.
        Redirected(await admin.PostMultipartAsync($"/newsroom/admin/ads/{ad.Id}",
            [new("Input.Name", name), new("Input.ImageId", ad.ImageId.ToString("D")), new("Input.LinkUrl", "https://example.com/offer"), new("Input.Alt", "Half price")], [], ct: Ct));
        var saved = await InDbAsync(app, db => db.AdCreatives.SingleAsync(a => a.Id == ad.Id, Ct));
        Assert.Equal(("https://example.com/offer", "Half price", ad.ImageId, (DateTimeOffset?)null, 1234L), (saved.LinkUrl, saved.Alt, saved.ImageId, saved.StartsAt, saved.Impressions));

        Redirected(await admin.PostFormAsync($"/newsroom/admin/ads/{ad.Id}?handler=Delete", [], ct: Ct), "/newsroom/admin/ads");
        Assert.False(await InDbAsync(app, db => db.AdCreatives.AnyAsync(a => a.Id == ad.Id, Ct)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_api_key_is_shown_once_works_and_stops_when_revoked(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        using var admin = await NewsroomSession.SignInAsync(app, NewsroomRoles.Admin, Ct);
        var name = Unique("importer");
        await ShowsErrorsAsync(await admin.PostFormAsync("/newsroom/admin/apikeys", [new("Input.Name", "")], ct: Ct), "Name");

        string secret;
        using (var created = await admin.PostFormAsync("/newsroom/admin/apikeys", [new("Input.Name", name)], ct: Ct))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            secret = NewKey().Match(await created.Content.ReadAsStringAsync(Ct)).Groups[1].Value;
        }
        Assert.StartsWith("bsk_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await admin.GetPageAsync("/newsroom/admin/apikeys", Ct), StringComparison.Ordinal);
        await ShowsErrorsAsync(await admin.PostFormAsync("/newsroom/admin/apikeys", [new("Input.Name", name)], ct: Ct), "Name");

        using var api = app.Client();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/admin/sections", Ct)).StatusCode);
        Redirected(await admin.PostFormAsync("/newsroom/admin/apikeys?handler=Revoke", [new("name", name)], ct: Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/admin/sections", Ct)).StatusCode);
        Assert.Contains("revoked", await admin.GetPageAsync("/newsroom/admin/apikeys", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_admin_adds_a_colleague_who_sets_a_password_then_changes_their_role_and_access(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        using var admin = await NewsroomSession.SignInAsync(app, NewsroomRoles.Admin, Ct);
        var email = $"{Unique("colleague")}@example.com";

        await ShowsErrorsAsync(await admin.PostFormAsync("/newsroom/admin/users", [new("Input.Email", "nope"), new("Input.DisplayName", ""), new("Input.Role", "Writer")], ct: Ct), "Email", "DisplayName");
        await ShowsErrorsAsync(await admin.PostFormAsync("/newsroom/admin/users", [new("Input.Email", email), new("Input.DisplayName", "Sam"), new("Input.Role", "Owner")], ct: Ct), "Role");
        string link;
        using (var added = await admin.PostFormAsync("/newsroom/admin/users", [new("Input.Email", email), new("Input.DisplayName", "Sam Colleague"), new("Input.Role", "Editor")], ct: Ct))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            link = System.Net.WebUtility.HtmlDecode(PasswordLink().Match(await added.Content.ReadAsStringAsync(Ct)).Groups[1].Value);
        }
        await ShowsErrorsAsync(await admin.PostFormAsync("/newsroom/admin/users", [new("Input.Email", email), new("Input.DisplayName", "Twin"), new("Input.Role", "Writer")], ct: Ct), "Email");

        // The colleague opens the link and chooses a password.
        var path = new Uri(link).PathAndQuery;
        using var colleague = NewsroomSession.Anonymous(app);
        await ShowsErrorsAsync(await colleague.PostFormAsync(path, [new("Input.Password", "short"), new("Input.ConfirmPassword", "short")], ct: Ct), "Password");
        const string chosen = "Colleague-Chosen-Pass-4";
        Redirected(await colleague.PostFormAsync(path, [new("Input.Password", chosen), new("Input.ConfirmPassword", chosen)], ct: Ct), "/newsroom/signin");
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync(path, Ct)).StatusCode); // used up
        using var signedIn = await NewsroomSession.SignInAsync(app, email, chosen, Ct);
        Assert.Contains("(Editor)", await signedIn.GetPageAsync("/newsroom", Ct), StringComparison.Ordinal);

        var id = signedIn.UserId!;
        Redirected(await admin.PostFormAsync($"/newsroom/admin/users/{id}?handler=Role", [new("Input.Role", "Admin")], ct: Ct));
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/newsroom/admin", Ct)).StatusCode);
        Redirected(await admin.PostFormAsync($"/newsroom/admin/users/{id}?handler=Role", [new("Input.Role", "Writer")], ct: Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await signedIn.GetAsync("/newsroom/admin", Ct)).StatusCode);

        Redirected(await admin.PostFormAsync($"/newsroom/admin/users/{id}?handler=Disable", [], ct: Ct));
        Assert.Contains("<dd id=\"state\">disabled</dd>", await admin.GetPageAsync($"/newsroom/admin/users/{id}", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await signedIn.GetAsync("/newsroom", Ct)).StatusCode);
        Redirected(await admin.PostFormAsync($"/newsroom/admin/users/{id}?handler=Enable", [], ct: Ct));

        // Locked out by failed attempts from many addresses, unlocked by the admin.
        for (var i = 0; i < new RateLimitOptions().SignInFailuresPerAccount; i++)
        {
            using var guesser = NewsroomSession.Anonymous(app).From($"203.0.113.{i}");
            (await guesser.SubmitSignInAsync(email, $"Wrong-guess-{i}-!", Ct)).Dispose();
        }
        Assert.Contains("locked until", await admin.GetPageAsync($"/newsroom/admin/users/{id}", Ct), StringComparison.Ordinal);
        Redirected(await admin.PostFormAsync($"/newsroom/admin/users/{id}?handler=Unlock", [], ct: Ct));
        using var back = await NewsroomSession.SignInAsync(app, email, chosen, Ct);

        // An admin cannot lock themselves out.
        using (var self = await admin.PostFormAsync($"/newsroom/admin/users/{admin.UserId}?handler=Disable", [], ct: Ct))
        {
            Assert.Contains("You cannot disable your own account.", await self.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        await ShowsErrorsAsync(await admin.PostFormAsync($"/newsroom/admin/users/{admin.UserId}?handler=Role", [new("Input.Role", "Editor")], ct: Ct), "Role");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/newsroom/admin", Ct)).StatusCode);
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.DarkBlue);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [GeneratedRegex("id=\"new-key\">([^<]+)<")]
    private static partial Regex NewKey();

    [GeneratedRegex("id=\"set-password-link\">([^<]+)<")]
    private static partial Regex PasswordLink();
}
