using Broadsheet.Media;
using Broadsheet.Tests.Unit;
using SkiaSharp;

namespace Broadsheet.Tests.Media;

/// <summary>
/// Random and mutated image bytes (JPEG with IPTC and XMP, PNG, WebP, GIF headers cut, flipped and spliced): metadata
/// reading never throws, decoding throws only <see cref="ImageRejectedException"/>, and both answer quickly.
/// </summary>
public class ImageFuzzTests
{
    private static readonly byte[][] Samples =
    [
        TestImages.WithXmp(TestImages.WithIptc(TestImages.Encode(40, 30), "A caption", "A photographer", "An agency", "© Someone"), "A description", "A credit"),
        TestImages.WithExifOrientation(TestImages.Encode(30, 40), 6),
        TestImages.Encode(32, 24, SKEncodedImageFormat.Png, transparent: true),
        TestImages.Encode(24, 24, SKEncodedImageFormat.Webp),
        TestImages.PngClaiming(60000, 60000),
    ];

    [Fact]
    public void Embedded_credits_never_throw_on_broken_files() =>
        Fuzz.Run("embedded credits", Generate, bytes =>
        {
            var credits = EmbeddedCredits.Read(bytes);
            Assert.True(credits.Caption is null || Fuzz.IsValidUtf16(credits.Caption));
            Assert.True(credits.Credit is null || Fuzz.IsValidUtf16(credits.Credit));
        }, Show);

    [Fact]
    public void Decoding_broken_files_only_ever_rejects_them() =>
        Fuzz.Run("decode", Generate, bytes =>
        {
            try
            {
                using var image = DecodedImage.Decode(bytes, 50_000_000, 800);
                Assert.True(image.Width > 0 && image.Height > 0);
            }
            catch (ImageRejectedException)
            {
            }
        }, Show);

    private static byte[] Generate(Random random) => random.Next(8) == 0
        ? Enumerable.Range(0, random.Next(64)).Select(_ => (byte)random.Next(256)).ToArray()
        : Fuzz.Mutate(random, Samples[random.Next(Samples.Length)]);

    private static string Show(byte[] bytes) => Convert.ToBase64String(bytes);
}
