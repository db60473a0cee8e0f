using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Broadsheet.Newsroom.Accounts;

public enum MailSecurity
{
    /// <summary>TLS on connect for port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>
/// The SMTP server the newsroom sends its mail through (<c>Broadsheet:Mail</c>). Without a <see cref="Host"/> nothing is
/// sent and "Forgot password?" is not offered: only an admin can then issue a reset link.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Broadsheet:Mail";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.Auto;

    /// <summary>Sign in to the server with these when given.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, <c>newsroom@example.com</c> or <c>The Daily Meridian &lt;newsroom@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The least time between two reset emails to one account, so the form cannot be used to flood someone's inbox.</summary>
    [Range(0, 1440)]
    public int ResetMailGapMinutes { get; set; } = 2;

    /// <summary>
    /// Where readers' error reports are emailed as they arrive (the corrections or standards desk), one address or
    /// several separated by commas; none when empty. Each email replies to the reader when they left an address.
    /// </summary>
    public string? ErrorReportsTo { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The addresses of <see cref="ErrorReportsTo"/>, trimmed.</summary>
    public IReadOnlyList<string> ErrorReportRecipients =>
        ErrorReportsTo?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    public bool IsValid => !IsConfigured || (From is not null && IsMailbox(From) && ErrorReportRecipients.All(IsMailbox));

    // Not inlined: validating the options at every start then loads the mail library only when mail is configured.
    // MimeKit takes a bare word for a local mailbox; a newsroom's sender and desk are addresses with a domain.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsMailbox(string address) => MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal);
}

/// <summary>
/// Sends one message through the configured SMTP server (<see cref="MailOptions"/>), from its sender, with a connection
/// of its own: the newsroom's mail is a few messages an hour, not worth a pooled connection.
/// </summary>
public sealed class SmtpMail(IOptions<MailOptions> mail)
{
    public bool IsConfigured => mail.Value.IsConfigured;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var options = mail.Value;
        message.From.Add(MailboxAddress.Parse(options.From!));
        using var smtp = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        await smtp.ConnectAsync(options.Host!, options.Port, options.Security switch
        {
            MailSecurity.None => SecureSocketOptions.None,
            MailSecurity.StartTls => SecureSocketOptions.StartTls,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        }, ct);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await smtp.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        }
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}
