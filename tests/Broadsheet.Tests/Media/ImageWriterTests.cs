using System.Net;
using Broadsheet.Accounts;
using Broadsheet.Data;
using Broadsheet.Media;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Media;

/// <summary>The image writer's rules called directly, and the same bad image edit or upload through the admin API and the newsroom.</summary>
[Collection(SharedAppsCollection.Name)]
public sealed class ImageWriterTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_writer_checks_uploads_and_edits_moves_crops_and_keeps_images_in_use(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<ImageWriter>();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var images = await db.Images.CountAsync(Ct);

        var nothing = await writer.UploadAsync(new ImageUpload { Alt = " ", Caption = new string('c', ImageLibrary.MaxCaptionLength + 1) }, ct: Ct);
        Assert.Equal(["alt", "caption", "file"], nothing.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Choose an image file to upload.", nothing.Errors["file"].Single());
        var notImage = await writer.UploadAsync(new ImageUpload { Content = new MemoryStream("words"u8.ToArray()), FileName = "a.jpg", Alt = "Alt" }, ct: Ct);
        Assert.Equal(["file"], notImage.Errors.Keys);
        Assert.Equal(images, await db.Images.CountAsync(Ct));

        var uploaded = await writer.UploadAsync(new ImageUpload { Content = new MemoryStream(TestImages.Encode(800, 600)), FileName = "a.jpg", Alt = " Harbour ", Credit = "TNS" }, ct: Ct);
        Assert.Equal(WriteStatus.Created, uploaded.Status);
        var id = uploaded.Value!.Id;
        Assert.Equal(("Harbour", "TNS"), (uploaded.Value.Alt, uploaded.Value.Credit));

        var bad = await writer.UpdateAsync(id, new ImageEdit { Alt = new string('a', ImageLibrary.MaxAltLength + 1), Credit = new string('c', ImageLibrary.MaxCreditLength + 1), FocalX = 101, FocalY = double.NaN }, Ct);
        Assert.Equal(["alt", "credit", "focalX", "focalY"], bad.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Enter a percentage from 0 to 100.", bad.Errors["focalX"].Single());

        var crops = uploaded.Value.Renditions.Where(CardCrops.IsCrop).Select(r => r.Path).ToList();
        var moved = await writer.UpdateAsync(id, new ImageEdit { Alt = "Harbour at dawn", FocalX = 20, FocalY = 30 }, Ct);
        Assert.Equal((WriteStatus.Ok, 0.2f, 0.3f, (string?)null), (moved.Status, moved.Value!.FocalX, moved.Value.FocalY, moved.Value.Credit));
        Assert.NotEqual(crops, moved.Value.Renditions.Where(CardCrops.IsCrop).Select(r => r.Path).ToList());
        // Without a focal point the edit keeps the one set.
        var kept = await writer.UpdateAsync(id, new ImageEdit { Alt = "Harbour" }, Ct);
        Assert.Equal((0.2f, 0.3f), (kept.Value!.FocalX, kept.Value.FocalY));

        db.AdCreatives.Add(new Broadsheet.Ads.AdCreative { Name = "Ad", ImageId = id, LinkUrl = "https://example.com", Alt = "Ad" });
        await db.SaveChangesAsync(Ct);
        var blocked = await writer.DeleteAsync(id, Ct);
        Assert.Equal((WriteStatus.Conflict, "This image is in use: an ad shows it."), (blocked.Status, blocked.Message));
        await db.AdCreatives.Where(a => a.ImageId == id).ExecuteDeleteAsync(Ct);
        db.ChangeTracker.Clear();
        Assert.Equal(WriteStatus.Ok, (await writer.DeleteAsync(id, Ct)).Status);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "media", id.ToString())));
        Assert.Equal(WriteStatus.NotFound, (await writer.DeleteAsync(id, Ct)).Status);
    }

    [Fact]
    public async Task A_bad_image_gets_the_same_message_from_the_api_and_the_newsroom()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var admin = app.AdminClient();
        using var newsroom = await NewsroomSession.SignInAsync(app, NewsroomRoles.Admin, Ct);
        var id = await admin.UploadImageAsync(200, 150);
        var longAlt = new string('a', ImageLibrary.MaxAltLength + 1);

        var api = await BothDoors.ApiErrorsAsync(await admin.PutAsync($"/api/admin/images/{id}", Api.Api.Json(new { alt = longAlt, focalX = 120 }), Ct), "alt");
        var page = await newsroom.PostFormAsync($"/newsroom/images/{id}", [new("Input.Alt", longAlt), new("Input.FocalX", "120"), new("Input.FocalY", "50")], ct: Ct);
        Assert.Equal([$"Alt text is {longAlt.Length} characters long; keep it to {ImageLibrary.MaxAltLength} or fewer."], api);
        Assert.Equal(api, await BothDoors.FormErrorsAsync(page, "Input_Alt"));
        Assert.Equal(
            await BothDoors.ApiErrorsAsync(await admin.PutAsync($"/api/admin/images/{id}", Api.Api.Json(new { alt = "Alt", focalX = 120 }), Ct), "focalX"),
            await BothDoors.FormErrorsAsync(page, "Input_FocalX"));

        // An upload without a file.
        using var form = Api.Api.ImageForm(null, "", "Alt");
        var noFile = await BothDoors.ApiErrorsAsync(await admin.PostAsync("/api/admin/images", form, Ct), "file");
        Assert.Equal(noFile, await BothDoors.FormErrorsAsync(await newsroom.PostMultipartAsync("/newsroom/images", [new("Upload.Alt", "Alt")], [], ct: Ct), "Upload_File"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/admin/images/{id}", Ct)).StatusCode);
    }
}
