using Broadsheet.Articles;
using Broadsheet.Demo;
using SkiaSharp;

namespace Broadsheet.Tests.Demo;

/// <summary>A copy of the shipped demo folder that a test may break; deleted afterwards.</summary>
public sealed class DemoFolderCopy : IDisposable
{
    public DemoFolderCopy()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "broadsheet-demo-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(DemoFiles.DefaultFolder, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(DemoFiles.DefaultFolder, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Path { get; }

    public void Edit(string file, Func<string, string> change)
    {
        var path = System.IO.Path.Combine(Path, file);
        var before = File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    /// <summary>
    /// Replaces every picture with a copy a quarter as wide and high, same shape and format: for a test of what a seeding
    /// that fails leaves behind, where the pictures' files must be written and removed but their size is beside the point
    /// (the shipped pictures cost seconds of CPU per seeding; the full-size seeding is tested in <c>DemoContentTests</c>).
    /// </summary>
    public void ShrinkPictures()
    {
        foreach (var file in Directory.GetFiles(System.IO.Path.Combine(Path, "images"), "*.jpg"))
        {
            using var original = SKBitmap.Decode(file);
            using var small = original.Resize(new SKImageInfo(original.Width / 4, original.Height / 4), new SKSamplingOptions(SKFilterMode.Linear));
            using var encoded = small.Encode(SKEncodedImageFormat.Jpeg, 80);
            File.WriteAllBytes(file, encoded.ToArray());
        }
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

public class DemoFilesTests
{
    [Fact]
    public void The_shipped_demo_reads_whole()
    {
        var demo = DemoFiles.Read(DemoFiles.DefaultFolder);

        Assert.Equal("The Daily Meridian", demo.Manifest.Name);
        Assert.Equal(14, demo.Articles.Count);
        Assert.Single(demo.Articles, a => a.Language == "zh-Hant");
        Assert.Equal(10, demo.Standards.Count);
        Assert.Equal(4, demo.Manifest.Ads.Count);
        Assert.Equal(3, demo.Articles.Count(a => a.Note is not null));
        Assert.Contains(demo.Articles, a => a.NoteKind == NoteKind.Correction);
        Assert.All(demo.Articles, a =>
        {
            Assert.True(File.Exists(a.Hero.Path), a.File);
            Assert.False(string.IsNullOrWhiteSpace(a.Hero.Alt));
            Assert.Equal("Illustration: Daily Meridian demo", a.Hero.Credit);
            Assert.InRange(a.Summary.Count, 2, 3);
            Assert.DoesNotContain("---", a.Body[..20], StringComparison.Ordinal);
        });
        var bodyImages = demo.Articles.SelectMany(a => a.BodyImages.Values).ToList();
        Assert.Equal(3, bodyImages.Count);
        Assert.All(bodyImages, i => Assert.True(File.Exists(i.Path) && i.Alt.Length > 0 && i.Caption is { Length: > 0 }, i.Path));
        // Each picture is a file of its own, and small: decorative demo art.
        Assert.Equal(17, demo.ArticlePictures.Count());
        Assert.All(demo.ArticlePictures.Concat(demo.Manifest.Ads.Select(demo.PictureOf)), p => Assert.InRange(new FileInfo(p.Path).Length, 10_000, 150_000));
    }

    [Fact]
    public void Front_matter_keys_become_fields_and_lists()
    {
        var (front, body) = DemoFiles.FrontMatter.Split("a.md", "---\nheadline: Hello: world\nsummary: One\nsummary: Two\ntopics: a, b ,c\n# a comment\n\n---\n\nBody text.\n", ["headline", "summary", "topics"]);

        Assert.Equal("Hello: world", front.Required("headline"));
        Assert.Equal(["One", "Two"], front.All("summary"));
        Assert.Equal(["a", "b", "c"], front.List("topics"));
        Assert.Null(front.Optional("slug"));
        Assert.Equal("Body text.\n", body);
    }

    [Theory]
    [InlineData("articles/01-fisheries-talks-resume.md", "section: asia/east-asia", "section: asia/north-asia", "articles/01-fisheries-talks-resume.md:4: section: no section 'asia/north-asia' in publication.json.")]
    [InlineData("articles/01-fisheries-talks-resume.md", "topics: diplomacy,", "topics: diplomatic,", "articles/01-fisheries-talks-resume.md:5: topics: no topic 'diplomatic' in publication.json.")]
    [InlineData("articles/01-fisheries-talks-resume.md", "dateline: BUSAN", "dateline BUSAN", "articles/01-fisheries-talks-resume.md:7: expected 'key: value', found 'dateline BUSAN'.")]
    [InlineData("articles/01-fisheries-talks-resume.md", "dateline: BUSAN", "deadline: BUSAN", "articles/01-fisheries-talks-resume.md:7: unknown key 'deadline'; the keys are headline, slug, type")]
    [InlineData("articles/01-fisheries-talks-resume.md", "headline: ", "headline: A\nheadline: ", "articles/01-fisheries-talks-resume.md:3: 'headline' is given twice.")]
    [InlineData("articles/01-fisheries-talks-resume.md", "published-hours-ago: 5", "published-hours-ago: five", "articles/01-fisheries-talks-resume.md:8: published-hours-ago: 'five' is not a number of hours (like 5 or 5.5).")]
    [InlineData("articles/01-fisheries-talks-resume.md", "hero: ../images/01-fisheries-talks-resume.jpg", "hero: ../images/missing.jpg", "articles/01-fisheries-talks-resume.md:11: hero: ../images/missing.jpg does not exist.")]
    [InlineData("articles/01-fisheries-talks-resume.md", "---\nheadline", "headline", "articles/01-fisheries-talks-resume.md:1: must start with a front matter")]
    [InlineData("articles/03-alder-monetary-authority.md", "![A line chart falling from left to right over bars of varying height, in orange tones.]", "![]", "articles/03-alder-monetary-authority.md: the body shows ../images/rates-chart.jpg without alt text")]
    [InlineData("articles/03-alder-monetary-authority.md", "(../images/rates-chart.jpg", "(../images/rates.jpg", "articles/03-alder-monetary-authority.md: the body shows ../images/rates.jpg, which does not exist.")]
    [InlineData("standards/02-corrections.md", "slug: corrections", "slug: Corrections Policy", "standards/02-corrections.md:3: slug: 'Corrections Policy' is not a slug (try 'corrections-policy').")]
    [InlineData("publication.json", "\"name\": \"The Daily Meridian\",", "\"name\": \"The Daily Meridian\"", "publication.json:3: ")]
    [InlineData("publication.json", "{\"path\": \"asia\", \"name\": \"Asia\"},\n", "", "publication.json: section 'asia/east-asia' comes before its parent 'asia'.")]
    [InlineData("publication.json", "\"kind\": \"agency\"", "\"kind\": \"wire\"", "publication.json: contributor 'meridian-wire-service' has kind 'wire'; use one of person, agency.")]
    [InlineData("publication.json", "\"topic\": \"typhoons\"", "\"topic\": \"storms\"", "publication.json: ad 'House: typhoon coverage (MPU)' targets topic 'storms', which is not in topics.")]
    [InlineData("publication.json", "\"tagline\": \"News from Port Alder, Asia and the world\",", "", "JSON deserialization for type 'Broadsheet.Demo.DemoManifest' was missing required properties including: 'tagline'.")]
    public void A_broken_file_is_named_with_its_line_and_what_is_wrong(string file, string find, string replace, string message)
    {
        using var folder = new DemoFolderCopy();
        folder.Edit(file, text => text.Replace(find, replace, StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => DemoFiles.Read(folder.Path));

        Assert.StartsWith(file, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_says_where_it_looked()
    {
        var error = Assert.Throws<InvalidDataException>(() => DemoFiles.Read("/nonexistent/demo"));

        Assert.Equal("The demo content folder /nonexistent/demo does not exist.", error.Message);
    }
}
