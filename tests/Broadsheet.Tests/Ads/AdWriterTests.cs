using Broadsheet.Accounts;
using Broadsheet.Ads;
using Broadsheet.Data;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Ads;

/// <summary>The ad writer's rules called directly, and the same bad ad through the admin API and the newsroom.</summary>
[Collection(SharedAppsCollection.Name)]
public sealed class AdWriterTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_writer_names_every_bad_field_at_once_and_stores_nothing_not_even_the_upload()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        await using var scope = app.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<AdWriter>();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var images = await db.Images.CountAsync(Ct);

        var bad = await writer.CreateAsync(new AdInput
        {
            Name = " ", LinkUrl = "javascript:alert(1)", Alt = new string('a', AdWriter.MaxAlt + 1), SectionPath = "no/such", TopicSlug = "no-such-topic",
            StartsAt = new DateTimeOffset(2030, 1, 2, 0, 0, 0, TimeSpan.Zero), EndsAt = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
        }, new AdImageUpload(new MemoryStream(Media.TestImages.Encode(300, 250)), "ad.jpg"), Ct);
        Assert.Equal(WriteStatus.Invalid, bad.Status);
        Assert.Equal(["alt", "endsAt", "linkUrl", "name", "sectionPath", "topicSlug"], bad.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(images, await db.Images.CountAsync(Ct));

        Assert.Equal(["Choose an image for the ad."], (await writer.CreateAsync(new AdInput { Name = "Ad", LinkUrl = "https://example.com", Alt = "Ad" }, ct: Ct)).Errors["imageId"]);
        var notImage = await writer.CreateAsync(new AdInput { Name = "Ad", LinkUrl = "https://example.com", Alt = "Ad" }, new AdImageUpload(new MemoryStream("not an image"u8.ToArray()), "ad.jpg"), Ct);
        Assert.Equal(["upload"], notImage.Errors.Keys);
        Assert.Equal(images, await db.Images.CountAsync(Ct));

        var name = Api.Api.Unique("Subscribe");
        var created = await writer.CreateAsync(new AdInput { Name = name, LinkUrl = " https://example.com/subscribe ", Alt = "Subscribe" }, new AdImageUpload(new MemoryStream(Media.TestImages.Encode(300, 250)), "ad.jpg"), Ct);
        Assert.Equal(WriteStatus.Created, created.Status);
        var ad = await db.AdCreatives.AsNoTracking().Include(a => a.Image).SingleAsync(a => a.Name == name, Ct);
        Assert.Equal(("https://example.com/subscribe", "Subscribe", 300), (ad.LinkUrl, ad.Image.Alt, ad.Image.Width));

        var kept = await writer.UpdateAsync(ad.Id, new AdInput { Name = name, ImageId = ad.ImageId, LinkUrl = "https://example.com/offer", Alt = "Offer" }, ct: Ct);
        Assert.Equal((WriteStatus.Ok, ad.ImageId, "https://example.com/offer"), (kept.Status, kept.Value!.ImageId, kept.Value.LinkUrl));
        // A house ad may point at the site's own pages, but not at another host through a protocol-relative link.
        var house = await writer.UpdateAsync(ad.Id, new AdInput { Name = name, ImageId = ad.ImageId, LinkUrl = "/standards", Alt = "Offer" }, ct: Ct);
        Assert.Equal((WriteStatus.Ok, "/standards"), (house.Status, house.Value!.LinkUrl));
        foreach (var away in new[] { "//evil.example/x", "/\\evil.example", "standards" })
        {
            Assert.True((await writer.UpdateAsync(ad.Id, new AdInput { Name = name, ImageId = ad.ImageId, LinkUrl = away, Alt = "Offer" }, ct: Ct)).Errors.ContainsKey("linkUrl"), away);
        }
        Assert.Equal(WriteStatus.NotFound, (await writer.UpdateAsync(int.MaxValue, new AdInput(), ct: Ct)).Status);
        Assert.Equal(WriteStatus.Ok, (await writer.DeleteAsync(ad.Id, Ct)).Status);
        Assert.False(await db.AdCreatives.AnyAsync(a => a.Id == ad.Id, Ct));
    }

    [Fact]
    public async Task A_bad_ad_gets_the_same_message_from_the_api_and_the_newsroom()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var admin = app.AdminClient();
        using var newsroom = await NewsroomSession.SignInAsync(app, NewsroomRoles.Admin, Ct);
        var imageId = await admin.UploadImageAsync(64, 48);

        var response = await admin.PostAsync("/api/admin/ads", Api.Api.Json(new
        {
            name = "Ad", imageId, linkUrl = "javascript:alert(1)", alt = "", sectionPath = "no/such",
            startsAt = "2030-01-02T10:00:00Z", endsAt = "2030-01-01T10:00:00Z",
        }), Ct);
        var page = await newsroom.PostMultipartAsync("/newsroom/admin/ads",
            [new("Input.Name", "Ad"), new("Input.ImageId", imageId.ToString()), new("Input.LinkUrl", "javascript:alert(1)"), new("Input.Alt", ""),
             new("Input.SectionPath", "no/such"), new("Input.StartsAt", "2030-01-02T10:00"), new("Input.EndsAt", "2030-01-01T10:00")], [], ct: Ct);
        foreach (var field in new[] { "linkUrl", "alt", "sectionPath", "endsAt" })
        {
            Assert.Equal(await BothDoors.ApiErrorsAsync(response, field), await BothDoors.FormErrorsAsync(page, "Input_" + char.ToUpperInvariant(field[0]) + field[1..]));
        }
        Assert.Equal(["Enter a full web address starting with https://, or a path on this site starting with / (at most 1000 characters)."], await BothDoors.ApiErrorsAsync(response, "linkUrl"));

        // No image at all: the API's imageId, the newsroom's file field.
        var noImage = await BothDoors.ApiErrorsAsync(await admin.PostAsync("/api/admin/ads", Api.Api.Json(new { name = "Ad", linkUrl = "https://example.com", alt = "Ad" }), Ct), "imageId");
        Assert.Equal(noImage, await BothDoors.FormErrorsAsync(await newsroom.PostMultipartAsync("/newsroom/admin/ads",
            [new("Input.Name", "Ad"), new("Input.LinkUrl", "https://example.com"), new("Input.Alt", "Ad")], [], ct: Ct), "Input_Upload"));
    }
}
