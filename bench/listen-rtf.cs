#:project ../src/Broadsheet.Speech/Broadsheet.Speech.csproj
// Real-time factor of each engine and voice (synthesis time / audio length; lower is faster), and the encoders'
// cost, on the same ~300-word news text. Run: dotnet run -c Release bench/listen-rtf.cs
using System.Diagnostics;
using Broadsheet.Speech;

var catalog = VoiceCatalog.CreateDefault();
string[] sentences =
[
    "The harbour council voted on Tuesday to approve the budget for a new ferry, ending a debate that lasted most of the year.",
    "Councillors said the vessel would carry three hundred passengers and run every half hour between the two towns.",
    "Tenders open in March and building starts in May, the council said in a statement after the vote.",
    "Opponents argued that the money would be better spent on the bridge, which has been closed to lorries since the spring.",
    "The mayor said the ferry was the cheapest way to reconnect the towns quickly, and promised a review of the bridge next year.",
];
var text = string.Join(" ", Enumerable.Range(0, 3).SelectMany(_ => sentences));
var words = text.Split(' ').Length;
string[] voices = ["espeak-en-gb", "espeak-en-gb-f", "espeak-en-us", "flite-kal", "flite-slt", "flite-rms", "flite-awb"];
Console.WriteLine($"| voice | engine | audio s | synthesis ms | RTF | MP3 q5 ms | MP3 q7 ms | Opus ms |");
Console.WriteLine($"|---|---|---|---|---|---|---|---|");
foreach (var id in voices)
{
    if (catalog.Find(id) is not { } voice)
    {
        Console.WriteLine($"| {id} | not installed | | | | | | |");
        continue;
    }
    catalog.Synthesize("Warm up.", voice, default);
    var best = long.MaxValue;
    SpeechResult? speech = null;
    for (var run = 0; run < 3; run++)
    {
        var clock = Stopwatch.StartNew();
        speech = catalog.Synthesize(text, voice, default);
        best = Math.Min(best, clock.ElapsedMilliseconds);
    }
    var mp3 = Stopwatch.StartNew();
    new Mp3Encoder(48, quality: 5).Encode(speech!, Stream.Null);
    var mp3Q5 = mp3.ElapsedMilliseconds;
    mp3.Restart();
    new Mp3Encoder(48, quality: 7).Encode(speech!, Stream.Null);
    var mp3Ms = mp3.ElapsedMilliseconds;
    var opus = Stopwatch.StartNew();
    new OggOpusEncoder(24000, voip: true, complexity: 1).Encode(speech!, Stream.Null);
    var opusMs = opus.ElapsedMilliseconds;
    Console.WriteLine($"| {id} | {voice.Engine} | {speech!.DurationMs / 1000.0:0.0} | {best} | {best / (double)speech.DurationMs:0.0000} | {mp3Q5} | {mp3Ms} | {opusMs} |");
}
Console.WriteLine($"\n{words} words; best of 3 synthesis runs; encoders run once (MP3 48 kbit/s ABR at LAME quality 5 and 7, Opus 24 kbit/s complexity 1).");
