using System.Globalization;
using System.Xml;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Ingest.WordPress;

/// <summary><c>import wordpress FILE [--uploads DIR] [--no-download]</c>: imports a WordPress export, showing progress, resumable.</summary>
public static class WordPressImportCommand
{
    private const string Usage = "usage: import wordpress FILE [--uploads DIR] [--no-download]";

    /// <summary>
    /// Runs the command in <paramref name="args"/>: null when the arguments are not this command, else the exit code: 0 when
    /// every post was imported or skipped, 1 when the file cannot be read, 2 for bad arguments, 3 when some posts failed,
    /// 130 when interrupted. <paramref name="terminal"/> draws a progress bar on one line; otherwise a line per post.
    /// </summary>
    public static Task<int?> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, bool terminal, CancellationToken ct = default) =>
        args.Length == 0 || args[0] != "import"
            ? Task.FromResult<int?>(null)
            // Apart, so that a start without the command never compiles the import's code, which loads the XML library.
            : ImportAsync(services, args, output, error, terminal, ct);

    private static async Task<int?> ImportAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, bool terminal, CancellationToken ct)
    {
        if (!TryRead(args, out var file, out var uploads, out var download))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"No file {file}.");
            return 1;
        }
        if (uploads is not null && !Directory.Exists(uploads))
        {
            await error.WriteLineAsync($"No uploads folder {uploads}.");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        // Migrate only: the server's start-up preparation would also seed demo content into an empty database.
        if (scope.ServiceProvider.GetRequiredService<IOptions<BroadsheetOptions>>().Value.Database.ApplyMigrations)
        {
            await db.Database.MigrateAsync(ct);
        }
        using var http = download ? new HttpClient { Timeout = TimeSpan.FromSeconds(30) } : null;
        var importer = ActivatorUtilities.CreateInstance<WordPressImporter>(scope.ServiceProvider);
        var bar = new ProgressLine(output, terminal, scope.ServiceProvider.GetRequiredService<TimeProvider>());
        WordPressImportReport report;
        try
        {
            report = await importer.ImportAsync(file, new WordPressImportOptions(uploads, http), bar.Report, ct);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            bar.End();
            await error.WriteLineAsync($"Cannot read {file}: {e.Message}");
            await error.WriteLineAsync("Whatever was imported before the problem stays; run the command again after fixing the file to import the rest.");
            return 1;
        }
        bar.End();
        await output.WriteLineAsync($"Imported {report.Imported} of {report.Total} posts ({report.Published} published, {report.Drafts} drafts); skipped {report.Skipped} (imported before); failed {report.Failed.Count}.");
        foreach (var warning in report.Warnings)
        {
            await output.WriteLineAsync($"  note: {warning}");
        }
        foreach (var failure in report.Failed)
        {
            await error.WriteLineAsync($"  failed: {failure}");
        }
        if (report.Interrupted)
        {
            await error.WriteLineAsync("Interrupted: run the same command again to import the rest.");
            return 130;
        }
        return report.Failed.Count > 0 ? 3 : 0;
    }

    private static bool TryRead(string[] args, out string file, out string? uploads, out bool download)
    {
        file = "";
        uploads = null;
        download = true;
        if (args.Length < 3 || args[1] != "wordpress")
        {
            return false;
        }
        for (var i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--uploads" when i + 1 < args.Length:
                    uploads = args[++i];
                    break;
                case "--no-download":
                    download = false;
                    break;
                case var value when !value.StartsWith("--", StringComparison.Ordinal) && file.Length == 0:
                    file = value;
                    break;
                default:
                    return false;
            }
        }
        return file.Length > 0;
    }

    /// <summary>Items done of the total, the rate and the time left: redrawn on one line on a terminal, a line per post otherwise.</summary>
    private sealed class ProgressLine(TextWriter output, bool terminal, TimeProvider clock)
    {
        private const int Width = 30;
        private readonly long started = clock.GetTimestamp();
        private bool drawn;

        public void Report(WordPressImportProgress p)
        {
            var seconds = Math.Max(clock.GetElapsedTime(started).TotalSeconds, 0.001);
            var rate = p.Done / seconds;
            var left = rate > 0 ? TimeSpan.FromSeconds((p.Total - p.Done) / rate) : TimeSpan.Zero;
            var figures = string.Create(CultureInfo.InvariantCulture, $"{p.Done}/{p.Total}  {rate:0.0} posts/s  ETA {left:h\\:mm\\:ss}");
            if (terminal)
            {
                var filled = p.Total == 0 ? Width : (int)((long)Width * p.Done / p.Total);
                output.Write($"\r[{new string('#', filled)}{new string('-', Width - filled)}] {figures}\u001b[K");
                drawn = true;
            }
            else
            {
                output.WriteLine($"{figures}  {p.Outcome}: {p.Title}");
            }
            output.Flush();
        }

        public void End()
        {
            if (drawn)
            {
                output.WriteLine();
                drawn = false;
            }
        }
    }
}
