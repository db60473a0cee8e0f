using Broadsheet.Media;

namespace Broadsheet.Tests.Media;

public class ImageSourcesTests
{
    private static readonly Guid Id = Guid.Parse("0b8e3c8e-2f61-4c3a-9a57-1f3d2a0c9e11");

    private static Image Sample(params int[] widths) => new()
    {
        Id = Id,
        OriginalPath = $"{Id}/original.jpg",
        ContentType = "image/jpeg",
        Width = 1600,
        Height = 900,
        Alt = "A chart",
        Renditions = [.. widths.SelectMany(w => new[]
        {
            new Rendition(w, w * 9 / 16, "webp", $"{Id}/{w}.webp", 1000),
            new Rendition(w, w * 9 / 16, "jpeg", $"{Id}/{w}.jpg", 2000),
        })],
    };

    [Fact]
    public void Srcsets_list_each_format_narrowest_first_with_width_descriptors()
    {
        var sources = ImageSources.For(Sample(1280, 320, 640));

        Assert.Equal($"/media/{Id}/320.webp 320w, /media/{Id}/640.webp 640w, /media/{Id}/1280.webp 1280w", sources.WebpSrcSet);
        Assert.Equal($"/media/{Id}/320.jpg 320w, /media/{Id}/640.jpg 640w, /media/{Id}/1280.jpg 1280w", sources.JpegSrcSet);
        Assert.Equal((1600, 900), (sources.Width, sources.Height));
    }

    [Theory]
    [InlineData(new[] { 320, 640, 960, 1280 }, 960)]
    [InlineData(new[] { 320, 640, 1280 }, 640)]
    [InlineData(new[] { 1280, 1920 }, 1280)]
    public void The_fallback_is_the_widest_jpeg_up_to_960_or_else_the_narrowest(int[] widths, int expected)
    {
        Assert.Equal($"/media/{Id}/{expected}.jpg", ImageSources.For(Sample(widths)).FallbackSrc);
    }
}
