using Broadsheet.Listen;
using Microsoft.Extensions.Options;

namespace Broadsheet.Tests.Listen;

public sealed class AudioFilesTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "broadsheet-audio-tests", Guid.NewGuid().ToString("N"));
    private readonly AudioFiles files;

    public AudioFilesTests() =>
        files = new AudioFiles(Options.Create(new ListenOptions { AudioPath = root }), Options.Create(new BroadsheetOptions()));

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_file_appears_under_its_final_name_only_when_complete()
    {
        var fingerprint = new string('a', 64);
        var path = files.PathOf(7, "espeak-en-gb", fingerprint, AudioFormats.Mp3);
        Assert.Equal(Path.Combine(root, "7", "espeak-en-gb", "aaaaaaaaaaaa.mp3"), path);

        Assert.Throws<IOException>(() => files.WriteAtomically(path, s =>
        {
            s.Write(new byte[1000]);
            throw new IOException("disk full");
        }));
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(path)!)); // no temporary file left behind

        Assert.Equal(3, files.WriteAtomically(path, [1, 2, 3]));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        files.WriteAtomically(path, [4, 5]);
        Assert.Equal([4, 5], File.ReadAllBytes(path));

        files.Delete(7, "espeak-en-gb", fingerprint);
        Assert.False(File.Exists(path));
        Assert.False(Directory.Exists(Path.Combine(root, "7")));
    }

    [Fact]
    public void Orphans_are_old_files_no_recording_claims()
    {
        var known = files.PathOf(1, "flite-slt", new string('b', 64), AudioFormats.Mp3);
        var orphan = files.PathOf(1, "flite-slt", new string('c', 64), AudioFormats.Opus);
        var fresh = files.PathOf(2, "flite-slt", new string('d', 64), AudioFormats.Mp3);
        foreach (var path in new[] { known, orphan, fresh })
        {
            files.WriteAtomically(path, [1]);
        }
        var old = DateTime.UtcNow.AddHours(-2);
        File.SetLastWriteTimeUtc(known, old);
        File.SetLastWriteTimeUtc(orphan, old);

        var found = files.Orphans((id, voice, fp) => id == 1 && voice == "flite-slt" && fp == "bbbbbbbbbbbb", DateTime.UtcNow.AddHours(-1)).ToList();
        Assert.Equal([orphan], found);
    }

    [Fact]
    public async Task Generation_threads_run_at_lowered_priority()
    {
        var niceness = await BackgroundThread.Run(() => BackgroundThread.CurrentNiceness(), 10, "test");
        Assert.True(niceness >= 10, $"niceness {niceness}");
        Assert.True(BackgroundThread.CurrentNiceness() < niceness, "only the worker thread is lowered, not the caller");
    }
}
