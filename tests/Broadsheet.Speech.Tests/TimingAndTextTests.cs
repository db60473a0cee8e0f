namespace Broadsheet.Speech.Tests;

public sealed class TimingAndTextTests
{
    private static readonly SpeechMark[] Marks =
    [
        new(SpeechMarkKind.Sentence, 0, 11, 0, 900),
        new(SpeechMarkKind.Word, 0, 5, 0, 400),
        new(SpeechMarkKind.Word, 6, 5, 400, 900),
    ];

    [Fact]
    public void Shift_moves_marks_and_clamps_at_zero()
    {
        var later = SpeechTimings.Shift(Marks, 26);
        Assert.Equal([26, 26, 426], later.Select(m => m.StartMs));
        Assert.Equal([926, 426, 926], later.Select(m => m.EndMs));
        Assert.Equal(Marks.Select(m => m.TextStart), later.Select(m => m.TextStart));

        var earlier = SpeechTimings.Shift(Marks, -100);
        Assert.Equal([0, 0, 300], earlier.Select(m => m.StartMs));
        Assert.Same(Marks, SpeechTimings.Shift(Marks, 0));
    }

    [Fact]
    public void Encoder_delay_is_only_added_when_the_player_does_not_trim_it()
    {
        var gapless = new EncodedAudio("audio/mpeg", "mp3", 22050, 900, 576, 100, 576 + 529, 1000, true);
        Assert.Same(Marks, SpeechTimings.ForEncodedAudio(Marks, gapless));
        Assert.Equal(26, gapless.EncoderDelayMs);
        Assert.Equal(50, gapless.PlaybackDelayMs);
        Assert.Equal(50, SpeechTimings.ForEncodedAudio(Marks, gapless, playerTrimsDelay: false)[0].StartMs);

        var noTag = gapless with { GaplessInfoWritten = false };
        Assert.Equal(450, SpeechTimings.ForEncodedAudio(Marks, noTag)[2].StartMs);

        var opus = new EncodedAudio("audio/ogg; codecs=opus", "opus", 48000, 900, 312, 0, 312, 1000, true);
        Assert.Equal(7, opus.EncoderDelayMs);
        Assert.Equal(7, SpeechTimings.ForEncodedAudio(Marks, opus, playerTrimsDelay: false)[1].StartMs);
    }

    [Fact]
    public void Clamp_limits_marks_to_the_audio()
    {
        var clamped = SpeechTimings.ClampTo(SpeechTimings.Shift(Marks, 300), 1000);
        Assert.Equal([1000, 700, 1000], clamped.Select(m => m.EndMs));
    }

    [Fact]
    public void Text_positions_map_code_points_to_utf16()
    {
        var positions = new TextPositions("a😀b𠀀c");
        Assert.Equal(5, positions.CodePointCount);
        Assert.Equal([0, 1, 3, 4, 6, 7], Enumerable.Range(0, 6).Select(positions.ToUtf16));
        Assert.Equal(7, positions.ToUtf16(99));
    }

    [Fact]
    public void Speech_result_helpers()
    {
        var result = new SpeechResult(new short[22050], 22050, Marks);
        Assert.Equal(1000, result.DurationMs);
        Assert.Equal(2, result.Words.Count());
        Assert.Single(result.Sentences);
        Assert.Equal("world", Marks[2].TextOf("hello world"));
        Assert.Equal(11, Marks[2].TextEnd);
    }
}
