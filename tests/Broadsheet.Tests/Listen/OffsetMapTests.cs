using System.Text.RegularExpressions;
using Broadsheet.Listen;

namespace Broadsheet.Tests.Listen;

public class OffsetMapTests
{
    public static TheoryData<string> Sentences =>
    [
        "I paid £12m for it on 12 March 2024.",
        "Mr Biegun, the US envoy, met Dr. Lee at 9.30am in St Paul's, e.g. near No. 10.",
        "Prices rose 4.5% (from $5.20 to HK$1.2 billion) in the 1990s & 2000s, approx. 10-12 times.",
        "On March 12, 2024, temperatures hit 25°C; the 21st runner did 5km in 1998.",
        "“Regrettably,” he said, “much   opportunity has been squandered.”",
        "COVID-19 cases fell 3,400,000 on Mar. 12 vs. the U.S. average, etc. Then more.",
    ];

    /// <summary>Each spoken word of the text, with the page text that <see cref="ScriptPart.Locate(int)"/> finds for it.</summary>
    private static List<(string Spoken, string Original, TextRange Range)> SpokenWords(string text)
    {
        var part = AudioScript.Build(text, [], [], "en").Parts.Single();
        var words = new List<(string, string, TextRange)>();
        var spoken = part.Spoken;
        for (var i = 0; i < spoken.Length; i++)
        {
            if (char.IsWhiteSpace(spoken[i]) || (i > 0 && !char.IsWhiteSpace(spoken[i - 1])))
            {
                continue;
            }
            var end = spoken.IndexOf(' ', i);
            var range = part.Locate(i).Range;
            words.Add((spoken[i..(end < 0 ? spoken.Length : end)], range.Of(text), range));
        }
        return words;
    }

    [Theory]
    [InlineData("I paid £12m today", "I=I|paid=paid|twelve=£12m|million=£12m|pounds=£12m|today=today")]
    [InlineData("It cost US$3 billion.", "It=It|cost=cost|three=US$3 billion|billion=US$3 billion|U.S=US$3 billion|dollars.=US$3 billion")]
    [InlineData("Mr Smith arrived", "Mister=Mr|Smith=Smith|arrived=arrived")]
    [InlineData("Dr. Lee, the 21st", "Doctor=Dr.|Lee,=Lee|the=the|twenty-first=21st")]
    [InlineData("on 12 March 2024, he", "on=on|the=12 March 2024|twelfth=12 March 2024|of=12 March 2024|March=12 March 2024|twenty=12 March 2024|twenty-four,=12 March 2024|he=he")]
    [InlineData("10-12 people", "ten=10|to=-|twelve=12|people=people")]
    [InlineData("the US envoy", "the=the|U.S=US|envoy=envoy")]
    [InlineData("“Regrettably,” he said.", "“Regrettably,”=Regrettably|he=he|said.=said")]
    [InlineData("at 9.30am", "at=at|nine=9.30am|thirty=9.30am|a.m=9.30am")]
    [InlineData("M&S", "M=M|and=&|S=S")]
    [InlineData("Kim Jong-un", "Kim=Kim|Jong-un=Jong-un")]
    public void Every_spoken_word_maps_back_to_the_token_it_was_made_from(string text, string expected)
    {
        var pairs = SpokenWords(text).Select(w => $"{w.Spoken}={w.Original}");

        Assert.Equal(expected, string.Join('|', pairs));
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Mapped_ranges_stay_in_the_text_never_go_backwards_and_cover_every_word(string text)
    {
        var words = SpokenWords(text);
        var covered = new bool[text.Length];
        var previous = 0;
        foreach (var (spoken, _, range) in words)
        {
            Assert.False(range.IsEmpty, $"'{spoken}' maps to nothing");
            Assert.InRange(range.Start, previous, text.Length);
            Assert.InRange(range.End, range.Start, text.Length);
            previous = range.Start;
            for (var i = range.Start; i < range.End; i++)
            {
                covered[i] = true;
            }
        }
        var missed = text.Select((c, i) => (c, i)).Where(x => char.IsLetterOrDigit(x.c) && !covered[x.i]).ToList();
        Assert.True(missed.Count == 0, $"not highlighted: {string.Join(", ", missed.Select(x => $"'{x.c}'@{x.i}"))}");
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Words_kept_as_they_are_map_to_themselves(string text)
    {
        foreach (var (spoken, original, _) in SpokenWords(text))
        {
            var bare = spoken.Trim('.', ',', ';', '“', '”', '(', ')', ':');
            if (bare.Length > 0 && bare.All(char.IsLetter) && Regex.IsMatch(text, $@"\b{bare}\b") && original.All(c => char.IsLetter(c) || c == '\''))
            {
                Assert.Equal(bare, original);
            }
        }
    }

    [Fact]
    public void Survives_arbitrary_text_with_a_consistent_map()
    {
        // Fragments that start rules and then break them: currency without digits, half dates, stray dots.
        string[] pieces =
        [
            "$", "£", "€", "¥", "US$", "HK$", "1", "12", "2024", "1,250", "3.5", ".", ",", "-", "–", "%", "°", "C",
            "am", "a.m.", ":", "30", "st", "th", "s", "’", "'", "March", "Mar.", "Dr", "St", "No.", "e.g.", "U.S.",
            "US", "&", "km/h", "m", "bn", " ", "  ", "\n", "?", "!", "…", "“", "”", "(", ")", "x", "Mr.", "etc.", "🙂", "é",
        ];
        var random = new Random(20240312);
        var normaliser = new EnglishNormaliser();
        for (var run = 0; run < 3000; run++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 14)).Select(_ => pieces[random.Next(pieces.Length)]));

            var normalised = normaliser.Normalise(text);
            var part = AudioScript.Build(text, [], [], "en").Parts.SingleOrDefault();

            Assert.Equal(normalised.Spoken.Length, normalised.Map.SpokenLength);
            Assert.DoesNotContain("  ", normalised.Spoken, StringComparison.Ordinal);
            for (var k = 0; k < normalised.Spoken.Length; k++)
            {
                var range = normalised.Map.ToOriginal(k);
                Assert.True(range.Start >= 0 && range.End <= text.Length && range.Start <= range.End, $"{text}: offset {k} maps to {range}");
            }
            foreach (var sentence in part?.Sentences ?? [])
            {
                Assert.InRange(sentence.Spoken.End, sentence.Spoken.Start, part!.Spoken.Length);
            }
        }
    }

    [Fact]
    public void Verbatim_spans_map_character_by_character_and_replacements_map_as_a_whole()
    {
        var text = new EnglishNormaliser().Normalise("Now £5 each");

        Assert.Equal("Now five pounds each", text.Spoken);
        Assert.Equal(new TextRange(1, 2), text.Map.ToOriginal(1));
        Assert.Equal(new TextRange(4, 6), text.Map.ToOriginal(new TextRange(4, 8)));
        Assert.Equal(new TextRange(4, 6), text.Map.ToOriginal(new TextRange(9, 15)));
        Assert.Equal(new TextRange(7, 11), text.Map.ToOriginal(new TextRange(16, 20)));
        Assert.Equal(new TextRange(4, 15), text.Map.ToSpoken(new TextRange(4, 6)));
        Assert.Equal(new TextRange(17, 19), text.Map.ToSpoken(new TextRange(8, 10)));
    }

    [Fact]
    public void The_builder_collapses_whitespace_and_keeps_read_out_tokens_apart()
    {
        const string source = "  G20\t\n&  M ";
        var builder = new SpokenTextBuilder(source);
        builder.Space(0, 2);
        builder.Keep(2, 3);
        builder.Say("twenty", 3, 5);
        builder.Space(5, 7);
        builder.Say("and", 7, 8);
        builder.Space(8, 10);
        builder.Keep(10, 11);
        builder.Space(11, 12);

        var text = builder.Build();

        Assert.Equal("G twenty and M", text.Spoken);
        Assert.Equal(new TextRange(3, 5), text.Map.ToOriginal(new TextRange(2, 8)));
        Assert.Equal(new TextRange(5, 7), text.Map.ToOriginal(8));
        Assert.Equal(new TextRange(10, 11), text.Map.ToOriginal(13));
        // The space put between "G" and "twenty" stands for nothing on the page.
        Assert.Equal(new TextRange(3, 3), text.Map.ToOriginal(1));
    }

    [Fact]
    public void A_word_mark_on_a_space_locates_the_next_word()
    {
        var part = AudioScript.Build("Fares rise to £2", [], [], "en").Parts[0];

        Assert.Equal("two", part.SpokenWordAt(13).Of(part.Spoken));
        Assert.Equal("£2", part.Locate(13).Range.Of(part.Text));
        Assert.Equal("rise", part.Locate(5).Range.Of(part.Text));
    }

    [Fact]
    public void An_identity_map_maps_each_offset_to_itself()
    {
        var map = OffsetMap.Identity(10);

        Assert.Equal(new TextRange(3, 7), map.ToOriginal(new TextRange(3, 7)));
        Assert.Equal(new TextRange(3, 7), map.ToSpoken(new TextRange(3, 7)));
    }

    [Fact]
    public void Refuses_spans_that_leave_gaps_or_go_backwards()
    {
        Assert.Throws<ArgumentException>(() => new OffsetMap([new MappedSpan(new(1, 2), new(0, 1), true)]));
        Assert.Throws<ArgumentException>(() => new OffsetMap([new MappedSpan(new(0, 1), new(5, 6), false), new MappedSpan(new(1, 2), new(2, 3), false)]));
        Assert.Throws<ArgumentException>(() => new OffsetMap([new MappedSpan(new(0, 3), new(0, 1), true)]));
    }
}
