using SkiaSharp;

namespace Broadsheet.Data.Demo;

/// <summary>A house advertisement for the demo: promotes the paper's own pages, drawn at twice its slot size for sharp screens.</summary>
internal sealed record DemoAdSpec(
    string Name,
    int Width,
    int Height,
    string[] Lines,
    string Alt,
    string LinkUrl,
    IllustrationStyle Backdrop,
    int Seed,
    string? SectionPath = null,
    string? TopicSlug = null,
    bool Expired = false);

internal static class DemoAds
{
    public static readonly DemoAdSpec[] All =
    [
        new("House: our standards (MPU)", 300, 250, ["READ OUR", "STANDARDS"],
            "Read our standards: how the Daily Meridian reports, corrects and labels its journalism.",
            "/standards", IllustrationStyle.Rings, 3),
        new("House: technology section (billboard)", 970, 250, ["THE CHIP REPORT", "EVERY WEEK IN TECHNOLOGY"],
            "The chip report: technology news every week in the Daily Meridian.",
            "/news/technology", IllustrationStyle.Circuit, 12, SectionPath: "technology"),
        new("House: typhoon coverage (MPU)", 300, 250, ["STORM", "SEASON", "GUIDE"],
            "Storm season guide: follow the Daily Meridian's typhoon coverage.",
            "/topics/typhoons", IllustrationStyle.Storm, 18, TopicSlug: "typhoons"),
        new("House: marathon weekend (leaderboard)", 728, 90, ["MARATHON WEEKEND: ROAD CLOSURES"],
            "Marathon weekend: road closures and race coverage in the Daily Meridian.",
            "/news/sport", IllustrationStyle.Track, 7, Expired: true),
    ];

    public static byte[] RenderJpeg(DemoAdSpec ad)
    {
        int w = ad.Width * 2, h = ad.Height * 2;
        using var bitmap = DemoIllustrations.Render(ad.Backdrop, ad.Seed, w, h);
        using (var canvas = new SKCanvas(bitmap))
        {
            var margin = Math.Min(w, h) * 0.08f;
            var panel = SKRect.Create(margin, margin, w - margin * 2, h - margin * 2);
            using var shade = new SKPaint { Color = new SKColor(0x10, 0x14, 0x1C, 0xC8), IsAntialias = true };
            canvas.DrawRoundRect(panel, margin / 2, margin / 2, shade);
            using var rule = new SKPaint { Color = new SKColor(0xF4, 0xD3, 0x5E), IsAntialias = true };
            canvas.DrawRect(panel.Left, panel.Bottom - margin * 0.25f, panel.Width, margin * 0.25f, rule);
            var text = panel;
            text.Inflate(-Math.Max(margin * 0.6f, panel.Width * 0.06f), -margin * 0.6f);
            BlockLetters.DrawCentred(canvas, ad.Lines, text, SKColors.White);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 92);
        return data.ToArray();
    }
}
