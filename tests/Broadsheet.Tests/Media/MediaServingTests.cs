using System.Net;
using System.Net.Http.Headers;
using Broadsheet.Media;
using Broadsheet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Media;

[Collection(SharedAppsCollection.Name)]
public class MediaServingTests(MediaApps apps) : IClassFixture<MediaApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Renditions_are_served_with_immutable_caching_their_type_and_an_etag(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var image = await Import(app);
        using var client = app.Client();

        foreach (var rendition in image.Renditions)
        {
            using var response = await client.GetAsync(ImageSources.UrlOf(rendition.Path), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(rendition.Format == "webp" ? "image/webp" : "image/jpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.NotNull(response.Headers.ETag);
            Assert.Equal(rendition.Bytes, (await response.Content.ReadAsByteArrayAsync(Ct)).Length);

            using var conditional = new HttpRequestMessage(HttpMethod.Get, ImageSources.UrlOf(rendition.Path));
            conditional.Headers.IfNoneMatch.Add(response.Headers.ETag);
            using var notModified = await client.SendAsync(conditional, Ct);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }
    }

    [Fact]
    public async Task A_range_request_gets_part_of_the_file()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var image = await Import(app);
        var rendition = image.Renditions[^1];
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, ImageSources.UrlOf(rendition.Path));
        request.Headers.Range = new RangeHeaderValue(10, 109);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        var whole = await File.ReadAllBytesAsync(Path.Combine(app.DataPath, "media", rendition.Path), Ct);
        Assert.Equal(whole[10..110], await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Originals_and_missing_files_are_not_found()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var image = await Import(app);
        using var client = app.Client();

        Assert.True(File.Exists(Path.Combine(app.DataPath, "media", image.OriginalPath)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ImageSources.UrlOf(image.OriginalPath), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/{image.Id}/4000.webp", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/{image.Id}/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/media/", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/media/../broadsheet.db")]
    [InlineData("/media/%2e%2e/broadsheet.db")]
    [InlineData("/media/..%2fbroadsheet.db")]
    [InlineData("/media/..%5cbroadsheet.db")]
    [InlineData("/media/%2e%2e%2fbroadsheet.db")]
    [InlineData("/media//etc/passwd")]
    [InlineData("/media/.staging/")]
    public async Task Paths_cannot_escape_the_media_folder(string path)
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        await Import(app);
        Assert.True(File.Exists(Path.Combine(app.DataPath, "broadsheet.db")));
        using var client = app.Client();
        var uri = new Uri(app.BaseAddress + path.TrimStart('/'), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

        using var response = await client.GetAsync(uri, Ct);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.False(body.AsSpan().StartsWith("SQLite format"u8), "the database file was served");
        Assert.False(body.AsSpan().IndexOf("root:"u8) >= 0, "a system file was served");
    }

    private static async Task<Image> Import(BroadsheetApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImageLibrary>()
            .ImportAsync(new MemoryStream(TestImages.Encode(700, 400)), "a.jpg", "Boats in a harbour", null, null, Ct);
    }
}
