using System.Text.Json.Nodes;
using Broadsheet.Articles;
using Broadsheet.Listen;
using Broadsheet.Speech;

namespace Broadsheet.Tests.Listen;

public sealed class AudioTimingsTests
{
    private static readonly AudioScript Script = AudioScript.Build(
        "Fares <rise> & fall",
        [],
        [new ParagraphBlock([new Inline("Buses run late. Trains too.")]), new QuoteBlock([new Inline("We are sorry.")], "A spokesperson"), new EmbedBlock("https://example.com/v", "The video")],
        "en");

    /// <summary>Marks as an engine would report them for each part (word marks on each word, one sentence per part).</summary>
    private static AssembledSpeech Speech()
    {
        var marks = new List<PartMark>();
        var clock = 0;
        for (var p = 0; p < Script.Parts.Count; p++)
        {
            var spoken = Script.Parts[p].Spoken;
            var sentenceStart = clock;
            var index = 0;
            foreach (var word in spoken.Split(' '))
            {
                var at = spoken.IndexOf(word, index, StringComparison.Ordinal);
                index = at + word.Length;
                if (word.Any(char.IsLetterOrDigit))
                {
                    marks.Add(new PartMark(p, new SpeechMark(SpeechMarkKind.Word, at, word.Length, clock, clock + 200)));
                    clock += 250;
                }
            }
            marks.Add(new PartMark(p, new SpeechMark(SpeechMarkKind.Sentence, 0, spoken.Length, sentenceStart, clock)));
            clock += 500;
        }
        return new AssembledSpeech(new short[clock * 22], 22050, marks);
    }

    [Fact]
    public void Places_name_each_part_as_the_page_does()
    {
        var timings = AudioTimings.Build(Script, Speech());
        Assert.Equal(["h", "b0.0", "b1.0", "b1.0a", "b2.0e"], timings.Places);
        Assert.Equal("s3", ListenPlaces.Key(new PagePlace(PageRegion.Summary, 0, 3)));
        Assert.Equal("b7.2", ListenPlaces.Body(7, 2));
    }

    [Fact]
    public void Without_gapless_information_every_mark_moves_by_the_players_delay()
    {
        var speech = Speech();
        var plain = AudioTimings.Build(Script, speech);
        // An MP3 without its LAME tag: a player hears encoder + decoder delay (1105 samples at 22050 Hz = 50 ms) first.
        var untagged = new EncodedAudio("audio/mpeg", "mp3", 22050, speech.DurationMs, 576, 300, 576 + 529, 1000, GaplessInfoWritten: false);
        var shifted = AudioTimings.Build(Script, speech, untagged);
        Assert.Equal(50, untagged.PlaybackDelayMs);
        Assert.Equal(plain.Words.Select(w => w.StartMs + 50), shifted.Words.Select(w => w.StartMs));
        Assert.Equal(plain.Sentences.Select(s => s.EndMs + 50), shifted.Sentences.Select(s => s.EndMs));
        Assert.Equal(plain.DurationMs + 50, shifted.DurationMs);

        var tagged = untagged with { GaplessInfoWritten = true };
        Assert.Equal(plain.Words, AudioTimings.Build(Script, speech, tagged).Words);
    }

    [Fact]
    public void Json_is_compact_rows_that_read_back_the_same()
    {
        var timings = AudioTimings.Build(Script, Speech());
        var json = timings.ToJson();
        var node = JsonNode.Parse(json)!;
        Assert.Equal(1, node["v"]!.GetValue<int>());
        var first = node["words"]![0]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
        Assert.Equal([0, 200, 0, 0, 5], first); // "Fares" in the headline
        var back = AudioTimings.FromJson(json);
        Assert.Equal(timings.Words, back.Words);
        Assert.Equal(timings.Sentences, back.Sentences);
        Assert.Equal(timings.Places, back.Places);
    }

    [Fact]
    public void WebVtt_has_a_cue_per_sentence_with_word_timestamps_and_escaped_text()
    {
        var vtt = AudioTimings.Build(Script, Speech()).ToWebVtt();
        Assert.StartsWith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.000\nFares", vtt, StringComparison.Ordinal);
        Assert.Contains("Fares &lt;<00:00:00.250>rise&gt;", vtt);
        Assert.Contains("&amp;", vtt);
        Assert.DoesNotContain("<rise>", vtt);
        var cues = vtt.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(5, cues.Count); // one sentence mark per part here: headline, paragraph, quote, attribution, embed title
        Assert.All(cues, cue => Assert.Matches(@"^\d+\n\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}\n[^\n]+$", cue));
        Assert.DoesNotContain("-->", string.Join("", cues.Select(c => c.Split('\n')[2])));
        Assert.Equal("01:02:03.004", AudioTimings.Timestamp(3723004));
    }

    [Fact]
    public void Retry_delays_double_from_the_base()
    {
        var options = new ListenOptions { RetryBaseSeconds = 10 };
        Assert.Equal([10, 20, 40, 80], Enumerable.Range(1, 4).Select(n => options.RetryDelay(n).TotalSeconds));
        Assert.Equal(86400, options.RetryDelay(30).TotalSeconds);
    }

    [Fact]
    public void Podcast_durations_are_hours_minutes_seconds()
    {
        Assert.Equal("00:06:40", PodcastFeed.Duration(400_400));
        Assert.Equal("01:00:01", PodcastFeed.Duration(3_601_000));
    }
}
