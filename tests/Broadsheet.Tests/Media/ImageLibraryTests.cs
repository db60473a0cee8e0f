using Broadsheet.Data;
using Broadsheet.Media;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Broadsheet.Tests.Media;

[Collection(SharedAppsCollection.Name)]
public class ImageLibraryTests(MediaApps apps) : IClassFixture<MediaApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Import_stores_the_original_and_webp_and_jpeg_renditions_at_each_width(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var bytes = TestImages.Encode(2400, 1600);

        var image = await Import(app, bytes, "harbour.jpg");

        Assert.Equal(2400, image.Width);
        Assert.Equal(1600, image.Height);
        Assert.Equal("image/jpeg", image.ContentType);
        Assert.Equal($"{image.Id}/original.jpg", image.OriginalPath);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(MediaFile(app, image.OriginalPath), Ct));
        Assert.Equal([320, 640, 960, 1280, 1920], image.Renditions.Where(r => r.Format == "webp").Select(r => r.Width));
        Assert.Equal([320, 640, 960, 1280, 1920], image.Renditions.Where(r => r.Format == "jpeg").Select(r => r.Width));
        Assert.Equal(["160x160 jpeg-1x1", "640x360 jpeg-16x9", "640x640 jpeg-1x1"],
            image.Renditions.Where(CardCrops.IsCrop).Select(r => $"{r.Width}x{r.Height} {r.Format}").Order());
        foreach (var rendition in image.Renditions.Where(r => !CardCrops.IsCrop(r)))
        {
            var file = MediaFile(app, rendition.Path);
            Assert.Equal(new FileInfo(file).Length, rendition.Bytes);
            using var codec = SKCodec.Create(file);
            Assert.NotNull(codec);
            Assert.Equal(rendition.Format == "webp" ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            Assert.Equal(rendition.Width, codec.Info.Width);
            Assert.Equal(rendition.Height, codec.Info.Height);
            Assert.Equal((int)Math.Round(rendition.Width * 1600 / 2400.0), rendition.Height);
            using var decoded = SKBitmap.Decode(file);
            Assert.Equal(SKColors.Red, Nearest(decoded.GetPixel(decoded.Width / 4, decoded.Height / 2)));
            Assert.Equal(SKColors.Blue, Nearest(decoded.GetPixel(decoded.Width * 3 / 4, decoded.Height / 2)));
        }
        Assert.DoesNotContain(Directory.EnumerateDirectories(MediaRoot(app)), d => Path.GetFileName(d) is not ".staging" && !Guid.TryParse(Path.GetFileName(d), out _));

        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<BroadsheetDb>().Images.AsNoTracking().SingleAsync(i => i.Id == image.Id, Ct);
        Assert.Equal(image.Renditions, stored.Renditions);
        Assert.Equal("A harbour at dusk", stored.Alt);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_small_image_is_never_upscaled_and_still_gets_one_rendition_of_each_format(DatabaseProvider provider)
    {
        var app = await apps.On(provider);

        var image = await Import(app, TestImages.Encode(200, 120, SKEncodedImageFormat.Png), "icon.png");

        Assert.Equal("image/png", image.ContentType);
        Assert.Equal(["200x120 jpeg", "200x120 webp"], image.Renditions.Where(r => !CardCrops.IsCrop(r)).Select(r => $"{r.Width}x{r.Height} {r.Format}").Order());
        // The crops are no larger than the picture either: a 120-pixel square, a 16:9 as wide as the picture.
        Assert.Equal(["120x120 jpeg-1x1", "200x112 jpeg-16x9"], image.Renditions.Where(CardCrops.IsCrop).Select(r => $"{r.Width}x{r.Height} {r.Format}").Order());
    }

    [Fact]
    public async Task An_image_between_the_configured_widths_keeps_its_own_width_as_the_largest_rendition()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);

        var image = await Import(app, TestImages.Encode(1000, 500), "wide.jpg");

        Assert.Equal([320, 640, 960, 1000], image.Renditions.Where(r => r.Format == "webp").Select(r => r.Width));
        Assert.All(image.Renditions.Where(r => !CardCrops.IsCrop(r)), r => Assert.Equal(r.Width / 2, r.Height));
    }

    [Fact]
    public async Task Transparent_areas_become_white_in_jpeg_renditions()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);

        var image = await Import(app, TestImages.Encode(400, 200, SKEncodedImageFormat.Png, transparent: true), "logo.png");

        var jpeg = image.Renditions.Single(r => r.Format == "jpeg" && r.Width == 400);
        using var decoded = SKBitmap.Decode(MediaFile(app, jpeg.Path));
        Assert.Equal(SKColors.White, Nearest(decoded.GetPixel(300, 150)));
        Assert.Equal(SKColors.Blue, Nearest(decoded.GetPixel(300, 50)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Exif_orientation_is_applied_so_renditions_are_upright(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        // Stored 400 wide and 200 high, red on the left; orientation 6 means "turn 90° clockwise to view".
        var bytes = TestImages.WithExifOrientation(TestImages.Encode(400, 200), 6);

        var image = await Import(app, bytes, "phone.jpg");

        Assert.Equal(200, image.Width);
        Assert.Equal(400, image.Height);
        foreach (var rendition in image.Renditions.Where(r => !CardCrops.IsCrop(r)))
        {
            using var decoded = SKBitmap.Decode(MediaFile(app, rendition.Path));
            Assert.Equal(rendition.Width * 2, decoded.Height);
            Assert.Equal(SKColors.Red, Nearest(decoded.GetPixel(decoded.Width / 2, decoded.Height / 4)));
            Assert.Equal(SKColors.Blue, Nearest(decoded.GetPixel(decoded.Width / 2, decoded.Height * 3 / 4)));
        }
    }

    [Theory]
    [InlineData(0.1f, "red")]
    [InlineData(0.9f, "blue")]
    public async Task Crops_made_at_import_keep_the_focal_point_in_frame(float focalX, string colour)
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        // Red on the left half, blue on the right: a square crop centred near either edge shows mostly that side.
        Image image;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            image = await scope.ServiceProvider.GetRequiredService<ImageLibrary>().ImportAsync(new MemoryStream(TestImages.Encode(2400, 1600)), "sides.jpg",
                "Two colours side by side", null, null, new ImportSettings(FocalX: focalX, FocalY: 0.5f), Ct);
        }

        var expected = colour == "red" ? SKColors.Red : SKColors.Blue;
        foreach (var crop in image.Renditions.Where(r => r.Format == CardCrops.Square))
        {
            var file = MediaFile(app, crop.Path);
            Assert.Equal(new FileInfo(file).Length, crop.Bytes);
            Assert.Contains($"-{(int)Math.Round(focalX * 1000):0000}0500.jpg", crop.Path, StringComparison.Ordinal);
            using var decoded = SKBitmap.Decode(file);
            Assert.Equal((crop.Width, crop.Width), (decoded.Width, decoded.Height));
            Assert.Equal(expected, Nearest(decoded.GetPixel(decoded.Width / 2, decoded.Height / 2)));
        }
        Assert.Equal([CardCrops.ThumbnailWidth, 640], image.Renditions.Where(r => r.Format == CardCrops.Square).Select(r => r.Width).Order());
    }

    [Fact]
    public async Task Mirroring_orientations_are_applied_too()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        // Orientation 2 mirrors left and right: red ends up on the right.
        var image = await Import(app, TestImages.WithExifOrientation(TestImages.Encode(400, 200), 2), "mirror.jpg");

        Assert.Equal(400, image.Width);
        using var decoded = SKBitmap.Decode(MediaFile(app, image.Renditions.First(r => r.Format == "webp").Path));
        Assert.Equal(SKColors.Blue, Nearest(decoded.GetPixel(decoded.Width / 4, decoded.Height / 2)));
        Assert.Equal(SKColors.Red, Nearest(decoded.GetPixel(decoded.Width * 3 / 4, decoded.Height / 2)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Caption_and_credit_come_from_iptc_when_not_given(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var bytes = TestImages.WithIptc(TestImages.Encode(640, 480), "Ferries cross the harbour at dawn in Kowloon, café lights still on", "Ana Lee", "Meridian Wire");

        var image = await Import(app, bytes, "wire.jpg");

        Assert.Equal("Ferries cross the harbour at dawn in Kowloon, café lights still on", image.Caption);
        Assert.Equal("Ana Lee/Meridian Wire", image.Credit);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<BroadsheetDb>().Images.AsNoTracking().SingleAsync(i => i.Id == image.Id, Ct);
        Assert.Equal(image.Caption, stored.Caption);
        Assert.Equal(image.Credit, stored.Credit);
    }

    [Fact]
    public async Task Caption_and_credit_given_by_the_editor_win_over_the_file()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var bytes = TestImages.WithIptc(TestImages.Encode(640, 480), "From the file", null, null, copyright: "© Harbour Photo Co");

        var image = await Import(app, bytes, "wire.jpg", caption: "From the editor");

        Assert.Equal("From the editor", image.Caption);
        Assert.Equal("© Harbour Photo Co", image.Credit);
    }

    public static TheoryData<string, DatabaseProvider> Rejections() => new()
    {
        { "text", DatabaseProvider.Sqlite },
        { "text", DatabaseProvider.PostgreSQL },
        { "truncated", DatabaseProvider.Sqlite },
        { "truncated", DatabaseProvider.PostgreSQL },
        { "bomb", DatabaseProvider.Sqlite },
        { "empty", DatabaseProvider.Sqlite },
        { "oversized", DatabaseProvider.Sqlite },
        { "oversized-unseekable", DatabaseProvider.Sqlite },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Bad_uploads_are_rejected_with_a_reason_and_leave_nothing_behind(string kind, DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var (stream, expected) = kind switch
        {
            "text" => ((Stream)new MemoryStream("These are my notes, not a photo."u8.ToArray()), "not an image"),
            "truncated" => (new MemoryStream(HalfOf(TestImages.Encode(1200, 800))), "incomplete"),
            "bomb" => (new MemoryStream(TestImages.PngClaiming(30_000, 30_000)), "900 megapixels"),
            "empty" => (new MemoryStream(), "empty"),
            "oversized" => (new MemoryStream(new byte[21 * 1024 * 1024]), "20 MB"),
            _ => (new UnseekableStream(new byte[21 * 1024 * 1024]), "20 MB"),
        };
        var before = await Snapshot(app);

        var rejected = await Assert.ThrowsAsync<ImageRejectedException>(() => Import(app, stream, "photo.jpg"));

        Assert.Contains(expected, rejected.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("file", rejected.Field);
        Assert.Equal(before, await Snapshot(app));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Alt_text_is_required(string alt)
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var before = await Snapshot(app);

        var rejected = await Assert.ThrowsAsync<ImageRejectedException>(() => Import(app, TestImages.Encode(100, 100), "a.jpg", alt: alt));

        Assert.Equal("alt", rejected.Field);
        Assert.Contains("Alt text is required", rejected.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Snapshot(app));
    }

    [Fact]
    public async Task Alt_text_longer_than_500_characters_is_rejected()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);

        var rejected = await Assert.ThrowsAsync<ImageRejectedException>(() => Import(app, TestImages.Encode(100, 100), "a.jpg", alt: new string('x', 501)));

        Assert.Equal("alt", rejected.Field);
        Assert.Contains("501", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_row_cannot_be_saved_the_files_are_removed()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var before = await Snapshot(app);

        // The library shares the request's context: an entity already tracked there with a key the database
        // holds makes the library's SaveChanges fail after its files are written.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var library = scope.ServiceProvider.GetRequiredService<ImageLibrary>();
        db.Images.Add(new Image { Id = Guid.NewGuid(), OriginalPath = "x", ContentType = "image/jpeg", Alt = new string('a', 100) });
        await db.SaveChangesAsync(Ct);
        var duplicate = db.Images.Local.Single().Id;
        db.ChangeTracker.Clear();
        db.Images.Attach(new Image { Id = duplicate, OriginalPath = "x", ContentType = "image/jpeg", Alt = "a" }).State = EntityState.Added;

        await Assert.ThrowsAnyAsync<Exception>(() => library.ImportAsync(new MemoryStream(TestImages.Encode(300, 200)), "a.jpg", "Alt", null, null, Ct));

        var after = await Snapshot(app);
        Assert.Equal(before.Folders, after.Folders);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Crops_superseded_by_a_new_focal_point_stay_for_cached_pages_then_the_sweep_removes_them(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var id = (await Import(app, TestImages.Encode(1200, 800), "focus.jpg")).Id;
        List<Rendition> centred, moved;
        var staging = Path.Combine(MediaRoot(app), ImageLibrary.StagingFolder);
        string[] StagingFolders() => Directory.Exists(staging) ? [.. Directory.EnumerateDirectories(staging).Order()] : [];
        var stagedBefore = StagingFolders();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var image = await db.Images.SingleAsync(i => i.Id == id, Ct);
            centred = image.Renditions.Where(CardCrops.IsCrop).ToList();
            (image.FocalX, image.FocalY) = (0.2f, 0.3f);
            await scope.ServiceProvider.GetRequiredService<FocalCrops>().MakeAsync(image, Ct);
            await db.SaveChangesAsync(Ct);
            moved = image.Renditions.Where(CardCrops.IsCrop).ToList();
        }
        Assert.Equal(3, centred.Count);
        Assert.Empty(centred.Select(r => r.Path).Intersect(moved.Select(r => r.Path)));
        Assert.Equal(stagedBefore, StagingFolders()); // made aside, moved in, nothing left behind
        var list = Path.Combine(MediaRoot(app), id.ToString(), MediaSweep.SupersededList);
        Assert.Equal(centred.Select(r => r.Path).Order(), (await File.ReadAllLinesAsync(list, Ct)).Order());

        // Pages cached by browsers and CDNs may still name the old crops: a sweep now keeps them.
        var sweep = app.Services.GetRequiredService<MediaSweep>();
        await sweep.SweepAsync(Ct);
        Assert.All(centred.Concat(moved), r => Assert.True(File.Exists(MediaFile(app, r.Path)), r.Path));

        // Once the list is older than any cached page can be, they go; what the image uses stays.
        File.SetLastWriteTimeUtc(list, DateTime.UtcNow - MediaSweep.SupersededAge - TimeSpan.FromMinutes(1));
        await sweep.SweepAsync(Ct);
        Assert.All(centred, r => Assert.False(File.Exists(MediaFile(app, r.Path)), r.Path));
        Assert.All(moved, r => Assert.True(File.Exists(MediaFile(app, r.Path)), r.Path));
        Assert.True(File.Exists(MediaFile(app, $"{id}/original.jpg")));
        Assert.False(File.Exists(list));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_media_sweep_removes_old_folders_no_image_knows_and_nothing_else(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var kept = await Import(app, TestImages.Encode(800, 600), "kept.jpg");
        var root = MediaRoot(app);
        // Imports killed after their files were in place but before the row was saved, and while staging...
        var orphan = Path.Combine(root, Guid.NewGuid().ToString());
        var staged = Path.Combine(root, ImageLibrary.StagingFolder, Guid.NewGuid().ToString());
        // ...and one still running (as orphaned as the first, but new).
        var running = Path.Combine(root, Guid.NewGuid().ToString());
        foreach (var folder in new[] { orphan, staged, running })
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, "320.webp"), [1, 2, 3], Ct);
        }
        var twoHoursAgo = DateTime.UtcNow.AddHours(-2);
        foreach (var folder in new[] { orphan, staged, Path.Combine(root, kept.Id.ToString()) })
        {
            Directory.SetLastWriteTimeUtc(folder, twoHoursAgo);
        }

        var removed = await app.Services.GetRequiredService<MediaSweep>().SweepAsync(Ct);

        Assert.Equal(new[] { orphan, staged }.Select(Path.GetFileName).Order(), removed.Select(Path.GetFileName).Order());
        Assert.False(Directory.Exists(orphan));
        Assert.False(Directory.Exists(staged));
        Assert.True(Directory.Exists(running));
        Assert.True(File.Exists(MediaFile(app, kept.OriginalPath)));
        Assert.All(kept.Renditions, r => Assert.True(File.Exists(MediaFile(app, r.Path))));
        Assert.Empty(await app.Services.GetRequiredService<MediaSweep>().SweepAsync(Ct));
    }

    private static async Task<Image> Import(BroadsheetApp app, byte[] bytes, string fileName, string alt = "A harbour at dusk", string? caption = null) =>
        await Import(app, new MemoryStream(bytes), fileName, alt, caption);

    private static async Task<Image> Import(BroadsheetApp app, Stream stream, string fileName, string alt = "A harbour at dusk", string? caption = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImageLibrary>().ImportAsync(stream, fileName, alt, caption, null, Ct);
    }

    private static byte[] HalfOf(byte[] bytes) => bytes[..(bytes.Length / 2)];

    private static string MediaRoot(BroadsheetApp app) => Path.Combine(app.DataPath, "media");

    private static string MediaFile(BroadsheetApp app, string relative) => Path.Combine(MediaRoot(app), relative);

    private sealed record MediaSnapshot(int Rows, string Folders);

    private static async Task<MediaSnapshot> Snapshot(BroadsheetApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<BroadsheetDb>().Images.CountAsync(Ct);
        var root = MediaRoot(app);
        var entries = Directory.Exists(root)
            ? Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p)).Where(p => p != ".staging").Order()
            : Enumerable.Empty<string>();
        return new MediaSnapshot(rows, string.Join('\n', entries));
    }

    /// <summary>Maps a decoded colour to the nearest of the test palette, tolerating compression.</summary>
    private static SKColor Nearest(SKColor c)
    {
        SKColor[] palette = [SKColors.Red, SKColors.Blue, SKColors.White, SKColors.Black];
        return palette.MinBy(p => Math.Pow(p.Red - c.Red, 2) + Math.Pow(p.Green - c.Green, 2) + Math.Pow(p.Blue - c.Blue, 2));
    }

    private sealed class UnseekableStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream inner = new(bytes);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
