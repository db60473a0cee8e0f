using System.Globalization;
using System.Net;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Articles.Contributors;
using Broadsheet.Articles.Sections;
using Broadsheet.Articles.Standards;
using Broadsheet.Articles.Topics;
using Broadsheet.Data;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Articles;

/// <summary>
/// The writers of topics, sections, contributors and standards pages: their rules called directly, and the same bad
/// input through the admin API and the newsroom getting the same message.
/// </summary>
[Collection(SharedAppsCollection.Name)]
public sealed class ContentWritersTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<T> WithAsync<T, TWriter>(BroadsheetApp app, Func<TWriter, BroadsheetDb, Task<T>> act)
        where TWriter : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<TWriter>(), scope.ServiceProvider.GetRequiredService<BroadsheetDb>());
    }

    [Fact]
    public async Task Topic_writer_makes_slugs_refuses_duplicates_and_renames_and_keeps_used_topics()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var name = Api.Api.Unique("Trade Talks");

        var created = await WithAsync<WriteResult<Topic>, TopicWriter>(app, (w, _) => w.CreateAsync(new TopicInput { Name = $"  {name} ", Description = " " }, Ct));
        Assert.Equal(WriteStatus.Created, created.Status);
        Assert.Equal((Slugs.From(name), name, (string?)null), (created.Value!.Slug, created.Value.Name, created.Value.Description));
        var slug = created.Value.Slug;

        var again = await WithAsync<WriteResult<Topic>, TopicWriter>(app, (w, _) => w.CreateAsync(new TopicInput { Name = name }, Ct));
        Assert.Equal(WriteStatus.Conflict, again.Status);
        Assert.Equal($"A topic with the address '/topics/{slug}' exists already.", again.Message);

        var bad = await WithAsync<WriteResult<Topic>, TopicWriter>(app, (w, _) => w.CreateAsync(new TopicInput { Name = "Fine", Slug = "Bad Slug!", Description = new string('d', TopicWriter.MaxDescription + 1) }, Ct));
        Assert.Equal(WriteStatus.Invalid, bad.Status);
        Assert.Equal(["description", "slug"], bad.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Use lower-case letters, digits and hyphens (at most 80 characters), e.g. 'bad-slug'.", bad.Errors["slug"].Single());

        var moved = await WithAsync<WriteResult<Topic>, TopicWriter>(app, (w, _) => w.UpdateAsync(slug, new TopicInput { Name = "Trade", Slug = "other" }, Ct));
        Assert.Equal(["slug"], moved.Errors.Keys);
        var renamed = await WithAsync<WriteResult<Topic>, TopicWriter>(app, (w, _) => w.UpdateAsync(slug, new TopicInput { Name = "Trade", Slug = slug, Description = "Tariffs." }, Ct));
        Assert.Equal(WriteStatus.Ok, renamed.Status);
        Assert.Equal(("Trade", "Tariffs."), (renamed.Value!.Name, renamed.Value.Description));
        Assert.Equal(WriteStatus.NotFound, (await WithAsync<WriteResult<Topic>, TopicWriter>(app, (w, _) => w.UpdateAsync("no-such-topic", new TopicInput { Name = "X" }, Ct))).Status);

        // An ad targeted at the topic keeps it.
        var imageId = await app.AdminClient().UploadImageAsync(64, 48);
        await WithAsync<int, TopicWriter>(app, (_, db) =>
        {
            db.AdCreatives.Add(new Broadsheet.Ads.AdCreative { Name = "Ad", ImageId = imageId, LinkUrl = "https://example.com", Alt = "Ad", TopicSlug = slug });
            return db.SaveChangesAsync(Ct);
        });
        var blocked = await WithAsync<WriteResult<Topic>, TopicWriter>(app, (w, _) => w.DeleteAsync(slug, Ct));
        Assert.Equal((WriteStatus.Conflict, "Ads are targeted at this topic; retarget or delete them first."), (blocked.Status, blocked.Message));
        await WithAsync<int, TopicWriter>(app, (_, db) => db.AdCreatives.Where(a => a.TopicSlug == slug).ExecuteDeleteAsync(Ct));
        Assert.Equal(WriteStatus.Ok, (await WithAsync<WriteResult<Topic>, TopicWriter>(app, (w, _) => w.DeleteAsync(slug, Ct))).Status);
        Assert.False(await WithAsync<bool, TopicWriter>(app, (_, db) => db.Topics.AnyAsync(t => t.Slug == slug, Ct)));
    }

    [Fact]
    public async Task Section_writer_checks_addresses_parents_depth_and_position_and_keeps_sections_in_use()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var top = Api.Api.Unique("asia");
        Task<WriteResult<Section>> Save(string path, SectionInput input) => WithAsync<WriteResult<Section>, SectionWriter>(app, (w, _) => w.SaveAsync(path, input, Ct));
        Task<WriteResult<Section>> Create(string? parent, string? slug, SectionInput input) => WithAsync<WriteResult<Section>, SectionWriter>(app, (w, _) => w.CreateAsync(parent, slug, input, Ct));

        var orphan = await Save($"{top}/east", new SectionInput { Name = "East" });
        Assert.Equal($"The parent section '{top}' does not exist; create it first.", orphan.Errors["parent"].Single());
        Assert.Equal(WriteStatus.Created, (await Save(top, new SectionInput { Name = "Asia" })).Status);
        var renamed = await Save(top, new SectionInput { Name = " Asia and Oceania ", Position = 7 });
        Assert.Equal((WriteStatus.Ok, "Asia and Oceania", 7), (renamed.Status, renamed.Value!.Name, renamed.Value.Position));

        var child = await Create(top, null, new SectionInput { Name = "East Asia" });
        Assert.Equal((WriteStatus.Created, $"{top}/east-asia", 0), (child.Status, child.Value!.Path, child.Value.Position));
        Assert.Equal([$"A section with the address '/news/{top}/east-asia' exists already."], (await Create(top, "east-asia", new SectionInput { Name = "Again" })).Errors["path"]);

        var bad = await Create(null, "Not A Slug", new SectionInput { Name = new string('n', SectionWriter.MaxName + 1), Position = -1 });
        Assert.Equal(["name", "position", "slug"], bad.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Enter a position from 0 to 10000.", bad.Errors["position"].Single());
        Assert.NotNull(SectionWriter.PathError("asia//east"));
        Assert.NotNull(SectionWriter.PathError(new string('a', SectionWriter.MaxPath + 1)));
        Assert.Null(SectionWriter.PathError("asia/east-asia"));

        var path = $"{top}/east-asia";
        for (var depth = 3; depth <= ArticleUrls.MaxSectionDepth; depth++)
        {
            path += $"/level-{depth}";
            Assert.Equal(WriteStatus.Created, (await Save(path, new SectionInput { Name = $"Level {depth}" })).Status);
        }
        var tooDeep = await Create(path, "deeper", new SectionInput { Name = "Deeper" });
        Assert.Equal($"Sections nest at most {ArticleUrls.MaxSectionDepth} deep; put it in a higher section.", tooDeep.Errors["parent"].Single());

        var blocked = await WithAsync<WriteResult<Section>, SectionWriter>(app, (w, _) => w.DeleteAsync(top, Ct));
        Assert.Equal((WriteStatus.Conflict, "This section has subsections; delete or move them first."), (blocked.Status, blocked.Message));
        Assert.Equal(WriteStatus.Ok, (await WithAsync<WriteResult<Section>, SectionWriter>(app, (w, _) => w.DeleteAsync(path, Ct))).Status);
        Assert.Equal(WriteStatus.NotFound, (await WithAsync<WriteResult<Section>, SectionWriter>(app, (w, _) => w.DeleteAsync(path, Ct))).Status);
    }

    [Fact]
    public async Task Contributor_writer_reads_kinds_checks_photos_and_refuses_a_new_slug()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var name = Api.Api.Unique("Kim Reporter");
        var created = await WithAsync<WriteResult<Contributor>, ContributorWriter>(app, (w, _) => w.CreateAsync(new ContributorInput { Name = name, Kind = "AGENCY", Role = " Wire " }, Ct));
        Assert.Equal((WriteStatus.Created, ContributorKind.Agency, "Wire"), (created.Status, created.Value!.Kind, created.Value.Role));
        var slug = created.Value.Slug;

        var photo = Guid.NewGuid();
        var bad = await WithAsync<WriteResult<Contributor>, ContributorWriter>(app, (w, _) => w.UpdateAsync(slug, new ContributorInput
        {
            Name = " ", Slug = "someone-else", Kind = "robot", Role = new string('r', ContributorWriter.MaxRole + 1), Bio = new string('b', ContributorWriter.MaxBio + 1), PhotoId = photo,
        }, Ct));
        Assert.Equal(["bio", "kind", "name", "photoId", "role", "slug"], bad.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("Choose person or agency.", $"There is no image {photo} in the library."), (bad.Errors["kind"].Single(), bad.Errors["photoId"].Single()));

        var person = await WithAsync<WriteResult<Contributor>, ContributorWriter>(app, (w, _) => w.UpdateAsync(slug, new ContributorInput { Name = name }, Ct));
        Assert.Equal((WriteStatus.Ok, ContributorKind.Person, (string?)null), (person.Status, person.Value!.Kind, person.Value.Role));
        Assert.Equal(WriteStatus.Conflict, (await WithAsync<WriteResult<Contributor>, ContributorWriter>(app, (w, _) => w.CreateAsync(new ContributorInput { Name = name }, Ct))).Status);
        Assert.Equal(WriteStatus.Ok, (await WithAsync<WriteResult<Contributor>, ContributorWriter>(app, (w, _) => w.DeleteAsync(slug, Ct))).Status);
    }

    [Fact]
    public async Task Contributor_writer_links_one_person_to_one_account_and_never_takes_anothers_unless_an_admin_does()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var first = await NewsroomSession.CreateUserAsync(app, NewsroomRoles.Writer, displayName: "Link Writer");
        var second = await NewsroomSession.CreateUserAsync(app, NewsroomRoles.Writer, displayName: "Other Writer");
        async Task<string> CreateAsync(string name, string kind) =>
            (await WithAsync<WriteResult<Contributor>, ContributorWriter>(app, (w, _) => w.CreateAsync(new ContributorInput { Name = Api.Api.Unique(name), Kind = kind }, Ct))).Value!.Slug;
        Task<WriteResult<Contributor>> LinkAsync(string slug, string? userId, bool takeOver = false) =>
            WithAsync<WriteResult<Contributor>, ContributorWriter>(app, (w, _) => w.LinkUserAsync(slug, userId, takeOver, Ct));
        Task<string?[]> LinksAsync(params string[] slugs) =>
            WithAsync<string?[], ContributorWriter>(app, async (_, db) => [.. await Task.WhenAll(slugs.Select(s => db.Contributors.Where(c => c.Slug == s).Select(c => c.UserId).SingleAsync(Ct)))]);
        var person = await CreateAsync("Lin Person", "person");
        var later = await CreateAsync("Lin Later", "person");
        var agency = await CreateAsync("Lin Agency", "agency");

        Assert.Equal(WriteStatus.Ok, (await LinkAsync(person, first.Id)).Status);
        Assert.Equal("userId", (await LinkAsync(agency, first.Id)).Errors.Keys.Single());
        Assert.Equal("There is no such newsroom account.", (await LinkAsync(later, "no-such-user")).Errors["userId"].Single());
        // "This is me" cannot take a byline another account has; an admin can.
        Assert.Equal("userId", (await LinkAsync(person, second.Id)).Errors.Keys.Single());
        Assert.Equal([first.Id], await LinksAsync(person));
        Assert.Equal(WriteStatus.Ok, (await LinkAsync(person, second.Id, takeOver: true)).Status);
        // An account has one byline: linking another person unlinks the first in the same save.
        Assert.Equal(WriteStatus.Ok, (await LinkAsync(later, second.Id)).Status);
        Assert.Equal([null, second.Id], await LinksAsync(person, later));
        Assert.Equal(WriteStatus.Ok, (await LinkAsync(later, null)).Status);
        Assert.Equal([null, null], await LinksAsync(person, later));
        Assert.Equal(WriteStatus.NotFound, (await LinkAsync("no-such-contributor", first.Id)).Status);
    }

    [Fact]
    public async Task Standards_page_writer_needs_a_title_and_text_and_images_from_the_library()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var slug = Api.Api.Unique("ethics");
        Task<WriteResult<StandardsPage>> Save(string at, StandardsInput input) => WithAsync<WriteResult<StandardsPage>, StandardsPageWriter>(app, (w, _) => w.SaveAsync(at, input, Ct));

        var missing = Guid.NewGuid();
        var bad = await Save("Not A Slug", new StandardsInput { Title = " ", Body = new BodyInput(Markdown: "  "), Position = 10_001 });
        Assert.Equal(["body", "position", "slug", "title"], bad.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("Write the page's text.", "Enter the page's title."), (bad.Errors["body"].Single(), bad.Errors["title"].Single()));
        var noImage = await Save(slug, new StandardsInput { Title = "Ethics", Body = new BodyInput(Markdown: $"![Chart](/media/{missing})") });
        Assert.Equal($"No image with id {missing}.", noImage.Errors["body.markdown"].Single());
        Assert.Equal(["body"], (await Save(slug, new StandardsInput { Title = "Ethics" })).Errors.Keys);

        var created = await Save(slug, new StandardsInput { Title = "Ethics", Body = new BodyInput(Markdown: "We *never* pay sources.") });
        Assert.Equal(WriteStatus.Created, created.Status);
        var replaced = await Save(slug, new StandardsInput { Title = "Our ethics", Body = new BodyInput(Html: "<p>Never.</p>") });
        Assert.Equal((WriteStatus.Ok, "Our ethics", created.Value!.Position), (replaced.Status, replaced.Value!.Title, replaced.Value.Position));
        var duplicate = await WithAsync<WriteResult<StandardsPage>, StandardsPageWriter>(app, (w, _) => w.CreateAsync(new StandardsInput { Title = "Again", Slug = slug, Body = new BodyInput(Markdown: "x") }, Ct));
        Assert.Equal((WriteStatus.Conflict, $"A standards page with the address '/standards/{slug}' exists already."), (duplicate.Status, duplicate.Message));
        Assert.Equal(WriteStatus.Ok, (await WithAsync<WriteResult<StandardsPage>, StandardsPageWriter>(app, (w, _) => w.DeleteAsync(slug, Ct))).Status);
    }

    [Fact]
    public async Task A_bad_topic_gets_the_same_message_from_the_api_and_the_newsroom()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var admin = app.AdminClient();
        using var newsroom = await NewsroomSession.SignInAsync(app, NewsroomRoles.Admin, Ct);
        var longName = new string('n', TopicWriter.MaxName + 1);

        var api = await BothDoors.ApiErrorsAsync(await admin.PostAsync("/api/admin/topics", Api.Api.Json(new { name = longName, slug = "Bad Slug!" }), Ct), "name");
        var form = await BothDoors.FormErrorsAsync(await newsroom.PostFormAsync("/newsroom/admin/topics", [new("Input.Name", longName), new("Input.Slug", "Bad Slug!")], ct: Ct), "Input_Name");
        Assert.Equal(["Enter a name of at most 120 characters."], api);
        Assert.Equal(api, form);
        Assert.Equal(
            await BothDoors.ApiErrorsAsync(await admin.PostAsync("/api/admin/topics", Api.Api.Json(new { name = "Fine", slug = "Bad Slug!" }), Ct), "slug"),
            await BothDoors.FormErrorsAsync(await newsroom.PostFormAsync("/newsroom/admin/topics", [new("Input.Name", "Fine"), new("Input.Slug", "Bad Slug!")], ct: Ct), "Input_Slug"));

        // A topic that exists already: a 409 from the API, the typed address's error in the newsroom, in the same words.
        var slug = Api.Api.Unique("trade");
        await admin.PostAsync("/api/admin/topics", Api.Api.Json(new { name = "Trade", slug }), Ct).ExpectAsync(HttpStatusCode.Created);
        var conflict = await BothDoors.ApiDetailAsync(await admin.PostAsync("/api/admin/topics", Api.Api.Json(new { name = "Trade", slug }), Ct), HttpStatusCode.Conflict);
        Assert.Equal([conflict], await BothDoors.FormErrorsAsync(await newsroom.PostFormAsync("/newsroom/admin/topics", [new("Input.Name", "Trade"), new("Input.Slug", slug)], ct: Ct), "Input_Slug"));
    }

    [Fact]
    public async Task A_bad_section_gets_the_same_message_from_the_api_and_the_newsroom()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var admin = app.AdminClient();
        using var newsroom = await NewsroomSession.SignInAsync(app, NewsroomRoles.Admin, Ct);

        var api = await BothDoors.ApiErrorsAsync(await admin.PutAsync($"/api/admin/sections/{Api.Api.Unique("new")}", Api.Api.Json(new { name = " " }), Ct), "name");
        var form = await BothDoors.FormErrorsAsync(await newsroom.PostFormAsync("/newsroom/admin/sections", [new("Input.Name", " "), new("Input.ParentId", "")], ct: Ct), "Input_Name");
        Assert.Equal(["Enter the section's name."], api);
        Assert.Equal(api, form);

        // Too deep: a path one level too long in the API, a parent at the deepest level in the newsroom.
        var path = Api.Api.Unique("world");
        await admin.PutSectionAsync(path, "World");
        for (var depth = 2; depth <= ArticleUrls.MaxSectionDepth; depth++)
        {
            path += $"/level-{depth}";
            await admin.PutSectionAsync(path, $"Level {depth}");
        }
        var deepest = await WithAsync<int, SectionWriter>(app, (_, db) => db.Sections.Where(s => s.Path == path).Select(s => s.Id).SingleAsync(Ct));
        var apiDepth = await BothDoors.ApiErrorsAsync(await admin.PutAsync($"/api/admin/sections/{path}/deeper", Api.Api.Json(new { name = "Deeper" }), Ct), "path");
        var formDepth = await BothDoors.FormErrorsAsync(await newsroom.PostFormAsync("/newsroom/admin/sections",
            [new("Input.Name", "Deeper"), new("Input.ParentId", deepest.ToString(CultureInfo.InvariantCulture))], ct: Ct), "Input_ParentId");
        Assert.Equal([$"Sections nest at most {ArticleUrls.MaxSectionDepth} deep; put it in a higher section."], apiDepth);
        Assert.Equal(apiDepth, formDepth);
    }

    [Fact]
    public async Task A_bad_contributor_gets_the_same_message_from_the_api_and_the_newsroom()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var admin = app.AdminClient();
        using var newsroom = await NewsroomSession.SignInAsync(app, NewsroomRoles.Admin, Ct);
        var longBio = new string('b', ContributorWriter.MaxBio + 1);

        var response = await admin.PostAsync("/api/admin/contributors", Api.Api.Json(new { name = "Kim", kind = "robot", bio = longBio }), Ct);
        var page = await newsroom.PostFormAsync("/newsroom/admin/contributors", [new("Input.Name", "Kim"), new("Input.Kind", "Robot"), new("Input.Bio", longBio)], ct: Ct);
        foreach (var (field, id) in new[] { ("kind", "Input_Kind"), ("bio", "Input_Bio") })
        {
            Assert.Equal(
                await BothDoors.ApiErrorsAsync(response, field),
                await BothDoors.FormErrorsAsync(page, id));
        }
        Assert.Equal(["Choose person or agency."], await BothDoors.ApiErrorsAsync(response, "kind"));
    }

    [Fact]
    public async Task A_bad_profile_gets_the_same_message_from_the_api_and_the_newsroom_and_a_good_one_is_kept_by_both()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var admin = app.AdminClient();
        using var newsroom = await NewsroomSession.SignInAsync(app, NewsroomRoles.Admin, Ct);
        var subjects = Enumerable.Range(1, ContributorWriter.MaxSubjects + 1).Select(i => $"Subject {i}").ToArray();
        string[] links = ["ftp://example.com/me", "https://example.com/" + new string('p', ContributorWriter.MaxLink)];

        var response = await admin.PostAsync("/api/admin/contributors", Api.Api.Json(new { name = "Kim", expertise = subjects, email = "kim at example", links }), Ct);
        var page = await newsroom.PostFormAsync("/newsroom/admin/contributors",
            [new("Input.Name", "Kim"), new("Input.Kind", "Person"), new("Input.Expertise", string.Join('\n', subjects)), new("Input.Email", "kim at example"),
             new("Input.Links", string.Join("\r\n", links)), new("Input.PhotoId", Guid.NewGuid().ToString())], ct: Ct);
        foreach (var (field, fieldId) in new[] { ("expertise", "Input_Expertise"), ("email", "Input_Email"), ("links", "Input_Links") })
        {
            Assert.Equal(await BothDoors.ApiErrorsAsync(response, field), await BothDoors.FormErrorsAsync(page, fieldId));
        }
        Assert.Equal(["List at most 10 subjects."], await BothDoors.ApiErrorsAsync(response, "expertise"));
        Assert.Equal(["Enter an email address such as name@example.com (at most 254 characters)."], await BothDoors.ApiErrorsAsync(response, "email"));
        Assert.StartsWith("There is no image", (await BothDoors.FormErrorsAsync(page, "Input_PhotoId")).Single(), StringComparison.Ordinal);

        // A good profile through the form is what the API reads back, and the edit form shows it again.
        var photo = await admin.UploadImageAsync(64, 64);
        var name = Api.Api.Unique("Ana Profile");
        await newsroom.PostFormAsync("/newsroom/admin/contributors",
            [new("Input.Name", name), new("Input.Kind", "Person"), new("Input.Expertise", "Ports\r\n\r\nShipping "), new("Input.Email", "ana@example.com"),
             new("Input.Links", "https://example.org/ana"), new("Input.PhotoId", photo.ToString())], ct: Ct);
        var saved = await admin.GetJsonAsync($"/api/admin/contributors/{Slugs.From(name)}");
        Assert.Equal(["Ports", "Shipping"], saved["expertise"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(("ana@example.com", photo.ToString()), (saved["email"]!.GetValue<string>(), saved["photoId"]!.GetValue<string>()));
        Assert.Equal(["https://example.org/ana"], saved["links"]!.AsArray().Select(e => e!.GetValue<string>()));
        var id = await WithAsync<int, ContributorWriter>(app, (_, db) => db.Contributors.Where(c => c.Slug == Slugs.From(name)).Select(c => c.Id).SingleAsync(Ct));
        var edit = Broadsheet.Tests.Reader.Html.Parse(await newsroom.GetPageAsync($"/newsroom/admin/contributors/{id}", Ct));
        Assert.Equal("Ports\nShipping", edit.QuerySelector("#Input_Expertise")!.TextContent);
        Assert.Equal(photo.ToString(), edit.QuerySelector("#Input_PhotoId option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_bad_standards_page_gets_the_same_message_from_the_api_and_the_newsroom()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var admin = app.AdminClient();
        using var newsroom = await NewsroomSession.SignInAsync(app, NewsroomRoles.Admin, Ct);
        var missing = $"![Chart](/media/{Guid.NewGuid()})";

        var response = await admin.PutAsync($"/api/admin/standards/{Api.Api.Unique("ethics")}", Api.Api.Json(new { title = "", body = new { markdown = missing } }), Ct);
        var page = await newsroom.PostFormAsync("/newsroom/admin/standards", [new("Input.Title", ""), new("Input.Slug", Api.Api.Unique("ethics")), new("Input.Body", missing)], ct: Ct);
        Assert.Equal(["Enter the page's title."], await BothDoors.ApiErrorsAsync(response, "title"));
        Assert.Equal(await BothDoors.ApiErrorsAsync(response, "title"), await BothDoors.FormErrorsAsync(page, "Input_Title"));
        Assert.Equal(await BothDoors.ApiErrorsAsync(response, "body.markdown"), await BothDoors.FormErrorsAsync(page, "Input_Body"));
    }
}
