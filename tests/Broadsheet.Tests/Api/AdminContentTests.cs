using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Broadsheet.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Broadsheet.Tests.Api;

/// <summary>Topics, contributors, standards pages, ad creatives and images through the admin API.</summary>
[Collection(SharedAppsCollection.Name)]
public class AdminContentTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Topics_are_created_updated_and_deleted_unless_in_use(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var name = Api.Unique("Trade War");
        var slug = Broadsheet.Articles.Slugs.From(name);

        var created = await admin.PostAsync("/api/admin/topics", Api.Json(new { name, description = "Tariffs and talks." }), Ct).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(slug, created["slug"]!.GetValue<string>());
        await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/topics", Api.Json(new { name }), Ct), [409]);

        var before = await app.RowCountsAsync();
        await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/topics", Api.Json(new { name = "" }), Ct), Api.BadInput, "name");
        await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/topics", Api.Json(new { name = "Fine", slug = "Not Fine" }), Ct), Api.BadInput, "slug");
        await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/topics", Api.Json(new { name = "Fine", description = new string('d', 2001) }), Ct), Api.BadInput, "description");
        await Api.AssertProblemAsync(await admin.PutAsync($"/api/admin/topics/{slug}", Api.Json(new { name = " " }), Ct), Api.BadInput, "name");
        Assert.Equal(before, await app.RowCountsAsync());

        // Unique: the app is shared with other classes, and an article names its topics by name.
        var renamed = Api.Unique("Trade");
        var updated = await admin.PutAsync($"/api/admin/topics/{slug}", Api.Json(new { name = renamed, description = "Updated." }), Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Updated.", updated["description"]!.GetValue<string>());
        Assert.Equal("Updated.", (await app.Client().GetJsonAsync("/api/v1/topics")).AsArray().Single(t => t!["slug"]!.GetValue<string>() == slug)!["description"]!.GetValue<string>());

        var section = Api.Unique("world");
        await admin.PutSectionAsync(section, "World");
        var article = Api.ArticleJson(section);
        article["topics"] = new JsonArray(renamed);
        var articleId = await admin.CreateArticleAsync(article);
        await Api.AssertProblemAsync(await admin.DeleteAsync($"/api/admin/topics/{slug}", Ct), [409]);
        await admin.DeleteAsync($"/api/admin/articles/{articleId}", Ct).ExpectAsync(HttpStatusCode.NoContent);
        await admin.DeleteAsync($"/api/admin/topics/{slug}", Ct).ExpectAsync(HttpStatusCode.NoContent);
        await Api.AssertProblemAsync(await admin.GetAsync($"/api/admin/topics/{slug}", Ct), [404]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Contributors_have_a_kind_role_and_bio(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var name = Api.Unique("Kim Reporter");

        var created = await admin.PostAsync("/api/admin/contributors", Api.Json(new { name, kind = "person", role = "Seoul correspondent", bio = "Covers the peninsula." }), Ct)
            .ExpectAsync(HttpStatusCode.Created);
        var slug = created["slug"]!.GetValue<string>();
        Assert.Equal($"/authors/{slug}", created["url"]!.GetValue<string>());

        var before = await app.RowCountsAsync();
        await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/contributors", Api.Json(new { name = "X", kind = "robot" }), Ct), Api.BadInput, "kind");
        await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/contributors", Api.Json(new { kind = "agency" }), Ct), Api.BadInput, "name");
        await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/contributors", Api.Json(new { name = "X", photoId = Guid.NewGuid() }), Ct), Api.BadInput, "photoId");
        await Api.AssertProblemAsync(await admin.PutAsync($"/api/admin/contributors/{slug}", Api.Json(new { name = "X", bio = new string('b', 5001) }), Ct), Api.BadInput, "bio");
        Assert.Equal(before, await app.RowCountsAsync());

        var updated = await admin.PutAsync($"/api/admin/contributors/{slug}", Api.Json(new { name, kind = "person", role = "Asia editor" }), Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Asia editor", updated["role"]!.GetValue<string>());
        var author = (await app.Client().GetJsonAsync("/api/v1/authors")).AsArray().Single(a => a!["slug"]!.GetValue<string>() == slug)!;
        Assert.Equal("Asia editor", author["role"]!.GetValue<string>());

        var section = Api.Unique("world");
        await admin.PutSectionAsync(section, "World");
        var article = Api.ArticleJson(section);
        article["byline"] = new JsonArray(new JsonObject { ["name"] = name });
        await admin.CreateArticleAsync(article);
        await Api.AssertProblemAsync(await admin.DeleteAsync($"/api/admin/contributors/{slug}", Ct), [409]);
        await Api.AssertProblemAsync(await admin.DeleteAsync("/api/admin/contributors/nobody-at-all", Ct), [404]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Standards_pages_are_put_as_markdown_and_stored_as_blocks(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var slug = Api.Unique("corrections-policy");

        var created = await admin.PutAsync($"/api/admin/standards/{slug}", Api.Json(new { title = "Corrections policy", body = new { markdown = "## How we correct\n\nWe say **what** changed." } }), Ct)
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("heading", created["body"]!["blocks"]![0]!["type"]!.GetValue<string>());
        var replaced = await admin.PutAsync($"/api/admin/standards/{slug}", Api.Json(new { title = "Corrections", body = new { html = "<p>Short <script>x()</script>now.</p>" } }), Ct)
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Short now.", replaced["body"]!["blocks"]![0]!["content"]![0]!["text"]!.GetValue<string>());

        var before = await app.RowCountsAsync();
        await Api.AssertProblemAsync(await admin.PutAsync($"/api/admin/standards/{slug}", Api.Json(new { body = new { markdown = "x" } }), Ct), Api.BadInput, "title");
        await Api.AssertProblemAsync(await admin.PutAsync($"/api/admin/standards/{slug}", Api.Json(new { title = "T" }), Ct), Api.BadInput, "body");
        await Api.AssertProblemAsync(await admin.PutAsync("/api/admin/standards/Not%20A%20Slug", Api.Json(new { title = "T", body = new { markdown = "x" } }), Ct), Api.BadInput, "slug");
        await Api.AssertProblemAsync(await admin.PutAsync($"/api/admin/standards/{slug}", Api.Json("""{"title": "T", "body": {"blocks": [{"type": "heading", "text": "x", "level": 5}]}}"""), Ct), Api.BadInput, "body.blocks[0].level");
        Assert.Equal(before, await app.RowCountsAsync());
        Assert.Equal("Corrections", (await admin.GetJsonAsync($"/api/admin/standards/{slug}"))["title"]!.GetValue<string>());

        await admin.DeleteAsync($"/api/admin/standards/{slug}", Ct).ExpectAsync(HttpStatusCode.NoContent);
        await Api.AssertProblemAsync(await admin.GetAsync($"/api/admin/standards/{slug}", Ct), [404]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Ad_creatives_are_validated_and_report_their_counts(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var imageId = await admin.UploadImageAsync();
        var section = Api.Unique("business");
        await admin.PutSectionAsync(section, "Business");
        var topic = await admin.PostAsync("/api/admin/topics", Api.Json(new { name = Api.Unique("Markets") }), Ct).ExpectAsync(HttpStatusCode.Created);
        var topicSlug = topic["slug"]!.GetValue<string>();
        JsonObject Ad() => new()
        {
            ["name"] = "Subscribe banner",
            ["imageId"] = imageId.ToString(),
            ["linkUrl"] = "https://example.org/subscribe",
            ["alt"] = "Subscribe to The Broadsheet",
            ["sectionPath"] = section,
            ["topicSlug"] = topicSlug,
            ["startsAt"] = "2026-01-01T00:00:00Z",
            ["endsAt"] = "2027-01-01T00:00:00Z",
        };

        var created = await admin.PostAsync("/api/admin/ads", Api.Json(Ad().ToJsonString()), Ct).ExpectAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<int>();
        var fetched = await admin.GetJsonAsync($"/api/admin/ads/{id}");
        Assert.Equal(0, fetched["impressions"]!.GetValue<long>());
        Assert.Equal(0, fetched["clicks"]!.GetValue<long>());
        Assert.Equal(section, fetched["sectionPath"]!.GetValue<string>());

        (string Field, JsonNode? Value)[] bad =
        [
            ("linkUrl", "javascript:alert(1)"),
            ("linkUrl", "ftp://example.org/x"),
            // A site path (/standards) is a house ad's own page; these are not.
            ("linkUrl", "relative"),
            ("linkUrl", "//elsewhere.example/relative"),
            ("linkUrl", null),
            ("imageId", Guid.NewGuid().ToString()),
            ("imageId", null),
            ("alt", ""),
            ("name", null),
            ("sectionPath", "no/such/section"),
            ("topicSlug", "no-such-topic"),
            ("endsAt", "2025-12-31T00:00:00Z"),
        ];
        var before = await app.RowCountsAsync();
        foreach (var (field, value) in bad)
        {
            var ad = Ad();
            ad[field] = value;
            await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/ads", Api.Json(ad.ToJsonString()), Ct), Api.BadInput, field);
            await Api.AssertProblemAsync(await admin.PutAsync($"/api/admin/ads/{id}", Api.Json(ad.ToJsonString()), Ct), Api.BadInput, field);
        }
        await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/ads", Api.Json("""{"startsAt": "tomorrow"}"""), Ct), Api.BadInput, "startsAt");
        Assert.Equal(before, await app.RowCountsAsync());

        var change = Ad();
        change["linkUrl"] = "http://example.org/offer";
        change["sectionPath"] = null;
        var updated = await admin.PutAsync($"/api/admin/ads/{id}", Api.Json(change.ToJsonString()), Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("http://example.org/offer", updated["linkUrl"]!.GetValue<string>());
        Assert.Null(updated["sectionPath"]);

        // The ad keeps its image in use.
        await Api.AssertProblemAsync(await admin.DeleteAsync($"/api/admin/images/{imageId}", Ct), [409]);
        await admin.DeleteAsync($"/api/admin/ads/{id}", Ct).ExpectAsync(HttpStatusCode.NoContent);
        await Api.AssertProblemAsync(await admin.GetAsync($"/api/admin/ads/{id}", Ct), [404]);
        Assert.DoesNotContain(id, (await admin.GetJsonAsync("/api/admin/ads")).AsArray().Select(a => a!["id"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Images_upload_with_renditions_and_bad_uploads_name_the_field(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();

        using var form = Api.ImageForm(Media.TestImages.Encode(800, 600), "summit.jpg", "Two leaders shake hands", "At the summit", "TNS");
        var response = await admin.PostAsync("/api/admin/images", form, Ct);
        var image = await Task.FromResult(response).ExpectAsync(HttpStatusCode.Created);
        var id = Guid.Parse(image["id"]!.GetValue<string>());
        Assert.Equal($"/api/admin/images/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(800, image["width"]!.GetValue<int>());
        Assert.Equal(600, image["height"]!.GetValue<int>());
        Assert.Equal("TNS", image["credit"]!.GetValue<string>());
        var renditions = image["renditions"]!.AsArray();
        Assert.NotEmpty(renditions);
        var rendition = await app.Client().GetAsync(renditions[0]!["url"]!.GetValue<string>(), Ct);
        Assert.Equal(HttpStatusCode.OK, rendition.StatusCode);

        var before = await app.RowCountsAsync();
        using (var noAlt = Api.ImageForm(Media.TestImages.Encode(100, 100), "a.jpg", null))
        {
            await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/images", noAlt, Ct), Api.BadInput, "alt");
        }
        using (var notImage = Api.ImageForm("#!/bin/sh\necho not an image\n"u8.ToArray(), "photo.jpg", "Alt"))
        {
            await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/images", notImage, Ct), Api.BadInput, "file");
        }
        using (var noFile = Api.ImageForm(null, "", "Alt"))
        {
            await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/images", noFile, Ct), Api.BadInput, "file");
        }
        await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/images", Api.Json("""{"alt": "x"}"""), Ct), Api.BadInput, "file");
        Assert.Equal(before, await app.RowCountsAsync());

        var updated = await admin.PutAsync($"/api/admin/images/{id}", Api.Json(new { alt = "Leaders meet", caption = "In Singapore" }), Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Leaders meet", updated["alt"]!.GetValue<string>());
        await Api.AssertProblemAsync(await admin.PutAsync($"/api/admin/images/{id}", Api.Json(new { alt = "" }), Ct), Api.BadInput, "alt");

        // In use as a hero image, it stays; once free, it goes with its files.
        var section = Api.Unique("world");
        await admin.PutSectionAsync(section, "World");
        var article = Api.ArticleJson(section);
        article["heroImage"] = new JsonObject { ["id"] = id.ToString() };
        var articleId = await admin.CreateArticleAsync(article);
        await Api.AssertProblemAsync(await admin.DeleteAsync($"/api/admin/images/{id}", Ct), [409]);
        await admin.DeleteAsync($"/api/admin/articles/{articleId}", Ct).ExpectAsync(HttpStatusCode.NoContent);
        var inBody = Api.ArticleJson(section);
        inBody["body"] = new JsonObject { ["markdown"] = $"![Leaders](/media/{id}/640.jpg)" };
        var bodyArticleId = await admin.CreateArticleAsync(inBody);
        await Api.AssertProblemAsync(await admin.DeleteAsync($"/api/admin/images/{id}", Ct), [409]);
        await admin.DeleteAsync($"/api/admin/articles/{bodyArticleId}", Ct).ExpectAsync(HttpStatusCode.NoContent);
        await admin.DeleteAsync($"/api/admin/images/{id}", Ct).ExpectAsync(HttpStatusCode.NoContent);
        await Api.AssertProblemAsync(await admin.GetAsync($"/api/admin/images/{id}", Ct), [404]);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "media", id.ToString())));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Oversized_uploads_are_refused_naming_the_file(DatabaseProvider provider)
    {
        await using var app = new SmallUploadsApp(provider);
        var admin = app.AdminClient();
        var before = await app.RowCountsAsync();

        // Over the configured limit but within the request limit: the form is read, the file refused.
        var bigger = new byte[SmallUploadsApp.MaxBytes + 1];
        Media.TestImages.Encode(64, 64).CopyTo(bigger, 0);
        using (var form = Api.ImageForm(bigger, "big.jpg", "Alt"))
        {
            await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/images", form, Ct), Api.BadInput, "file");
        }

        // Far over the request limit: refused from its Content-Length before the body is read.
        using (var huge = Api.ImageForm(new byte[SmallUploadsApp.MaxBytes * 8], "huge.jpg", "Alt"))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/images") { Content = huge };
            request.Headers.ExpectContinue = true;
            await Api.AssertProblemAsync(await admin.SendAsync(request, Ct), Api.BadInput, "file");
        }
        // A chunked body has no Content-Length: the endpoint's request limit stops it. The form never ends, so
        // only the limit (not the end of the body) can answer this, and it names the file.
        using (var endless = new StreamContent(new UnterminatedForm(SmallUploadsApp.MaxBytes * 4)))
        {
            endless.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={UnterminatedForm.Boundary}");
            // 422 "too large", where reading to the end would have found a broken form (400).
            await Api.AssertProblemAsync(await admin.PostAsync("/api/admin/images", endless, Ct), [422], "file");
        }
        Assert.Equal(before, await app.RowCountsAsync());
        // The limit is the media setting, so a small image still goes through.
        await admin.UploadImageAsync(64, 48);
    }

    /// <summary>A multipart form whose file part runs on without its closing boundary, of unknown length.</summary>
    private sealed class UnterminatedForm(int fileBytes) : Stream
    {
        public const string Boundary = "unterminated-boundary";

        private readonly byte[] head = System.Text.Encoding.ASCII.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\nAlt\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");

        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var total = head.Length + fileBytes;
            var n = (int)Math.Min(count, total - position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = position + i < head.Length ? head[position + i] : (byte)'A';
            }
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class SmallUploadsApp(DatabaseProvider provider) : BroadsheetApp(provider)
    {
        public const int MaxBytes = 200_000;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Broadsheet:Media:MaxUploadBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
