using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Broadsheet.Accounts;
using Broadsheet.Media;
using Broadsheet.Tests.Infrastructure;
using Broadsheet.Tests.Media;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static Broadsheet.Tests.Newsroom.NewsroomTesting;

namespace Broadsheet.Tests.Newsroom;

/// <summary>An app with a small upload limit, so "too large" needs no large file.</summary>
public sealed class SmallUploadsApp(DatabaseProvider provider) : BroadsheetApp(provider)
{
    public const long MaxBytes = 200_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Broadsheet:Media:MaxUploadBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class ImagesApps : ProviderApps<BroadsheetApp>
{
    protected override BroadsheetApp Create(DatabaseProvider provider) => new SmallUploadsApp(provider);
}

public sealed class ImagesLibraryTests(ImagesApps apps) : IClassFixture<ImagesApps>
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_upload_reads_caption_and_credit_from_the_file_and_the_library_finds_it_by_them(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var marker = Unique("quay");
        var jpeg = TestImages.WithIptc(TestImages.Encode(800, 600), $"Boats at the {marker} at dawn", "Ana Photographer", "Harbour Agency");
        using var response = await UploadAsync(writer, jpeg, "dawn.jpg", alt: "Fishing boats moored at a stone quay");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var id = Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);

        var page = await writer.GetPageAsync(location, Ct);
        Assert.Contains("read from the file", page, StringComparison.Ordinal);
        var form = BrowserForm.Read(page, "#image-form");
        Assert.Equal($"Boats at the {marker} at dawn", form["Input.Caption"]);
        Assert.Contains("Ana Photographer", form["Input.Credit"], StringComparison.Ordinal);

        var found = Parse(await writer.GetPageAsync($"/newsroom/images?q={marker.ToUpperInvariant()}", Ct));
        var links = found.QuerySelectorAll(".image-grid a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/newsroom/images/{id}"], links);
        var none = Parse(await writer.GetPageAsync($"/newsroom/images?q={Unique("nothing")}", Ct));
        Assert.Empty(none.QuerySelectorAll(".image-grid a"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Missing_alt_text_a_file_that_is_not_an_image_and_a_file_too_large_are_each_named(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var before = await WithDbAsync(app, db => db.Images.CountAsync(Ct));

        using (var noAlt = await UploadAsync(writer, TestImages.Encode(100, 80), "small.jpg", alt: " "))
        {
            var html = await noAlt.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, noAlt.StatusCode);
            Assert.Contains("href=\"#Upload_Alt\"", html, StringComparison.Ordinal);
            Assert.Contains("Alt text is required", html, StringComparison.Ordinal);
        }
        using (var text = await UploadAsync(writer, "just some words"u8.ToArray(), "notes.jpg", alt: "Not really a picture", caption: "Kept caption"))
        {
            var html = await text.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, text.StatusCode);
            Assert.Contains("href=\"#Upload_File\"", html, StringComparison.Ordinal);
            Assert.Equal("Kept caption", BrowserForm.Read(html, "#upload-form")["Upload.Caption"]);
        }
        var big = new byte[SmallUploadsApp.MaxBytes + 1000];
        Random.Shared.NextBytes(big);
        using (var tooLarge = await UploadAsync(writer, big, "huge.jpg", alt: "Far too large"))
        {
            var html = await tooLarge.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
            Assert.Contains("upload limit", html, StringComparison.Ordinal);
        }
        Assert.Equal(before, await WithDbAsync(app, db => db.Images.CountAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Setting_the_focal_point_stores_it_and_makes_card_crops_around_it(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var editor = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);
        using var uploaded = await UploadAsync(editor, TestImages.Encode(1200, 600), "wide.jpg", alt: "A wide view of the bay");
        var location = uploaded.Headers.Location!.OriginalString;
        var id = Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);
        // The upload already has crops around the centre; moving the focal point replaces them.
        var centred = (await WithDbAsync(app, db => db.Images.AsNoTracking().FirstAsync(i => i.Id == id, Ct))).Renditions.Where(CardCrops.IsCrop).ToList();
        Assert.Equal(3, centred.Count);
        Assert.All(centred, r => Assert.EndsWith("-05000500.jpg", r.Path, StringComparison.Ordinal));
        var form = BrowserForm.Read(await editor.GetPageAsync(location, Ct), "#image-form")
            .Set("Input.FocalX", "90").Set("Input.FocalY", "25").Set("Input.Credit", "Staff photographer");
        using (var saved = await editor.Client.PostAsync(location, new FormUrlEncodedContent(form.Fields), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var image = await WithDbAsync(app, db => db.Images.AsNoTracking().FirstAsync(i => i.Id == id, Ct));
        Assert.Equal(0.9f, image.FocalX, 3);
        Assert.Equal(0.25f, image.FocalY, 3);
        Assert.Equal("Staff photographer", image.Credit);
        var wide = Assert.Single(image.Renditions, r => r.Format == CardCrops.Wide);
        var squares = image.Renditions.Where(r => r.Format == CardCrops.Square).OrderBy(r => r.Width).ToList();
        Assert.Equal((640, 360), (wide.Width, wide.Height));
        // A thumbnail and the largest square the 600-pixel-high picture gives.
        Assert.Equal([(CardCrops.ThumbnailWidth, CardCrops.ThumbnailWidth), (600, 600)], squares.Select(r => (r.Width, r.Height)));
        var square = squares[^1];
        Assert.All(image.Renditions.Where(CardCrops.IsCrop), r => Assert.EndsWith("-09000250.jpg", r.Path, StringComparison.Ordinal));
        // The old crops stay for pages cached elsewhere, listed for the media sweep to remove later.
        Assert.All(centred, r => Assert.True(File.Exists(Path.Combine(app.DataPath, "media", r.Path)), r.Path));
        Assert.Equal(centred.Select(r => r.Path).Order(), (await File.ReadAllLinesAsync(Path.Combine(app.DataPath, "media", id.ToString(), MediaSweep.SupersededList), Ct)).Order());
        using var reader = app.Client();
        using var crop = await reader.GetAsync("/media/" + square.Path, Ct);
        Assert.Equal(HttpStatusCode.OK, crop.StatusCode);
        Assert.Equal("image/jpeg", crop.Content.Headers.ContentType?.MediaType);

        // The reader's structured data offers the whole picture and both crops, as search engines ask for.
        using (var admin = app.AdminClient())
        {
            (await admin.PutAsJsonAsync("/api/admin/sections/bay", new { name = "Bay" }, Ct)).EnsureSuccessStatusCode();
            using var created = await admin.PostAsJsonAsync("/api/admin/articles", new
            {
                headline = "Boats return to the bay",
                summary = new[] { "The first boats of the season" },
                section = "bay",
                byline = new[] { new { name = "Test Desk", kind = "agency" } },
                heroImage = new { id },
                body = new { markdown = "The first boats of the season came back on Monday." },
            }, Ct);
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
            var article = System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync(Ct))!;
            (await admin.PostAsync($"/api/admin/articles/{article["id"]}/publish", null, Ct)).EnsureSuccessStatusCode();
            using var moved = await reader.GetAsync($"/news/bay/article/{article["id"]}/any", Ct);
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            var page = await reader.GetStringAsync(moved.Headers.Location, Ct);
            var ld = System.Text.Json.Nodes.JsonNode.Parse(System.Text.RegularExpressions.Regex.Match(page, "<script type=\"application/ld\\+json\">(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value)!;
            var images = ld["image"]!.AsArray().Select(i => new Uri(i!.GetValue<string>()).AbsolutePath).ToList();
            Assert.Equal(["/media/" + wide.Path, "/media/" + square.Path], images.Skip(1));
            Assert.EndsWith(".jpg", images[0], StringComparison.Ordinal);
        }

        // The section's listing shows the thumbnail; editing the image evicts it there too, not only on the article page.
        Assert.Contains("alt=\"A wide view of the bay\"", await reader.GetStringAsync("/news/bay", Ct), StringComparison.Ordinal);
        var retitled = BrowserForm.Read(await editor.GetPageAsync(location, Ct), "#image-form").Set("Input.Alt", "Boats moored across a wide bay");
        using (var saved = await editor.Client.PostAsync(location, new FormUrlEncodedContent(retitled.Fields), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        Assert.Contains("alt=\"Boats moored across a wide bay\"", await reader.GetStringAsync("/news/bay", Ct), StringComparison.Ordinal);

        var bad = BrowserForm.Read(await editor.GetPageAsync(location, Ct), "#image-form").Set("Input.FocalX", "140").Set("Input.Alt", "");
        using var refused = await editor.Client.PostAsync(location, new FormUrlEncodedContent(bad.Fields), Ct);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("href=\"#Input_FocalX\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Alt\"", html, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(NewsroomSession session, byte[] file, string name, string alt, string? caption = null)
    {
        var token = NewsroomSession.AntiforgeryToken(await session.GetPageAsync("/newsroom/images", Ct));
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(part, "Upload.File", name);
        content.Add(new StringContent(alt), "Upload.Alt");
        content.Add(new StringContent(caption ?? ""), "Upload.Caption");
        content.Add(new StringContent(""), "Upload.Credit");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await session.Client.PostAsync("/newsroom/images", content, Ct);
    }
}
