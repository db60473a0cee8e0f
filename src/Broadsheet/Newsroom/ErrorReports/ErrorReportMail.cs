using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Feedback;
using Broadsheet.Newsroom.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Broadsheet.Newsroom.ErrorReports;

/// <summary>
/// Emails each reader's error report to the desk that handles corrections (<see cref="MailOptions.ErrorReportsTo"/>)
/// as it arrives, so a wrong fact is not left waiting until someone opens the queue. The email names the article,
/// quotes the report, links the article and the queue, and replies to the reader when they left an address. A report
/// is already stored (and in the queue page) before it is queued here, so an email lost with a stopping process or a
/// full queue loses nothing but the alert.
/// </summary>
public sealed class ErrorReportMail(
    IServiceScopeFactory scopes, SmtpMail smtp, IOptions<MailOptions> mail, IOptions<BroadsheetOptions> broadsheet, ILogger<ErrorReportMail> logger)
    : MailQueue<int>(logger), IErrorReportFollower
{
    public override bool IsEnabled => mail.Value.IsConfigured && mail.Value.ErrorReportRecipients.Count > 0;

    public void Received(ErrorReport report)
    {
        if (IsEnabled && !Enqueue(report.Id))
        {
            logger.LogWarning("Error report {ReportId} not emailed: too many waiting", report.Id);
        }
    }

    protected override string FailureMessage => "Could not email an error report";

    protected override async Task SendAsync(int id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var row = await db.Set<ErrorReport>().AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new { r.Details, r.Email, r.ArticleId, r.Article.Headline, r.Article.Slug, SectionPath = r.Article.Section.Path })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return;
        }
        var report = new Report(id, row.Details, row.Email, row.Headline, ArticleUrls.PathOf(row.SectionPath, row.ArticleId, row.Slug));
        var message = new MimeMessage
        {
            Subject = Subject(report.Headline),
            Body = new TextPart("plain") { Text = Text(report, broadsheet.Value.PublicUrl.TrimEnd('/')) },
        };
        foreach (var address in mail.Value.ErrorReportRecipients)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }
        // The form checks the address with .NET's parser; one MimeKit reads differently costs the reply address, not
        // the desk's email (the address is still in the text).
        if (report.Email is { } reader && MailboxAddress.TryParse(reader, out var replyTo))
        {
            message.ReplyTo.Add(replyTo);
        }
        await smtp.SendAsync(message, ct);
        logger.LogInformation("Emailed error report {ReportId} to the desk", report.Id);
    }

    /// <summary>What the email needs of a report and its article.</summary>
    public sealed record Report(int Id, string Details, string? Email, string Headline, string ArticlePath);

    public static string Subject(string headline) => $"Error report: {headline}";

    /// <summary>The email's text: the report as the reader wrote it, where to read the article and where to resolve it.</summary>
    public static string Text(Report report, string publicUrl) =>
        $"""
        A reader reports an error in "{report.Headline}":

        {report.Details}

        The article: {publicUrl}{report.ArticlePath}
        Resolve it in the newsroom: {publicUrl}/newsroom/error-reports
        {(report.Email is null ? "The reader left no email address." : $"Reply to this email to answer the reader ({report.Email}).")}
        """;
}
