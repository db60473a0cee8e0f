using Broadsheet.Newsroom.Accounts;
using Broadsheet.Newsroom.ErrorReports;

namespace Broadsheet.Tests.Newsroom;

/// <summary>The error report email's pieces and its settings: pure logic, a real one is received through SMTP in TrustPagesTests.</summary>
public class ErrorReportMailTests
{
    [Fact]
    public void The_desk_addresses_are_checked_only_when_mail_is_configured()
    {
        Assert.True(new MailOptions { ErrorReportsTo = "not an address" }.IsValid);
        var configured = new MailOptions { Host = "smtp.example.com", From = "desk@example.com", ErrorReportsTo = " corrections@example.com , Standards <standards@example.com>" };
        Assert.True(configured.IsValid);
        Assert.Equal(["corrections@example.com", "Standards <standards@example.com>"], configured.ErrorReportRecipients);
        Assert.False(new MailOptions { Host = "smtp.example.com", From = "desk@example.com", ErrorReportsTo = "corrections@example.com, nobody" }.IsValid);
        Assert.Empty(new MailOptions { ErrorReportsTo = " , " }.ErrorReportRecipients);
    }

    [Fact]
    public void The_email_quotes_the_report_links_the_article_and_the_queue_and_says_whether_a_reply_reaches_the_reader()
    {
        var report = new ErrorReportMail.Report(7, "The bridge opened in 1932, not 1923.", "reader@example.com", "Bridge turns 90", "/news/local/article/12/bridge-turns-90");
        var text = ErrorReportMail.Text(report, "https://news.example");
        Assert.Contains("\"Bridge turns 90\"", text, StringComparison.Ordinal);
        Assert.Contains("The bridge opened in 1932, not 1923.", text, StringComparison.Ordinal);
        Assert.Contains("https://news.example/news/local/article/12/bridge-turns-90", text, StringComparison.Ordinal);
        Assert.Contains("https://news.example/newsroom/error-reports", text, StringComparison.Ordinal);
        Assert.Contains("Reply to this email to answer the reader (reader@example.com).", text, StringComparison.Ordinal);
        Assert.Contains("The reader left no email address.", ErrorReportMail.Text(report with { Email = null }, "https://news.example"), StringComparison.Ordinal);
        Assert.Equal("Error report: Bridge turns 90", ErrorReportMail.Subject("Bridge turns 90"));
    }
}
