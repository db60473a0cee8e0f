using Broadsheet.Reader;
using Broadsheet.Rendering;
using Broadsheet.Speech;

namespace Broadsheet.Tests.Unit;

public class VoiceNamesTests
{
    private static readonly Voice[] Voices =
    [
        new("espeak-en-us", "espeak-ng", "en-US", "English (America), male", "male"),
        new("espeak-en-us-f", "espeak-ng", "en-US", "English (America), female", "female"),
        new("flite-slt", "flite", "en-US", "Slt, US English, female", "female"),
        new("flite-rms", "flite", "en-US", "Rms, US English, male", "male"),
        new("flite-kal", "flite", "en-US", "Kal, US English, male", "male"),
        new("espeak-en-gb", "espeak-ng", "en-GB", "English (Great Britain), male", "male"),
        new("espeak-fr-fr", "espeak-ng", "fr-FR", "French (France), male", "male"),
    ];

    [Fact]
    public void Voices_are_grouped_by_engine_and_accent_with_plain_numbered_names()
    {
        var groups = VoiceNames.Group(Voices, Words.For("en"));

        Assert.Equal(["American English (eSpeak NG)", "American English (Flite)", "British English (eSpeak NG)", "French (France) (eSpeak NG)"],
            groups.Select(g => g.Label));
        Assert.Equal(["American English - man", "American English - woman"], groups[0].Voices.Select(v => v.Name));
        Assert.Equal(["American English - woman", "American English - man 1", "American English - man 2"], groups[1].Voices.Select(v => v.Name));
        Assert.Equal("flite-kal", groups[1].Voices[2].Voice.Id);
        Assert.Equal("French (France) - man", groups[3].Voices[0].Name);
        var names = groups.SelectMany(g => g.Voices).Select(v => v.Name).ToList();
        Assert.DoesNotContain(names, n => n.Contains("Slt", StringComparison.Ordinal) || n.Contains("Kal", StringComparison.Ordinal) || n.Contains("Rms", StringComparison.Ordinal));
    }

    [Fact]
    public void Chinese_voices_are_named_in_chinese()
    {
        Voice[] chinese = [new("espeak-cmn", "espeak-ng", "cmn", "Chinese (Mandarin, latin as English), male", "male"), new("espeak-cmn-f", "espeak-ng", "cmn", "Chinese (Mandarin, latin as English), female", "female"), new("espeak-yue", "espeak-ng", "yue", "Chinese (Cantonese), male", "male")];
        var groups = VoiceNames.Group(chinese, Words.For("zh-Hant"));
        Assert.Equal(["國語－男聲", "國語－女聲"], groups[0].Voices.Select(v => v.Name));
        Assert.Equal("粵語－男聲", groups[1].Voices[0].Name);
        Assert.Equal("國語（eSpeak NG）", groups[0].Label);
    }
}
