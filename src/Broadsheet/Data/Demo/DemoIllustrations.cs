using SkiaSharp;

namespace Broadsheet.Data.Demo;

internal enum IllustrationStyle
{
    Map,
    Storm,
    Chart,
    Circuit,
    Track,
    Skyline,
    Rings,
    Roots,
    Waves,
    Soundwave,
    Reef,
}

/// <summary>An abstract picture for a demo article, drawn from shapes alone (no fonts, no downloads) and the same for the same seed.</summary>
internal sealed record DemoIllustration(IllustrationStyle Style, int Seed, string Alt, string Caption);

/// <summary>Draws the demo illustrations: gradients and shapes derived deterministically from a seed.</summary>
internal static class DemoIllustrations
{
    private sealed record Palette(SKColor Top, SKColor Bottom, SKColor Accent, SKColor Second, SKColor Dark, SKColor Light);

    private static readonly Palette[] Palettes =
    [
        new(new(0x1D, 0x35, 0x57), new(0xE6, 0x8A, 0x5C), new(0xF4, 0xD3, 0x5E), new(0xEE, 0x6C, 0x4D), new(0x14, 0x21, 0x3D), new(0xF8, 0xF1, 0xE5)),
        new(new(0x0B, 0x3C, 0x49), new(0x7F, 0xB7, 0xBE), new(0xF2, 0xE8, 0xCF), new(0x3A, 0x86, 0x86), new(0x06, 0x24, 0x2C), new(0xE8, 0xF4, 0xF2)),
        new(new(0x2B, 0x2D, 0x42), new(0x8D, 0x99, 0xAE), new(0xEF, 0x23, 0x3C), new(0xED, 0xF2, 0xF4), new(0x1A, 0x1B, 0x2A), new(0xED, 0xF2, 0xF4)),
        new(new(0x26, 0x46, 0x53), new(0x2A, 0x9D, 0x8F), new(0xE9, 0xC4, 0x6A), new(0xF4, 0xA2, 0x61), new(0x1B, 0x31, 0x3A), new(0xF1, 0xFA, 0xEE)),
        new(new(0x3D, 0x1E, 0x6D), new(0xC0, 0x6C, 0x84), new(0xF6, 0xBD, 0x60), new(0xF7, 0xED, 0xE2), new(0x24, 0x10, 0x42), new(0xF7, 0xED, 0xE2)),
        new(new(0x0F, 0x4C, 0x5C), new(0xE3, 0x64, 0x14), new(0xFB, 0x8B, 0x24), new(0x9A, 0x03, 0x1E), new(0x05, 0x2A, 0x33), new(0xFF, 0xF3, 0xE0)),
        new(new(0x1B, 0x43, 0x32), new(0x74, 0xC6, 0x9D), new(0xD8, 0xF3, 0xDC), new(0x40, 0x91, 0x6C), new(0x08, 0x1C, 0x15), new(0xF1, 0xF7, 0xED)),
        new(new(0x22, 0x22, 0x22), new(0x55, 0x55, 0x66), new(0x4C, 0xC9, 0xF0), new(0xF7, 0x25, 0x85), new(0x10, 0x10, 0x14), new(0xF0, 0xF0, 0xF5)),
    ];

    public static byte[] RenderJpeg(IllustrationStyle style, int seed, int width, int height)
    {
        using var bitmap = Render(style, seed, width, height);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 92);
        return data.ToArray();
    }

    public static SKBitmap Render(IllustrationStyle style, int seed, int width, int height)
    {
        // System.Random with a seed is deterministic across runs and platforms, which is all a demo picture needs.
        var random = new Random(seed);
        var palette = Palettes[seed % Palettes.Length];
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        Background(canvas, width, height, palette);
        var draw = style switch
        {
            IllustrationStyle.Map => (Action<SKCanvas, int, int, Palette, Random>)Map,
            IllustrationStyle.Storm => Storm,
            IllustrationStyle.Chart => Chart,
            IllustrationStyle.Circuit => Circuit,
            IllustrationStyle.Track => Track,
            IllustrationStyle.Skyline => Skyline,
            IllustrationStyle.Rings => Rings,
            IllustrationStyle.Roots => Roots,
            IllustrationStyle.Waves => Waves,
            IllustrationStyle.Soundwave => Soundwave,
            _ => Reef,
        };
        draw(canvas, width, height, palette, random);
        Grain(canvas, width, height, random);
        return bitmap;
    }

    private static void Background(SKCanvas canvas, int w, int h, Palette p)
    {
        using var paint = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(w * 0.3f, h), [p.Top, p.Bottom], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, w, h, paint);
    }

    private static SKPaint Fill(SKColor color, byte alpha = 255) => new() { Color = color.WithAlpha(alpha), IsAntialias = true };

    private static SKPaint Stroke(SKColor color, float width, byte alpha = 255) =>
        new() { Color = color.WithAlpha(alpha), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width, StrokeCap = SKStrokeCap.Round };

    private static float Next(Random r, float min, float max) => min + (float)r.NextDouble() * (max - min);

    /// <summary>A closed, wobbly outline around a centre, like a coastline on a map.</summary>
    private static SKPath Blob(Random r, float cx, float cy, float radius, int points = 14)
    {
        var path = new SKPathBuilder();
        var pts = Enumerable.Range(0, points).Select(i =>
        {
            var angle = Math.PI * 2 * i / points;
            var rr = radius * Next(r, 0.7f, 1.25f);
            return new SKPoint(cx + (float)Math.Cos(angle) * rr, cy + (float)Math.Sin(angle) * rr * 0.75f);
        }).ToArray();
        path.MoveTo(Mid(pts[^1], pts[0]));
        for (var i = 0; i < pts.Length; i++)
        {
            path.QuadTo(pts[i], Mid(pts[i], pts[(i + 1) % pts.Length]));
        }
        path.Close();
        return path.Detach();
    }

    private static void DrawPath(this SKCanvas canvas, SKPathBuilder builder, SKPaint paint)
    {
        using var path = builder.Snapshot();
        canvas.DrawPath(path, paint);
    }

    private static SKPoint Mid(SKPoint a, SKPoint b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);

    private static void Map(SKCanvas c, int w, int h, Palette p, Random r)
    {
        using var grid = Stroke(p.Light, 1.5f, 40);
        for (var x = 0; x < w; x += w / 16)
        {
            c.DrawLine(x, 0, x, h, grid);
        }
        for (var y = 0; y < h; y += h / 9)
        {
            c.DrawLine(0, y, w, y, grid);
        }
        var ports = new List<SKPoint>();
        using var land = Fill(p.Light, 220);
        using var shore = Stroke(p.Dark, 3, 120);
        for (var i = 0; i < 3; i++)
        {
            var centre = new SKPoint(Next(r, 0.15f, 0.85f) * w, (i == 0 ? 0.25f : i == 1 ? 0.7f : Next(r, 0.3f, 0.6f)) * h);
            using var path = Blob(r, centre.X, centre.Y, Next(r, 0.12f, 0.2f) * w);
            c.DrawPath(path, land);
            c.DrawPath(path, shore);
            ports.Add(new SKPoint(centre.X + Next(r, -40, 40), centre.Y + Next(r, -30, 30)));
        }
        using var route = Stroke(p.Accent, 5);
        route.PathEffect = SKPathEffect.CreateDash([18, 14], 0);
        for (var i = 0; i < ports.Count; i++)
        {
            var a = ports[i];
            var b = ports[(i + 1) % ports.Count];
            using var arc = new SKPathBuilder();
            arc.MoveTo(a);
            arc.QuadTo(new SKPoint((a.X + b.X) / 2 + Next(r, -120, 120), (a.Y + b.Y) / 2 - Next(r, 40, 160)), b);
            c.DrawPath(arc, route);
        }
        using var port = Fill(p.Second);
        using var ring = Stroke(p.Dark, 4);
        foreach (var pt in ports)
        {
            c.DrawCircle(pt, 16, port);
            c.DrawCircle(pt, 16, ring);
        }
    }

    private static void Storm(SKCanvas c, int w, int h, Palette p, Random r)
    {
        var centre = new SKPoint(w * Next(r, 0.4f, 0.65f), h * Next(r, 0.4f, 0.55f));
        for (var arm = 0; arm < 5; arm++)
        {
            using var path = new SKPathBuilder();
            var start = arm * Math.PI * 2 / 5 + r.NextDouble();
            for (var t = 0.0; t < 5.5; t += 0.05)
            {
                var radius = 30 + t * t * 22;
                var pt = new SKPoint(centre.X + (float)(Math.Cos(start + t) * radius), centre.Y + (float)(Math.Sin(start + t) * radius * 0.8));
                if (t == 0)
                {
                    path.MoveTo(pt);
                }
                else
                {
                    path.LineTo(pt);
                }
            }
            using var band = Stroke(arm % 2 == 0 ? p.Light : p.Accent, 26 - arm * 3, (byte)(170 - arm * 20));
            c.DrawPath(path, band);
        }
        using var eye = Fill(p.Dark, 230);
        c.DrawCircle(centre, 34, eye);
        using var sea = Fill(p.Dark, 90);
        for (var i = 0; i < 6; i++)
        {
            var y = h * 0.82f + i * 18;
            c.DrawRect(0, y, w, 6, sea);
        }
    }

    private static void Chart(SKCanvas c, int w, int h, Palette p, Random r)
    {
        float left = w * 0.1f, right = w * 0.9f, top = h * 0.15f, bottom = h * 0.85f;
        using var axis = Stroke(p.Light, 3, 200);
        using var grid = Stroke(p.Light, 1.5f, 60);
        for (var i = 0; i <= 5; i++)
        {
            var y = top + (bottom - top) * i / 5;
            c.DrawLine(left, y, right, y, grid);
        }
        c.DrawLine(left, bottom, right, bottom, axis);
        var count = 12;
        var values = new float[count];
        var v = Next(r, 0.6f, 0.8f);
        for (var i = 0; i < count; i++)
        {
            v = Math.Clamp(v + Next(r, -0.12f, 0.06f), 0.15f, 0.95f);
            values[i] = v;
        }
        var step = (right - left) / count;
        using var bar = Fill(p.Light, 90);
        for (var i = 0; i < count; i++)
        {
            var barHeight = (bottom - top) * Next(r, 0.2f, 0.6f);
            c.DrawRect(left + i * step + step * 0.2f, bottom - barHeight, step * 0.6f, barHeight, bar);
        }
        using var line = Stroke(p.Accent, 8);
        using var path = new SKPathBuilder();
        for (var i = 0; i < count; i++)
        {
            var pt = new SKPoint(left + i * step + step / 2, bottom - (bottom - top) * values[i]);
            if (i == 0)
            {
                path.MoveTo(pt);
            }
            else
            {
                path.LineTo(pt);
            }
        }
        c.DrawPath(path, line);
        using var dot = Fill(p.Second);
        for (var i = 0; i < count; i++)
        {
            c.DrawCircle(left + i * step + step / 2, bottom - (bottom - top) * values[i], 11, dot);
        }
    }

    private static void Circuit(SKCanvas c, int w, int h, Palette p, Random r)
    {
        var cell = w / 20f;
        using var trace = Stroke(p.Light, 4, 150);
        using var pad = Fill(p.Accent);
        for (var i = 0; i < 40; i++)
        {
            var x = (int)Next(r, 0, 20) * cell;
            var y = (int)Next(r, 0, 12) * cell;
            using var path = new SKPathBuilder();
            path.MoveTo(x, y);
            for (var s = 0; s < 4; s++)
            {
                if (r.Next(2) == 0)
                {
                    x += cell * (r.Next(2) == 0 ? -1 : 1) * r.Next(1, 4);
                }
                else
                {
                    y += cell * (r.Next(2) == 0 ? -1 : 1) * r.Next(1, 3);
                }
                path.LineTo(x, y);
            }
            c.DrawPath(path, trace);
            c.DrawCircle(x, y, 8, pad);
        }
        var chip = SKRect.Create(w * 0.38f, h * 0.3f, w * 0.24f, h * 0.4f);
        using var body = Fill(p.Dark, 240);
        using var edge = Stroke(p.Accent, 6);
        c.DrawRoundRect(chip, 18, 18, body);
        c.DrawRoundRect(chip, 18, 18, edge);
        using var core = Fill(p.Second, 200);
        var inner = chip;
        inner.Inflate(-chip.Width * 0.25f, -chip.Height * 0.25f);
        c.DrawRoundRect(inner, 8, 8, core);
        using var pin = Fill(p.Light, 220);
        for (var i = 0; i < 8; i++)
        {
            var x = chip.Left + chip.Width * (i + 0.5f) / 8 - 6;
            c.DrawRect(x, chip.Top - 24, 12, 20, pin);
            c.DrawRect(x, chip.Bottom + 4, 12, 20, pin);
        }
    }

    private static void Track(SKCanvas c, int w, int h, Palette p, Random r)
    {
        using var water = Fill(p.Dark, 110);
        c.DrawRect(0, h * 0.62f, w, h * 0.38f, water);
        using var course = new SKPathBuilder();
        course.MoveTo(-20, h * 0.8f);
        var x = 0f;
        while (x < w + 200)
        {
            var nx = x + Next(r, 180, 320);
            course.CubicTo(x + 80, h * Next(r, 0.3f, 0.75f), nx - 80, h * Next(r, 0.3f, 0.75f), nx, h * Next(r, 0.45f, 0.65f));
            x = nx;
        }
        using var road = Stroke(p.Light, 46, 200);
        using var line = Stroke(p.Accent, 6);
        line.PathEffect = SKPathEffect.CreateDash([30, 20], 0);
        c.DrawPath(course, road);
        c.DrawPath(course, line);
        using var courseShape = course.Snapshot();
        using var measure = new SKPathMeasure(courseShape);
        using var runner = Fill(p.Second);
        for (var i = 0; i < 24; i++)
        {
            if (measure.GetPosition(measure.Length * (0.2f + i * 0.012f + Next(r, 0, 0.01f)), out var at))
            {
                c.DrawCircle(at.X + Next(r, -10, 10), at.Y + Next(r, -10, 10), 7, runner);
            }
        }
        using var sun = Fill(p.Accent, 200);
        c.DrawCircle(w * 0.82f, h * 0.2f, 70, sun);
    }

    private static void Skyline(SKCanvas c, int w, int h, Palette p, Random r)
    {
        using var moon = Fill(p.Light, 210);
        c.DrawCircle(w * Next(r, 0.15f, 0.85f), h * 0.22f, 60, moon);
        for (var layer = 0; layer < 2; layer++)
        {
            using var building = Fill(layer == 0 ? p.Dark.WithAlpha(150) : p.Dark);
            using var window = Fill(p.Accent, (byte)(layer == 0 ? 110 : 230));
            var x = -10f;
            while (x < w)
            {
                var bw = Next(r, 50, 140);
                var bh = h * Next(r, 0.2f, layer == 0 ? 0.65f : 0.5f);
                var top = h * 0.78f - bh;
                c.DrawRect(x, top, bw - 6, bh, building);
                for (var wy = top + 16; wy < h * 0.76f; wy += 26)
                {
                    for (var wx = x + 10; wx < x + bw - 20; wx += 22)
                    {
                        if (r.NextDouble() < 0.35)
                        {
                            c.DrawRect(wx, wy, 10, 12, window);
                        }
                    }
                }
                x += bw;
            }
        }
        using var ground = Fill(p.Dark);
        c.DrawRect(0, h * 0.78f, w, h * 0.22f, ground);
        using var rain = Stroke(p.Light, 2, 70);
        for (var i = 0; i < 160; i++)
        {
            var rx = Next(r, 0, w);
            var ry = Next(r, 0, h);
            c.DrawLine(rx, ry, rx - 12, ry + 36, rain);
        }
    }

    private static void Rings(SKCanvas c, int w, int h, Palette p, Random r)
    {
        SKColor[] colours = [p.Accent, p.Second, p.Light];
        for (var i = 0; i < 9; i++)
        {
            var centre = new SKPoint(Next(r, 0.1f, 0.9f) * w, Next(r, 0.15f, 0.85f) * h);
            var radius = Next(r, 60, 240);
            using var disc = Fill(colours[i % 3], 70);
            using var ring = Stroke(colours[(i + 1) % 3], Next(r, 6, 18), 200);
            c.DrawCircle(centre, radius, disc);
            c.DrawCircle(centre, radius * 0.7f, ring);
            using var tooth = Stroke(colours[(i + 2) % 3], 10, 160);
            tooth.PathEffect = SKPathEffect.CreateDash([12, 16], 0);
            c.DrawCircle(centre, radius * 0.92f, tooth);
        }
    }

    private static void Roots(SKCanvas c, int w, int h, Palette p, Random r)
    {
        var waterline = h * 0.62f;
        using var water = Fill(p.Dark, 120);
        c.DrawRect(0, waterline, w, h - waterline, water);
        using var stem = Stroke(p.Dark, 10);
        using var root = Stroke(p.Dark, 5, 220);
        using var leaf = Fill(p.Light, 170);
        using var leafDark = Fill(p.Second, 200);
        for (var i = 0; i < 13; i++)
        {
            var x = w * (i + 0.5f) / 13 + Next(r, -25, 25);
            var top = h * Next(r, 0.2f, 0.4f);
            c.DrawLine(x, waterline - 40, x, top, stem);
            for (var k = 0; k < 5; k++)
            {
                using var arc = new SKPathBuilder();
                var spread = Next(r, 30, 90) * (k % 2 == 0 ? 1 : -1);
                arc.MoveTo(x, waterline - Next(r, 20, 70));
                arc.QuadTo(x + spread, waterline - 60, x + spread * 1.3f, waterline + Next(r, 10, 40));
                c.DrawPath(arc, root);
            }
            for (var k = 0; k < 7; k++)
            {
                c.DrawOval(x + Next(r, -70, 70), top + Next(r, -40, 30), Next(r, 26, 50), Next(r, 14, 24), k % 2 == 0 ? leaf : leafDark);
            }
        }
    }

    private static void Waves(SKCanvas c, int w, int h, Palette p, Random r)
    {
        SKColor[] colours = [p.Light, p.Accent, p.Second, p.Dark];
        for (var band = 0; band < 7; band++)
        {
            var baseY = h * (0.3f + band * 0.1f);
            var amplitude = Next(r, 12, 40);
            var length = Next(r, 180, 420);
            var phase = Next(r, 0, 6.28f);
            using var path = new SKPathBuilder();
            path.MoveTo(0, h);
            for (var x = 0; x <= w; x += 8)
            {
                path.LineTo(x, baseY + (float)Math.Sin(x / length * Math.PI * 2 + phase) * amplitude);
            }
            path.LineTo(w, h);
            path.Close();
            using var fill = Fill(colours[band % colours.Length], (byte)(70 + band * 20));
            c.DrawPath(path, fill);
        }
        using var hull = Fill(p.Dark);
        var boat = SKRect.Create(w * 0.6f, h * 0.24f, 220, 50);
        c.DrawRoundRect(boat, 12, 12, hull);
        using var tail = Fill(p.Light, 220);
        using var whale = new SKPathBuilder();
        whale.MoveTo(w * 0.25f, h * 0.36f);
        whale.QuadTo(w * 0.24f, h * 0.26f, w * 0.2f, h * 0.22f);
        whale.QuadTo(w * 0.26f, h * 0.27f, w * 0.27f, h * 0.25f);
        whale.QuadTo(w * 0.28f, h * 0.27f, w * 0.34f, h * 0.22f);
        whale.QuadTo(w * 0.3f, h * 0.26f, w * 0.29f, h * 0.36f);
        whale.Close();
        c.DrawPath(whale, tail);
    }

    private static void Soundwave(SKCanvas c, int w, int h, Palette p, Random r)
    {
        var bars = 64;
        var step = w * 0.8f / bars;
        using var bar = Fill(p.Light, 230);
        using var accent = Fill(p.Accent);
        for (var i = 0; i < bars; i++)
        {
            var envelope = (float)Math.Sin(Math.PI * i / bars);
            var amplitude = h * 0.38f * envelope * Next(r, 0.35f, 1f);
            var x = w * 0.1f + i * step;
            c.DrawRoundRect(x, h / 2f - amplitude, step * 0.55f, amplitude * 2, 6, 6, i % 9 == 4 ? accent : bar);
        }
        using var ring = Stroke(p.Second, 8, 160);
        c.DrawCircle(w * 0.85f, h * 0.2f, 50, ring);
        c.DrawCircle(w * 0.85f, h * 0.2f, 80, ring);
    }

    private static void Reef(SKCanvas c, int w, int h, Palette p, Random r)
    {
        using var light = Fill(p.Light, 25);
        for (var i = 0; i < 6; i++)
        {
            using var beam = new SKPathBuilder();
            var x = Next(r, 0, w);
            beam.MoveTo(x, 0);
            beam.LineTo(x + 80, 0);
            beam.LineTo(x + 260, h);
            beam.LineTo(x + 120, h);
            beam.Close();
            c.DrawPath(beam, light);
        }
        SKColor[] coral = [p.Accent, p.Second, p.Light];
        for (var i = 0; i < 18; i++)
        {
            var x = Next(r, 0, w);
            var y = h * Next(r, 0.7f, 1f);
            Branch(c, r, new SKPoint(x, y), -90 + Next(r, -20, 20), Next(r, 60, 120), 4, coral[i % 3]);
        }
        using var bubble = Stroke(p.Light, 3, 150);
        for (var i = 0; i < 40; i++)
        {
            c.DrawCircle(Next(r, 0, w), Next(r, 0, h * 0.7f), Next(r, 4, 14), bubble);
        }
    }

    private static void Branch(SKCanvas c, Random r, SKPoint from, float angle, float length, int depth, SKColor colour)
    {
        var radians = angle * Math.PI / 180;
        var to = new SKPoint(from.X + (float)Math.Cos(radians) * length, from.Y + (float)Math.Sin(radians) * length);
        using var paint = Stroke(colour, depth * 4 + 2, 220);
        c.DrawLine(from, to, paint);
        if (depth > 0)
        {
            Branch(c, r, to, angle - Next(r, 15, 35), length * 0.72f, depth - 1, colour);
            Branch(c, r, to, angle + Next(r, 15, 35), length * 0.72f, depth - 1, colour);
        }
    }

    /// <summary>Faint speckle, so flat gradients do not band once compressed.</summary>
    private static void Grain(SKCanvas c, int w, int h, Random r)
    {
        using var speck = Fill(SKColors.White, 10);
        for (var i = 0; i < 600; i++)
        {
            c.DrawCircle(Next(r, 0, w), Next(r, 0, h), 1.5f, speck);
        }
    }
}
