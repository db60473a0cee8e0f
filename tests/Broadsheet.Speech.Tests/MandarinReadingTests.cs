namespace Broadsheet.Speech.Tests;

/// <summary>
/// What a listener hears in Chinese, from eSpeak NG's own phoneme output: Mandarin and Cantonese read a real demo
/// article without switching to English rules, so no tone digit or English number word is spoken.
/// </summary>
public sealed class MandarinReadingTests
{
    /// <summary>The Traditional Chinese demo article: headline, summary and body, as the reader reads them.</summary>
    private static string DemoArticleText()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Broadsheet.slnx")))
        {
            dir = dir.Parent;
        }
        Assert.NotNull(dir);
        var lines = File.ReadAllLines(Path.Combine(dir.FullName, "src/Broadsheet/Demo/content/articles/10-fisheries-talks-zh-hant.md"));
        var close = Array.IndexOf(lines, "---", 1);
        var head = lines[1..close]
            .Where(l => l.StartsWith("headline:", StringComparison.Ordinal) || l.StartsWith("summary:", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':') + 1)..].Trim());
        var text = string.Join("\n", head.Concat(lines[(close + 1)..]));
        Assert.True(text.Length > 300, "the demo article has its text");
        return text;
    }

    [Fact]
    public void A_single_character_is_read_with_its_mandarin_tone_not_an_english_digit()
    {
        var phonemes = string.Concat(Engines.Espeak.Phonemes("日", Engines.EspeakVoice("espeak-cmn")));
        Assert.DoesNotContain("(en)", phonemes, StringComparison.Ordinal);
        // ri4: a retroflex initial and the falling tone (51), not "ri" and English "four" (f'o@).
        Assert.Contains("z.'i.51", phonemes, StringComparison.Ordinal);
        Assert.DoesNotContain("f'o@", phonemes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("espeak-cmn")]
    [InlineData("espeak-cmn-f")]
    [InlineData("espeak-yue")]
    public void The_chinese_demo_article_is_read_without_english(string voice)
    {
        var clauses = Engines.Espeak.Phonemes(DemoArticleText(), Engines.EspeakVoice(voice));
        Assert.True(clauses.Count > 20, $"{clauses.Count} clauses");
        var english = clauses.Where(c => c.Contains("(en)", StringComparison.Ordinal)).ToList();
        Assert.True(english.Count == 0, $"{voice} switches to English in: {string.Join(" | ", english.Take(5))}");
    }

    [Fact]
    public void The_mandarin_voice_keeps_its_id_and_language_and_the_pinyin_file_is_not_offered_twice()
    {
        var mandarin = Engines.Espeak.Voices.Where(v => v.Language == "cmn").Select(v => v.Id).Order().ToList();
        Assert.Equal(["espeak-cmn", "espeak-cmn-f"], mandarin);
        Assert.DoesNotContain(Engines.Espeak.Voices, v => v.Language.StartsWith("cmn-", StringComparison.OrdinalIgnoreCase));
    }
}
