using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Broadsheet.Listen;

/// <summary>The formats a recording is kept in, with the content type each is served with.</summary>
public static partial class AudioFormats
{
    public const string Mp3 = "mp3";
    public const string Opus = "opus";
    public const string Timings = "json";
    public const string WebVtt = "vtt";

    public static string ContentType(string extension) => extension switch
    {
        Mp3 => "audio/mpeg",
        Opus => "audio/ogg; codecs=opus",
        Timings => "application/json",
        WebVtt => "text/vtt; charset=utf-8",
        _ => "application/octet-stream",
    };

    /// <summary>A served file name: the first 12 hex digits of the fingerprint and one of the four extensions.</summary>
    [GeneratedRegex("^(?<fp>[0-9a-f]{12})\\.(?<ext>mp3|opus|json|vtt)$")]
    public static partial Regex FileName();

    /// <summary>Voice ids are lower-case letters, digits and dashes (the engines' contract).</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    public static partial Regex VoiceId();
}

/// <summary>
/// Where recordings live on disk: <c>{AudioPath}/{articleId}/{voiceId}/{fingerprint12}.{ext}</c>. Files are written
/// under a temporary name and renamed into place, so a reader never sees a partial file.
/// </summary>
public sealed class AudioFiles
{
    private const string TempPrefix = ".tmp-";

    public AudioFiles(IOptions<ListenOptions> listen, IOptions<BroadsheetOptions> broadsheet)
    {
        Root = listen.Value.AudioDirectory(broadsheet.Value);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Folder(int articleId, string voiceId) =>
        Path.Combine(Root, articleId.ToString(CultureInfo.InvariantCulture), voiceId);

    public string PathOf(int articleId, string voiceId, string fingerprint, string extension) =>
        Path.Combine(Folder(articleId, voiceId), $"{fingerprint[..12]}.{extension}");

    /// <summary>Writes through <paramref name="write"/> to a temporary file, flushes it to disk and renames it over the final name.</summary>
    public long WriteAtomically(string path, Action<Stream> write)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, TempPrefix + Guid.NewGuid().ToString("N") + Path.GetExtension(path));
        try
        {
            long length;
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(file);
                file.Flush(flushToDisk: true);
                length = file.Length;
            }
            File.Move(temp, path, overwrite: true);
            return length;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public long WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        var bytes = content.ToArray();
        return WriteAtomically(path, s => s.Write(bytes));
    }

    /// <summary>Deletes every format of one recording.</summary>
    public void Delete(int articleId, string voiceId, string fingerprint)
    {
        foreach (var ext in new[] { AudioFormats.Mp3, AudioFormats.Opus, AudioFormats.Timings, AudioFormats.WebVtt })
        {
            TryDelete(PathOf(articleId, voiceId, fingerprint, ext));
        }
        TryDeleteEmptyFolders(Folder(articleId, voiceId));
    }

    /// <summary>
    /// Files on disk that <paramref name="isKnown"/> does not claim, older than <paramref name="olderThan"/> (which spares
    /// files being written right now and files renamed into place just before their row is saved).
    /// </summary>
    public IEnumerable<string> Orphans(Func<int, string, string, bool> isKnown, DateTime olderThan)
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }
        foreach (var articleFolder in Directory.EnumerateDirectories(Root))
        {
            if (!int.TryParse(Path.GetFileName(articleFolder), NumberStyles.None, CultureInfo.InvariantCulture, out var articleId))
            {
                continue;
            }
            foreach (var voiceFolder in Directory.EnumerateDirectories(articleFolder))
            {
                var voiceId = Path.GetFileName(voiceFolder);
                foreach (var file in Directory.EnumerateFiles(voiceFolder))
                {
                    var name = Path.GetFileName(file);
                    var match = AudioFormats.FileName().Match(name);
                    var stale = File.GetLastWriteTimeUtc(file) < olderThan;
                    if (stale && (name.StartsWith(TempPrefix, StringComparison.Ordinal) || (match.Success && !isKnown(articleId, voiceId, match.Groups["fp"].Value))))
                    {
                        yield return file;
                    }
                }
            }
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void TryDeleteEmptyFolders(string voiceFolder)
    {
        foreach (var folder in new[] { voiceFolder, Path.GetDirectoryName(voiceFolder)! })
        {
            try
            {
                if (folder.StartsWith(Root, StringComparison.Ordinal) && folder != Root && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                }
            }
            catch (IOException)
            {
            }
        }
    }
}
